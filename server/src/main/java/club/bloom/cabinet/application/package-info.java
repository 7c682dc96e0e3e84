/** The cabinet's and the member card's reads, each in one transaction. */
package club.bloom.cabinet.application;
