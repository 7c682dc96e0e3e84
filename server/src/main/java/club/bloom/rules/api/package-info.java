/** {@code /clubs/{club}/rules}: define, list and simulate a club's earning rules. */
package club.bloom.rules.api;
