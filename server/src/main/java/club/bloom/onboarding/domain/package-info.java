/** Partnerships between clubs and partners. */
package club.bloom.onboarding.domain;
