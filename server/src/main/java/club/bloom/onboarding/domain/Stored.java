package club.bloom.onboarding.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as PostgreSQL keeps them (microseconds), so an answer shows what a later read shows. */
final class Stored {
  private Stored() {}

  static Instant time(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
