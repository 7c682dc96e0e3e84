package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.bloom.client.ApiException;
import club.bloom.client.model.Category;
import club.bloom.client.model.LedgerPolicy;
import club.bloom.client.model.LedgerPolicy.SpentPointsOnRefundEnum;
import club.bloom.client.model.Tier;
import club.bloom.client.model.TierPolicy;
import club.bloom.e2e.Fixtures.ClubFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the club console reads back: categories, the tier ladder, the tier and ledger policies, as
 * the club's staff defined them; a member and another club's staff read nothing.
 */
class ClubConfigurationIT {
  static ClubFixture club;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
  }

  @Test
  void theCategoriesReadBackInTheOrderDefined() throws ApiException {
    List<Category> categories = club.admin().clubs().listCategories(club.slug());

    assertEquals(
        List.of("florist", "spa", "cosmetology", "gastro", "wine", "books"),
        categories.stream().map(Category::getCode).toList());
    assertEquals("Цветы", categories.get(0).getName());
  }

  @Test
  void theLadderReadsBackLowestRankFirstAsDefined() throws ApiException {
    List<Tier> ladder = club.admin().clubs().listTiers(club.slug());

    assertEquals(
        List.of("insider", "vip", "elite", "inner-circle"),
        ladder.stream().map(Tier::getCode).toList());
    Tier vip = ladder.get(1);
    assertEquals("30000.00", vip.getMinSpend().getAmount());
    assertEquals(3, vip.getMinCategories());
    assertEquals("7", vip.getAccrualPercent());
    assertEquals(12, vip.getWindowMonths());
    assertEquals(true, ladder.get(3).getInvitationOnly());
  }

  @Test
  void aLadderReadBackCanBeSavedAgainUnchanged() throws ApiException {
    var clubs = club.admin().clubs();
    List<Tier> ladder = clubs.listTiers(club.slug());

    assertEquals(ladder, clubs.defineTiers(club.slug(), ladder));
    assertEquals(ladder, clubs.listTiers(club.slug()));
  }

  @Test
  void theGracePeriodReadsBackAsSet() throws ApiException {
    ClubFixture own = Fixtures.club();
    var clubs = own.admin().clubs();
    assertEquals(30, clubs.getTierPolicy(own.slug()).getGraceDays(), "the default");

    clubs.setTierPolicy(own.slug(), new TierPolicy().graceDays(45));

    assertEquals(45, clubs.getTierPolicy(own.slug()).getGraceDays());
  }

  @Test
  void theLedgerPolicyReadsBackAsSet() throws ApiException {
    ClubFixture own = Fixtures.club();
    var clubs = own.admin().clubs();
    assertEquals(
        new LedgerPolicy().spentPointsOnRefund(SpentPointsOnRefundEnum.DEBT).maxRedeemPercent("50"),
        clubs.getLedgerPolicy(own.slug()),
        "the defaults");

    clubs.setLedgerPolicy(
        own.slug(),
        new LedgerPolicy()
            .spentPointsOnRefund(SpentPointsOnRefundEnum.WRITE_OFF)
            .maxRedeemPercent("35.5"));

    assertEquals(
        new LedgerPolicy()
            .spentPointsOnRefund(SpentPointsOnRefundEnum.WRITE_OFF)
            .maxRedeemPercent("35.5"),
        clubs.getLedgerPolicy(own.slug()));
  }

  @Test
  void aLedgerPolicyWithBadFieldsNamesThemSchemaFirstAndChangesNothing() throws Exception {
    ClubFixture own = Fixtures.club();
    String token =
        Fixtures.KEYCLOAK.passwordGrant(
            own.realm(),
            Fixtures.TEST_CLIENT,
            "admin@" + own.slug() + ".test",
            "admin-" + own.slug());

    var answer =
        Fixtures.http(
            "PUT",
            "/clubs/" + own.slug() + "/ledger-policy",
            token,
            Map.of("spentPointsOnRefund", "FORGIVE", "maxRedeemPercent", "150"));

    // The contract's schema is checked first (an unknown policy), then the rules it cannot say.
    assertEquals(400, answer.statusCode(), answer.body());
    var p = Fixtures.JSON.readTree(answer.body());
    assertEquals(List.of("spentPointsOnRefund"), fields(p));
    assertEquals("must be one of DEBT, WRITE_OFF", p.path("errors").get(0).get("reason").asText());
    var over =
        Fixtures.http(
            "PUT",
            "/clubs/" + own.slug() + "/ledger-policy",
            token,
            Map.of("spentPointsOnRefund", "DEBT", "maxRedeemPercent", "150"));
    assertEquals(400, over.statusCode(), over.body());
    var q = Fixtures.JSON.readTree(over.body());
    assertEquals(List.of("maxRedeemPercent"), fields(q));
    assertEquals(
        "must be a percent greater than 0 and at most 100",
        q.path("errors").get(0).get("reason").asText());
    assertEquals("50", own.admin().clubs().getLedgerPolicy(own.slug()).getMaxRedeemPercent());
  }

  @Test
  void aMemberReadsNoneOfTheConfiguration() throws ApiException {
    var member = club.member().api().clubs();

    problem(failing(() -> member.listTiers(club.slug())), 403);
    problem(failing(() -> member.listCategories(club.slug())), 403);
    problem(failing(() -> member.getLedgerPolicy(club.slug())), 403);
    problem(failing(() -> member.getTierPolicy(club.slug())), 403);
  }

  @Test
  void anotherClubsAdminFindsNoSuchClub() throws ApiException {
    var stranger = Fixtures.club().admin().clubs();

    problem(failing(() -> stranger.listTiers(club.slug())), 404);
    problem(failing(() -> stranger.listCategories(club.slug())), 404);
    problem(failing(() -> stranger.getLedgerPolicy(club.slug())), 404);
    problem(failing(() -> stranger.getTierPolicy(club.slug())), 404);
  }
}
