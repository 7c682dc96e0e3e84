/**
 * Managing endpoints, turning domain events into messages in the fact's transaction, delivering
 * them (the outbox's WEBHOOK channel), the delivery log and redelivery.
 */
package club.bloom.webhooks.application;
