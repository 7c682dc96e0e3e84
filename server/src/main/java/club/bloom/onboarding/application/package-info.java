/** Operator use cases: link partners to clubs. */
package club.bloom.onboarding.application;
