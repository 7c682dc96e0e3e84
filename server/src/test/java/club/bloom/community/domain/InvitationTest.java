package club.bloom.community.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.community.domain.Invitation.Revocation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitationTest {
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

  private static Invitation invitation() {
    return Invitation.issue(
        UUID.randomUUID(),
        "inner-circle",
        InvitedVia.EMAIL,
        "owner",
        NOW,
        Duration.ofDays(14),
        Optional.empty());
  }

  @Test
  void aPendingInvitationExpiresAtItsDate() {
    Invitation i = invitation();
    assertEquals(InvitationStatus.PENDING, i.statusAt(NOW.plus(Duration.ofDays(13))));
    assertEquals(InvitationStatus.EXPIRED, i.statusAt(NOW.plus(Duration.ofDays(14))));
    InvitationClosed e =
        assertThrows(InvitationClosed.class, () -> i.accept(NOW.plus(Duration.ofDays(15))));
    assertEquals("invitation-expired", e.type());
    assertThrows(InvitationClosed.class, () -> i.decline(NOW.plus(Duration.ofDays(15))));
  }

  @Test
  void acceptingTwiceGrantsOnce() {
    Invitation i = invitation();
    assertTrue(i.accept(NOW.plusSeconds(1)));
    assertFalse(i.accept(NOW.plusSeconds(2)));
    assertFalse(i.accept(NOW.plus(Duration.ofDays(30))), "an accepted invitation does not expire");
    assertEquals(InvitationStatus.ACCEPTED, i.statusAt(NOW.plus(Duration.ofDays(30))));
    assertThrows(InvitationClosed.class, () -> i.decline(NOW.plusSeconds(3)));
  }

  @Test
  void aDeclinedInvitationCannotBeAcceptedOrRevoked() {
    Invitation i = invitation();
    assertTrue(i.decline(NOW));
    assertFalse(i.decline(NOW.plusSeconds(1)));
    assertEquals(
        "invitation-closed", assertThrows(InvitationClosed.class, () -> i.accept(NOW)).type());
    assertThrows(InvitationClosed.class, () -> i.revoke(NOW));
  }

  @Test
  void revokingAnAcceptedInvitationTakesTheGrantBackOnce() {
    Invitation i = invitation();
    i.accept(NOW);
    assertEquals(Revocation.GRANT_REVOKED, i.revoke(NOW.plusSeconds(5)));
    assertEquals(Revocation.ALREADY_REVOKED, i.revoke(NOW.plusSeconds(6)));
    assertEquals(InvitationStatus.REVOKED, i.statusAt(NOW.plusSeconds(7)));
    assertEquals(Optional.of(NOW.plusSeconds(5)), i.revokedAt());
    assertThrows(InvitationClosed.class, () -> i.accept(NOW.plusSeconds(8)));
  }

  @Test
  void revokingAPendingInvitationWithdrawsIt() {
    Invitation i = invitation();
    assertEquals(Revocation.WITHDRAWN, i.revoke(NOW));
    assertThrows(InvitationClosed.class, () -> i.accept(NOW));
  }

  @Test
  void anExpiredInvitationIsStoredAsExpiredBeforeANewOne() {
    Invitation i = invitation();
    i.closeIfExpired(NOW);
    assertEquals(InvitationStatus.PENDING, i.statusAt(NOW));
    i.closeIfExpired(NOW.plus(Duration.ofDays(20)));
    assertEquals(InvitationStatus.EXPIRED, i.statusAt(NOW));
    assertThrows(InvitationClosed.class, () -> i.revoke(NOW));
  }

  @Test
  void theValidityIsBounded() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Invitation.issue(
                UUID.randomUUID(),
                "inner-circle",
                InvitedVia.MEMBER,
                "owner",
                NOW,
                Duration.ofDays(91),
                Optional.empty()));
  }
}
