package club.bloom.communications.domain;

/** How a message leaves Bloom. Webhooks will be a third channel on the same outbox. */
public enum Channel {
  MAIL,
  TEXT
}
