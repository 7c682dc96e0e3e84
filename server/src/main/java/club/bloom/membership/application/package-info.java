/** Enrolling members and the member cabinet. */
package club.bloom.membership.application;
