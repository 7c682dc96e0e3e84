/**
 * Tiers: the club's status levels, evaluation of a member's level from spend and category diversity
 * over a rolling window, and progress to the next level.
 */
package club.bloom.tiers;
