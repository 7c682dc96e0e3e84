/** {@code /platform/…}: operators provision clubs and partners, link them, issue API keys. */
package club.bloom.onboarding.api;
