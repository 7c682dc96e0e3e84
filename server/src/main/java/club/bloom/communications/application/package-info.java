/** Writing outbox rows in the fact's transaction, and dispatching them. */
package club.bloom.communications.application;
