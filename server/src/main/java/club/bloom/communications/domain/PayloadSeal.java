package club.bloom.communications.domain;

import java.util.UUID;

/**
 * Seals a payload for storage and opens it for delivery. The seal is bound to the row (its id,
 * channel and kind): a sealed payload copied to another row does not open.
 */
public interface PayloadSeal {
  byte[] seal(UUID id, Payload payload);

  /**
   * @throws UnreadablePayload it does not open (another key, another row, damaged)
   */
  Payload open(UUID id, Channel channel, String kind, byte[] sealed);

  /** A sealed payload that cannot be opened. */
  final class UnreadablePayload extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadablePayload(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
