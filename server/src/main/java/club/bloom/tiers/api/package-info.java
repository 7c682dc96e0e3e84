/** Manual tiers, the tier policy and the operator's re-evaluation run. */
package club.bloom.tiers.api;
