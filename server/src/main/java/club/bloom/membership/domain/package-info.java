/** Member aggregate, passport codes, personal data and the vault's interface. */
package club.bloom.membership.domain;
