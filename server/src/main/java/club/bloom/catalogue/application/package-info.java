/** Defining a club's categories. */
package club.bloom.catalogue.application;
