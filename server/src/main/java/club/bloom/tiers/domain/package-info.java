/** Tier rules, the ladder that evaluates them, progress and its text. Pure Java. */
package club.bloom.tiers.domain;
