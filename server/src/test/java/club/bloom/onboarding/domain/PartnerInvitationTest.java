package club.bloom.onboarding.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.ProblemKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerInvitationTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final UUID CLUB = UUID.randomUUID();
  private static final UUID PARTNER = UUID.randomUUID();

  static PartnerInvitation invitation(InvitationCode code) {
    return PartnerInvitation.issue(
        CLUB,
        Set.of("spa", "florist"),
        code,
        Optional.of("a***@flora.ru"),
        Optional.empty(),
        "owner-1",
        T0,
        Duration.ofDays(14));
  }

  @Test
  void aCodeIsSixteenCrockfordCharactersShownInGroupsAndForgivingWhenTyped() {
    InvitationCode code = InvitationCode.random();
    assertEquals(19, code.display().length());
    assertTrue(code.display().matches("^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$"));
    assertEquals(code, InvitationCode.parse(code.display().toLowerCase()).orElseThrow());
    assertEquals(
        InvitationCode.parse("0111-2222-3333-4444").orElseThrow(),
        InvitationCode.parse("oIl1 2222 3333 4444").orElseThrow(),
        "O reads as 0, I and L as 1");
    assertTrue(InvitationCode.parse("too-short").isEmpty());
    assertTrue(InvitationCode.parse("UUUU-2222-3333-4444").isEmpty(), "U is not in the alphabet");
    assertNotEquals(code, InvitationCode.random());
    assertFalse(code.toString().contains(code.value()), "the code stays out of logs");
  }

  @Test
  void onlyTheHashOfTheCodeAndItsLastFourCharactersAreKept() {
    InvitationCode code = InvitationCode.random();
    PartnerInvitation i = invitation(code);
    assertEquals(code.hint(), i.codeHint());
    assertArrayEquals(code.hash(), InvitationCode.parse(code.display()).orElseThrow().hash());
    assertEquals(PartnerInvitationStatus.PENDING, i.statusAt(T0));
    assertEquals(Set.of("florist", "spa"), i.categories());
  }

  @Test
  void aPendingCodeIsRedeemedOnceAndTheSamePartnerMayRetry() {
    PartnerInvitation i = invitation(InvitationCode.random());
    assertTrue(i.redeem(PARTNER, T0.plusSeconds(60)));
    assertEquals(PartnerInvitationStatus.REDEEMED, i.statusAt(T0.plus(Duration.ofDays(30))));
    assertEquals(Optional.of(PARTNER), i.redeemedBy());
    assertFalse(i.redeem(PARTNER, T0.plusSeconds(120)), "a retry by the same partner");
    BloomException other =
        assertThrows(InvitationCodeRefused.class, () -> i.redeem(UUID.randomUUID(), T0));
    assertEquals("invitation-used", other.type());
    assertEquals(ProblemKind.CONFLICT, other.kind());
  }

  @Test
  void anExpiredOrRevokedCodeIsGoneAndARedeemedOneCannotBeRevoked() {
    PartnerInvitation expired = invitation(InvitationCode.random());
    Instant later = T0.plus(Duration.ofDays(14));
    assertEquals(PartnerInvitationStatus.EXPIRED, expired.statusAt(later));
    BloomException e = assertThrows(BloomException.class, () -> expired.redeem(PARTNER, later));
    assertEquals("invitation-expired", e.type());
    assertEquals(ProblemKind.GONE, e.kind());

    PartnerInvitation revoked = invitation(InvitationCode.random());
    assertTrue(revoked.revoke(T0));
    assertFalse(revoked.revoke(T0), "revoking twice changes nothing");
    BloomException r = assertThrows(BloomException.class, () -> revoked.redeem(PARTNER, T0));
    assertEquals("invitation-revoked", r.type());
    assertEquals(ProblemKind.GONE, r.kind());

    PartnerInvitation redeemed = invitation(InvitationCode.random());
    redeemed.redeem(PARTNER, T0);
    assertThrows(Conflict.class, () -> redeemed.revoke(T0));
  }

  @Test
  void aJoinRequestIsDecidedOnceAndTheSameDecisionTwiceChangesNothing() {
    JoinRequest r = JoinRequest.ask(CLUB, PARTNER, Set.of(), Optional.of("hi"), "p-owner", T0);
    assertEquals(JoinRequestStatus.PENDING, r.status());
    assertTrue(r.wantedCategories().isEmpty());
    assertTrue(r.approve(Set.of("spa"), "c-admin", T0));
    assertFalse(r.approve(Set.of("spa"), "c-admin", T0));
    assertEquals(Set.of("spa"), r.approvedCategories());
    Conflict c = assertThrows(Conflict.class, () -> r.decline(Optional.empty(), "c-admin", T0));
    assertEquals("join-request-decided", c.type());

    JoinRequest d = JoinRequest.ask(CLUB, PARTNER, Set.of("spa"), Optional.empty(), "p", T0);
    assertTrue(d.decline(Optional.of("not now"), "c-admin", T0));
    assertFalse(d.decline(Optional.empty(), "c-admin", T0));
    assertEquals(Optional.of("not now"), d.declineReason());
    assertThrows(Conflict.class, () -> d.approve(Set.of("spa"), "c-admin", T0));
  }

  @Test
  void anEndedPartnershipRefusesPurchasesUntilItIsJoinedAgain() {
    Partnership p = new Partnership(CLUB, PARTNER, Set.of("spa"), JoinedVia.INVITATION, T0);
    assertTrue(p.isActive());
    p.enableRedemption(true);
    assertTrue(p.end(T0.plusSeconds(10)));
    assertFalse(p.end(T0.plusSeconds(20)), "ending twice changes nothing");
    BloomException e = assertThrows(PartnershipEnded.class, p::requireActive);
    assertEquals("partnership-ended", e.type());
    assertEquals(ProblemKind.FORBIDDEN, e.kind());
    p.rejoin(Set.of("florist"), JoinedVia.REQUEST, T0.plusSeconds(30));
    assertTrue(p.isActive());
    assertEquals(Set.of("florist"), p.categories());
    assertEquals(T0.plusSeconds(30), p.since());
    assertEquals(JoinedVia.REQUEST, p.joinedVia());
    assertFalse(p.redemptionEnabled(), "taking points is opted in again by the operator");
  }
}
