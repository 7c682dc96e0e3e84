package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static club.bloom.e2e.Nights.EXPIRY;
import static club.bloom.e2e.Nights.TIERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.NightlyRun;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.nightly.domain.NightlySchedule;
import club.bloom.tenancy.domain.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After downtime, a missed night is caught up once (ADR 0037): Liberty is killed and kept down;
 * meanwhile days pass for two clubs (the fixture dates them back): one whose last runs were two
 * nights ago, one whose runs of last night are recorded. When Liberty starts again, the first gets
 * exactly one run of each kind — for last night, as a catch-up, doing the real work (its member's
 * expired points go) — and the second none.
 */
class NightlyCatchUpIT {

  @Test
  void aClubWhoseLastRunsWereTwoNightsAgoGetsExactlyOneRunOfEachKindAfterStartUp()
      throws Exception {
    ClubFixture behind = Fixtures.club();
    ClubFixture upToDate = Fixtures.club();
    var shop = behind.partner("florist");
    MemberFixture member = behind.member();
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "2000.00", "florist"));
    assertEquals(100L, member.api().member().getMyCabinet().getPointsBalance());

    StackControl.killLibertyAndKeepItDown();
    Instant upAgain;
    try {
      Nights.sql(
          "UPDATE " + behind.schema() + ".point_lot SET expires_at = now() - interval '1 day'");
      Instant fiveDaysAgo = Instant.now().minus(Duration.ofDays(5));
      for (ClubFixture club : List.of(behind, upToDate)) {
        Nights.createdAt(club, fiveDaysAgo);
      }
      Tenant behindClub = Nights.tenant(behind);
      NightlySchedule nights = Nights.schedule(behindClub);
      NightlySchedule.Slot twoNightsAgo =
          nights.slotOn(nights.lastSlot(Instant.now()).night().minusDays(2));
      Tenant upToDateClub = Nights.tenant(upToDate);
      NightlySchedule.Slot itsLastNight = Nights.schedule(upToDateClub).lastSlot(Instant.now());
      for (String kind : List.of(TIERS, EXPIRY)) {
        Nights.succeededAt(behindClub, kind, twoNightsAgo);
        Nights.succeededAt(upToDateClub, kind, itsLastNight);
      }
    } finally {
      upAgain = Instant.now();
      StackControl.startLiberty();
    }

    NightlyRun expiry =
        Nights.awaitRun(
            behind,
            EXPIRY,
            r ->
                r.getOutcome() == NightlyRun.OutcomeEnum.SUCCEEDED
                    && r.getTrigger() == NightlyRun.TriggerEnum.CATCH_UP,
            Duration.ofSeconds(60));
    NightlyRun tiers =
        Nights.awaitRun(
            behind,
            TIERS,
            r ->
                r.getOutcome() == NightlyRun.OutcomeEnum.SUCCEEDED
                    && r.getTrigger() == NightlyRun.TriggerEnum.CATCH_UP,
            Duration.ofSeconds(60));
    NightlySchedule.Slot lastNight = Nights.schedule(Nights.tenant(behind)).lastSlot(Instant.now());
    for (NightlyRun run : List.of(expiry, tiers)) {
      assertEquals(lastNight.night(), run.getNight(), "last night's, not one per night missed");
      assertEquals(lastNight.at(), run.getScheduledFor().toInstant());
      assertEquals(1, run.getAttempt());
      assertTrue(run.getStartedAt().toInstant().isAfter(upAgain), "after the downtime");
    }
    assertEquals(100L, expiry.getCounts().get("pointsExpired"), expiry.toString());
    assertEquals(0L, member.api().member().getMyCabinet().getPointsBalance());
    Fixtures.assertLedgerReconciles(behind);

    // Several looks later (every 2 s), still one new run of each kind, and none for the other club.
    Thread.sleep(8000);
    assertEquals(2, Nights.runs(behind, EXPIRY).size(), "the old one and the catch-up");
    assertEquals(2, Nights.runs(behind, TIERS).size(), "the old one and the catch-up");
    assertEquals(1, Nights.runs(upToDate, EXPIRY).size(), "only last night's");
    assertEquals(1, Nights.runs(upToDate, TIERS).size(), "only last night's");
  }
}
