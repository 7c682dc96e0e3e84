package club.bloom.access.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.shared.domain.BloomException;
import club.bloom.tenancy.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pending staff invitation of a login that existed before it (ADR 0027). */
class StaffInvitationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final byte[] TOKEN = {1, 2, 3};
  private static final byte[] ADDRESS = {7, 7, 7};

  private static StaffInvitation pending() {
    return StaffInvitation.pending(
        new TenantId(UUID.randomUUID()),
        "user-1",
        "club-admin",
        TOKEN,
        ADDRESS,
        T0,
        Duration.ofDays(7),
        "inviter");
  }

  @Test
  void theInvitedLoginWithTheInvitedAddressAcceptsItOnce() {
    StaffInvitation i = pending();
    assertTrue(i.pendingAt(T0.plusSeconds(60)));
    assertTrue(i.accept("user-1", ADDRESS.clone(), T0.plusSeconds(60)));
    assertFalse(i.pendingAt(T0.plusSeconds(61)));
    assertFalse(i.accept("user-1", ADDRESS.clone(), T0.plusSeconds(120)), "again: nothing to do");
    assertEquals("club-admin", i.role().orElseThrow());
  }

  @Test
  void anotherLoginOrAnotherAddressIsRefused() {
    StaffInvitation i = pending();
    BloomException other =
        assertThrows(BloomException.class, () -> i.accept("user-2", ADDRESS, T0));
    assertEquals("staff-invitation-other-login", other.type());
    BloomException address =
        assertThrows(BloomException.class, () -> i.accept("user-1", new byte[] {9}, T0));
    assertEquals("staff-invitation-other-login", address.type());
    assertTrue(i.pendingAt(T0), "still pending for its login");
  }

  @Test
  void anExpiredInvitationIsRefusedAndHoldsNoSeat() {
    StaffInvitation i = pending();
    Instant later = T0.plus(Duration.ofDays(7));
    assertFalse(i.pendingAt(later));
    BloomException expired =
        assertThrows(BloomException.class, () -> i.accept("user-1", ADDRESS, later));
    assertEquals("staff-invitation-expired", expired.type());
  }

  @Test
  void anInvitationGrantedAtOnceIsNotPending() {
    StaffInvitation i = pending();
    i.renew(T0.plusSeconds(5), "inviter");
    assertFalse(i.isPending());
    assertTrue(i.role().isEmpty());
  }
}
