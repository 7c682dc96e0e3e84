/** Categories of a club. */
package club.bloom.catalogue.domain;
