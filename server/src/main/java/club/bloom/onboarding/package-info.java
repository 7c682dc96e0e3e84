/**
 * Onboarding: operators provision clubs and partners (through the tenancy kernel); clubs and
 * partners sign themselves up (ADR 0019); partners join clubs with the categories they may report —
 * linked by the operator, by redeeming a club's invitation code or by the club approving their
 * request — and clubs end partnerships (ADR 0022).
 */
package club.bloom.onboarding;
