/**
 * The outbox's vocabulary: channels, payloads, the retry policy and the ports to the store, the
 * seal and the delivery channels. No frameworks.
 */
package club.bloom.communications.domain;
