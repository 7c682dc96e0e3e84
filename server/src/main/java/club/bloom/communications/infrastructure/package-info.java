/** The outbox table (JDBC), the payload seal (AES-GCM), SMTP and the SMS gateway as channels. */
package club.bloom.communications.infrastructure;
