package club.bloom.membership.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of a personal field a role may see: nothing, a masked form (see {@link Masking}), or the
 * field as stored. Ordered from least to most.
 */
public enum Visibility {
  NONE,
  MASKED,
  FULL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Visibility> parse(String code) {
    for (Visibility v : values()) {
      if (v.code().equals(code)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The wider of two. */
  public Visibility or(Visibility other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
