package club.bloom.communications.domain;

/**
 * The result of one delivery attempt. A failure's reason is written to the outbox row and the log:
 * it names exception classes and protocol codes, never an address or a server's text (which may
 * quote the address).
 */
public sealed interface Delivery {
  int MAX_REASON = 300;

  static Delivery delivered() {
    return new Delivered();
  }

  /** Worth another attempt later: the server is down, busy, or refused for now. */
  static Failed transientFailure(String reason) {
    return new Failed(false, reason);
  }

  /**
   * No later attempt can succeed (the address is malformed or refused by the recipient's server).
   */
  static Failed permanentFailure(String reason) {
    return new Failed(true, reason);
  }

  /** The receiver accepted the message. */
  record Delivered() implements Delivery {}

  /** The attempt failed; {@code permanent} ends the row at once. */
  record Failed(boolean permanent, String reason) implements Delivery {
    public Failed {
      reason = reason == null || reason.isBlank() ? "unknown" : reason.strip();
      if (reason.length() > MAX_REASON) {
        reason = reason.substring(0, MAX_REASON);
      }
    }
  }
}
