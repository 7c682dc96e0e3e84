package club.bloom.community.domain;

import java.util.Locale;
import java.util.Optional;

/** Where an invitation stands. Only a pending one can be answered. */
public enum InvitationStatus {
  PENDING,
  ACCEPTED,
  DECLINED,
  REVOKED,
  EXPIRED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InvitationStatus> parse(String code) {
    for (InvitationStatus s : values()) {
      if (s.code().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
