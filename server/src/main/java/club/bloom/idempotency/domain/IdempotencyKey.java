package club.bloom.idempotency.domain;

import club.bloom.shared.domain.InvalidInput;

/** A client-chosen key of one logical operation: 8–255 visible ASCII characters. */
public record IdempotencyKey(String value) {
  public static final String HEADER = "Idempotency-Key";

  public IdempotencyKey {
    if (value == null || value.isBlank()) {
      throw InvalidInput.of(HEADER, "is required for this operation");
    }
    if (value.length() < 8
        || value.length() > 255
        || !value.chars().allMatch(c -> c > 32 && c < 127)) {
      throw InvalidInput.of(HEADER, "must be 8–255 visible ASCII characters (a UUID is ideal)");
    }
  }
}
