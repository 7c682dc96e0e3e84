package club.bloom.communications.domain;

/** How a message leaves Bloom: mail, text message, or a signed webhook (ADR 0042). */
public enum Channel {
  MAIL,
  TEXT,
  WEBHOOK
}
