/** JPA for partnerships. */
package club.bloom.onboarding.infrastructure;
