/**
 * Defining a club's earning rules (validated at save time), listing them, simulating a purchase and
 * computing the grants of a real purchase. The transaction boundary; knows nothing of the API.
 */
package club.bloom.rules.application;
