/** {@code /clubs/{club}/categories}, {@code /clubs/{club}/tiers} and the public club info. */
package club.bloom.catalogue.api;
