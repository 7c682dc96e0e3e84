/**
 * Communications: everything Bloom sends out leaves through the transactional outbox (ADR 0032).
 * Application services fire {@link club.bloom.shared.domain.OutgoingMail} or {@link
 * club.bloom.shared.domain.OutgoingTextMessage}; {@code OutboxWriter} turns each into a row of
 * {@code platform.outbox_message} in the same transaction (a rolled-back request sends nothing),
 * and {@code OutboxDispatcher}, on every replica, claims due rows and delivers them at least once
 * through the channels (SMTP, the SMS gateway), retrying with backoff for days. Depends on shared
 * and tenancy only; no context depends on it (they fire the shared events).
 */
package club.bloom.communications;
