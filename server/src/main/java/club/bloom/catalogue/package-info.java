/** Catalogue: the club's purchase categories (the diversity that tiers and badges count). */
package club.bloom.catalogue;
