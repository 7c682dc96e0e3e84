/** JPA for categories. */
package club.bloom.catalogue.infrastructure;
