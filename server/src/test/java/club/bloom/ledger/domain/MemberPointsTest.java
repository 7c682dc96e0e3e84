package club.bloom.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.ledger.domain.MemberPoints.Grant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberPointsTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final String POINTS = "points";
  private static final String CROSS = "cross-credits";

  private final UUID member = UUID.randomUUID();
  private final MemberPoints points = new MemberPoints(member, List.of(), Map.of());

  private static Grant grant(
      String currency, long n, Instant available, Instant expires, String purchase) {
    return new Grant(currency, n, available, expires, "purchase", purchase, purchase, "partner-a");
  }

  @Test
  void anAccrualCreditsTheMemberFromTheClubsIssuanceAccount() {
    Movement m = points.accrue(grant(POINTS, 600, T0, null, "p1"), T0);

    assertEquals(600, m.memberChange(POINTS));
    assertEquals(2, m.postings().size());
    assertEquals(600, points.active(POINTS, T0));
    assertEquals(EntryKind.ACCRUAL, m.entry().kind());
  }

  @Test
  void pointsArePendingUntilTheActivationDelayHasPassed() {
    points.accrue(grant(POINTS, 100, T0.plus(Duration.ofDays(14)), null, "p1"), T0);

    assertEquals(0, points.active(POINTS, T0.plus(Duration.ofDays(13))));
    assertEquals(100, points.pending(POINTS, T0.plus(Duration.ofDays(13))));
    assertEquals(100, points.active(POINTS, T0.plus(Duration.ofDays(14))));
  }

  @Test
  void spendingConsumesTheOldestExpiringPointsFirstAndNeverExpiringOnesLast() {
    points.accrue(grant(POINTS, 100, T0, null, "forever"), T0);
    points.accrue(grant(POINTS, 100, T0, T0.plus(Duration.ofDays(30)), "month"), T0);
    points.accrue(grant(POINTS, 100, T0, T0.plus(Duration.ofDays(10)), "ten-days"), T0);

    points.redeem(POINTS, 150, lot -> true, "r1", T0.plus(Duration.ofDays(1)));

    Instant day11 = T0.plus(Duration.ofDays(11));
    // The 10-day lot went first, then half of the 30-day one; nothing is left to expire on day 11.
    points.expire(day11, Set.of());
    assertEquals(150, points.active(POINTS, day11));
    Instant day31 = T0.plus(Duration.ofDays(31));
    Movement expiry = points.expire(day31, Set.of());
    assertEquals(-50, expiry.memberChange(POINTS));
    assertEquals(100, points.active(POINTS, day31));
  }

  @Test
  void spendingMoreThanIsActiveIsRefusedAndChangesNothing() {
    points.accrue(grant(POINTS, 100, T0, null, "p1"), T0);
    points.accrue(grant(POINTS, 100, T0.plus(Duration.ofDays(5)), null, "p2"), T0);

    assertThrows(CannotRedeem.class, () -> points.redeem(POINTS, 150, l -> true, "r", T0));
    assertEquals(100, points.active(POINTS, T0));
  }

  @Test
  void crossCreditsCanBeRestrictedToOtherPartners() {
    points.accrue(grant(CROSS, 300, T0, T0.plus(Duration.ofDays(10)), "p1"), T0);

    assertThrows(
        CannotRedeem.class,
        () ->
            points.redeem(CROSS, 100, l -> !l.partnerId().orElse("").equals("partner-a"), "r", T0));
    points.redeem(CROSS, 100, l -> !l.partnerId().orElse("").equals("partner-b"), "r", T0);
    assertEquals(200, points.active(CROSS, T0));
  }

  @Test
  void aRefundTakesBackUnspentPointsOfThePurchaseFirst() {
    points.accrue(grant(POINTS, 500, T0, null, "old"), T0);
    points.accrue(grant(POINTS, 600, T0, null, "p1"), T0);

    Movement reversal = points.reverse(POINTS, "p1", 300, SpentPointsPolicy.DEBT, "refund-1", T0);

    assertEquals(-300, reversal.memberChange(POINTS));
    assertEquals(0, points.debt(POINTS));
    assertEquals(800, points.active(POINTS, T0));
  }

  @Test
  void spentPointsTakenBackBecomeDebtRepaidFromTheNextAccrual() {
    points.accrue(grant(POINTS, 600, T0, null, "p1"), T0);
    points.redeem(POINTS, 500, l -> true, "r1", T0);

    Movement reversal = points.reverse(POINTS, "p1", 600, SpentPointsPolicy.DEBT, "refund", T0);

    assertEquals(-100, reversal.memberChange(POINTS));
    assertEquals(-500, reversal.debtChange(POINTS));
    assertEquals(500, points.debt(POINTS));
    assertEquals(0, points.active(POINTS, T0));
    assertThrows(CannotRedeem.class, () -> points.redeem(POINTS, 1, l -> true, "r2", T0));

    Movement next = points.accrue(grant(POINTS, 700, T0, null, "p2"), T0);
    assertEquals(500, next.debtChange(POINTS));
    assertEquals(200, next.memberChange(POINTS));
    assertEquals(0, points.debt(POINTS));
    assertEquals(200, points.active(POINTS, T0));
  }

  @Test
  void withTheWriteOffPolicyTheClubAbsorbsSpentPoints() {
    points.accrue(grant(POINTS, 600, T0, null, "p1"), T0);
    points.redeem(POINTS, 500, l -> true, "r1", T0);

    Movement reversal = points.reverse(POINTS, "p1", 600, SpentPointsPolicy.WRITE_OFF, "r", T0);

    assertEquals(0, points.debt(POINTS));
    assertTrue(
        reversal.postings().stream()
            .anyMatch(p -> p.account() == Account.WRITE_OFF && p.amount() == -500));
  }

  @Test
  void inactivityExpiresEverythingInTheCurrency() {
    points.accrue(grant(POINTS, 100, T0, null, "p1"), T0);
    points.accrue(grant(CROSS, 50, T0, null, "p1"), T0);

    Movement m = points.expire(T0, Set.of(POINTS));

    assertEquals(-100, m.memberChange(POINTS));
    assertEquals(0, points.active(POINTS, T0));
    assertEquals(50, points.active(CROSS, T0));
  }

  @Test
  void anUnbalancedEntryCannotExist() {
    LedgerEntry entry = new LedgerEntry(member, EntryKind.ACCRUAL, "x", null, T0);
    List<LedgerPosting> lines =
        List.of(new LedgerPosting(entry.id(), Account.MEMBER, member, POINTS, 10, null));
    assertThrows(IllegalStateException.class, () -> new Movement(entry, lines, List.of()));
  }

  /**
   * Random sequences of accruals (with activation and expiry), refunds, redemptions and expiries
   * keep every entry balanced, the member account equal to the lots, nothing negative.
   */
  @Test
  void randomSequencesKeepTheLedgerBalancedAndNeverNegative() {
    for (long seed = 1; seed <= 200; seed++) {
      Random random = new Random(seed);
      MemberPoints account = new MemberPoints(member, List.of(), Map.of());
      List<PointLot> everyLot = new ArrayList<>();
      Map<String, Long> memberPostings = new HashMap<>();
      Map<String, Long> debtPostings = new HashMap<>();
      Instant now = T0;
      List<String> purchases = new ArrayList<>();
      for (int step = 0; step < 60; step++) {
        now = now.plus(Duration.ofHours(random.nextInt(72)));
        String currency = random.nextInt(4) == 0 ? CROSS : POINTS;
        Movement m;
        switch (random.nextInt(4)) {
          case 0 -> {
            String purchase = "p" + step;
            purchases.add(purchase);
            Instant available = now.plus(Duration.ofDays(random.nextInt(3)));
            Instant expires =
                random.nextBoolean() ? null : now.plus(Duration.ofDays(1 + random.nextInt(20)));
            m =
                account.accrue(
                    grant(currency, random.nextInt(1000), available, expires, purchase), now);
          }
          case 1 -> {
            if (purchases.isEmpty()) {
              continue;
            }
            String purchase = purchases.get(random.nextInt(purchases.size()));
            SpentPointsPolicy policy =
                random.nextBoolean() ? SpentPointsPolicy.DEBT : SpentPointsPolicy.WRITE_OFF;
            m = account.reverse(currency, purchase, random.nextInt(800), policy, "refund", now);
          }
          case 2 -> {
            long want = 1 + random.nextInt(700);
            try {
              m = account.redeem(currency, want, l -> true, "redeem", now);
            } catch (CannotRedeem refused) {
              continue;
            }
          }
          default -> m = account.expire(now, random.nextInt(10) == 0 ? Set.of(currency) : Set.of());
        }
        everyLot.addAll(m.newLots());
        for (String c : List.of(POINTS, CROSS)) {
          memberPostings.merge(c, m.memberChange(c), Long::sum);
          debtPostings.merge(c, m.debtChange(c), Long::sum);
        }
        for (String c : List.of(POINTS, CROSS)) {
          final String cur = c;
          long lotsLeft =
              everyLot.stream()
                  .filter(l -> l.currency().equals(cur))
                  .mapToLong(PointLot::remaining)
                  .sum();
          assertEquals(
              memberPostings.getOrDefault(c, 0L), lotsLeft, "seed " + seed + " step " + step);
          assertEquals(-debtPostings.getOrDefault(c, 0L), account.debt(c), "debt, seed " + seed);
          assertTrue(account.debt(c) >= 0);
          assertTrue(account.active(c, now) >= 0);
        }
        assertTrue(
            everyLot.stream().allMatch(l -> l.remaining() >= 0 && l.remaining() <= l.granted()));
      }
    }
  }

  @Test
  void crossCreditsPayOnlyAtOtherPartnersWhileOrdinaryPointsPayEverywhere() {
    Currency cross = new Currency(CROSS, "Кросс-кредиты", java.math.BigDecimal.ONE, 0, null, true);
    Currency plain = new Currency(POINTS, "Баллы", java.math.BigDecimal.ONE, 0, null, false);
    points.accrue(grant(CROSS, 300, T0, T0.plus(Duration.ofDays(10)), "p1"), T0);
    points.accrue(new Grant(CROSS, 40, T0, null, "refund-return", "refund", null, "partner-b"), T0);

    CannotRedeem atGranter =
        assertThrows(
            CannotRedeem.class,
            () -> points.redeem(CROSS, 41, l -> cross.spendableAt(l, "partner-a"), "r", T0));
    assertTrue(atGranter.getMessage().contains("only 40"), atGranter.getMessage());
    points.redeem(CROSS, 40, l -> cross.spendableAt(l, "partner-a"), "r", T0);
    assertEquals(300, points.active(CROSS, T0), "partner a cannot take what its purchase granted");
    points.accrue(grant(POINTS, 10, T0, null, "p2"), T0);
    points.redeem(POINTS, 10, l -> plain.spendableAt(l, "partner-a"), "r2", T0);
    assertEquals(0, points.active(POINTS, T0));
  }

  @Test
  void theNextExpiryNamesTheSoonestDateAndWhatExpiresThen() {
    Instant tenDays = T0.plus(Duration.ofDays(10));
    points.accrue(grant(CROSS, 100, T0, tenDays, "p1"), T0);
    points.accrue(grant(CROSS, 50, T0, tenDays, "p2"), T0);
    points.accrue(grant(CROSS, 70, T0, T0.plus(Duration.ofDays(20)), "p3"), T0);
    points.accrue(
        grant(CROSS, 999, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), "p4"), T0);
    points.accrue(grant(POINTS, 10, T0, null, "p5"), T0);

    MemberPoints.Expiring next = points.nextExpiry(CROSS, T0).orElseThrow();
    assertEquals(150, next.points(), "pending points are not counted");
    assertEquals(tenDays, next.at());
    assertTrue(points.nextExpiry(POINTS, T0).isEmpty(), "points without a date never expire");
    points.redeem(CROSS, 150, l -> true, "r", T0);
    assertEquals(T0.plus(Duration.ofDays(20)), points.nextExpiry(CROSS, T0).orElseThrow().at());
  }
}
