/** Enrolling members, the member cabinet, and the one-time codes that confirm redemptions. */
package club.bloom.membership.application;
