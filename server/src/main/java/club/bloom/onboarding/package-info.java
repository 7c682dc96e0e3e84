/**
 * Onboarding: operators provision clubs and partners (through the tenancy kernel) and link partners
 * to clubs with the categories they may report. Self-service sign-up is issue #4.
 */
package club.bloom.onboarding;
