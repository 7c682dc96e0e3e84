/** Defining a club's tiers; evaluating members. */
package club.bloom.tiers.application;
