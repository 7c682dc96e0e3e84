package club.bloom.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CounterRegistrationTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private static CounterRegistration issued() {
    return CounterRegistration.issue(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        new byte[32],
        NOW,
        Duration.ofDays(7));
  }

  @Test
  void aLinkIsClaimedOnceByOneLogin() {
    CounterRegistration r = issued();
    assertTrue(r.claim("login-1", NOW.plusSeconds(60)));
    assertEquals(Optional.of(NOW.plusSeconds(60)), r.claimedAt());
  }

  @Test
  void theSameLoginClaimingAgainIsToldItIsDone() {
    CounterRegistration r = issued();
    r.claim("login-1", NOW);
    assertFalse(r.claim("login-1", NOW.plus(Duration.ofDays(30))));
  }

  @Test
  void anotherLoginIsRefusedAUsedLink() {
    CounterRegistration r = issued();
    r.claim("login-1", NOW);
    BloomException e = assertThrows(BloomException.class, () -> r.claim("login-2", NOW));
    assertEquals("registration-link-used", e.type());
    assertEquals(ProblemKind.GONE, e.kind());
  }

  @Test
  void anExpiredLinkIsRefused() {
    CounterRegistration r = issued();
    assertEquals(NOW.plus(Duration.ofDays(7)), r.expiresAt());
    BloomException e =
        assertThrows(BloomException.class, () -> r.claim("login-1", NOW.plus(Duration.ofDays(7))));
    assertEquals("registration-link-expired", e.type());
    assertEquals(ProblemKind.GONE, e.kind());
    assertTrue(r.claimedAt().isEmpty());
  }
}
