package club.bloom.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberMergeRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final List<String> LADDER = List.of("insider", "vip", "elite", "inner-circle");
  private static final Comparator<String> BY_RANK = Comparator.comparingInt(LADDER::indexOf);

  private static Member enrolled() {
    return Member.enrol(
        UUID.randomUUID(),
        "login-" + UUID.randomUUID(),
        PassportCode.generate(),
        new byte[] {1},
        new byte[] {2},
        new byte[] {3},
        NOW.minus(30, ChronoUnit.DAYS));
  }

  private static Member atCounter() {
    return Member.registerAtCounter(
        UUID.randomUUID(),
        PassportCode.generate(),
        new byte[] {1},
        new byte[] {4},
        null,
        Optional.empty(),
        NOW.minus(1, ChronoUnit.DAYS));
  }

  @Test
  void aMemberRegisteredAtTheCounterAwaitsConfirmationAndCannotSpend() {
    Member m = atCounter();
    assertEquals(MemberStatus.AWAITING_CONFIRMATION, m.status());
    assertTrue(m.subject().isEmpty());
    MemberNotConfirmed refused = assertThrows(MemberNotConfirmed.class, m::requireConfirmed);
    assertEquals("member-not-confirmed", refused.type());
  }

  @Test
  void confirmingGivesTheMemberTheLoginAndLetsHerSpend() {
    Member m = atCounter();
    m.confirm("login-1");
    assertEquals(MemberStatus.ACTIVE, m.status());
    assertEquals(Optional.of("login-1"), m.subject());
    m.requireConfirmed();
    assertThrows(IllegalStateException.class, () -> m.confirm("login-2"));
  }

  @Test
  void theAbsorbedMemberIsMarkedMergedIntoTheSurvivorAndHoldsNoTier() {
    Member survivor = enrolled();
    Member absorbed = atCounter();
    absorbed.promote("insider");
    survivor.promote("vip");

    Optional<Member.TierMove> move = survivor.absorb(absorbed, BY_RANK, NOW);

    assertTrue(move.isEmpty(), "the survivor's tier is already the higher one");
    assertEquals(MemberStatus.MERGED, absorbed.status());
    assertEquals(Optional.of(survivor.id()), absorbed.mergedInto());
    assertEquals(Optional.of(NOW), absorbed.mergedAt());
    assertTrue(absorbed.tier().isEmpty());
    assertEquals(Optional.of("vip"), survivor.tier());
    assertEquals(MemberStatus.ACTIVE, survivor.status());
  }

  @Test
  void theSurvivorTakesTheHigherTierWithItsManualTerms() {
    Member survivor = atCounter();
    Member absorbed = enrolled();
    Instant until = NOW.plus(90, ChronoUnit.DAYS);
    absorbed.assignManually("elite", until);
    survivor.promote("insider");

    Optional<Member.TierMove> move = survivor.absorb(absorbed, BY_RANK, NOW);

    assertEquals(Optional.of(new Member.TierMove("insider", "elite")), move);
    assertEquals(Optional.of("elite"), survivor.tier());
    assertEquals(Optional.of("elite"), survivor.manualTier(NOW));
    assertEquals(Optional.of(until), survivor.manualUntil());
  }

  @Test
  void theSurvivorIsConfirmedWhenEitherWas() {
    Member pending = atCounter();
    Member confirmed = enrolled();
    pending.absorb(confirmed, BY_RANK, NOW);
    assertEquals(MemberStatus.ACTIVE, pending.status());

    Member stillPending = atCounter();
    stillPending.absorb(atCounter(), BY_RANK, NOW);
    assertEquals(MemberStatus.AWAITING_CONFIRMATION, stillPending.status());
  }

  @Test
  void aMemberCannotBeMergedWithItselfNorTwice() {
    Member a = enrolled();
    assertEquals(
        "cannot-merge", assertThrows(CannotMerge.class, () -> a.absorb(a, BY_RANK, NOW)).type());

    Member b = atCounter();
    a.absorb(b, BY_RANK, NOW);
    Member c = enrolled();
    assertThrows(CannotMerge.class, () -> c.absorb(b, BY_RANK, NOW));
    assertThrows(CannotMerge.class, () -> b.absorb(c, BY_RANK, NOW));
  }

  @Test
  void aRefusedMergeChangesNeitherMember() {
    Member a = enrolled();
    a.promote("vip");
    Member merged = atCounter();
    enrolled().absorb(merged, BY_RANK, NOW);

    assertThrows(CannotMerge.class, () -> a.absorb(merged, BY_RANK, NOW));
    assertEquals(Optional.of("vip"), a.tier());
    assertEquals(MemberStatus.ACTIVE, a.status());
  }

  @Test
  void aConfirmedMemberWithoutLoginCanTakeOneOnlyThen() {
    Member pending = atCounter();
    pending.absorb(enrolled(), BY_RANK, NOW);
    pending.attachLogin("login-3");
    assertEquals(Optional.of("login-3"), pending.subject());
    assertThrows(IllegalStateException.class, () -> pending.attachLogin("login-4"));
  }
}
