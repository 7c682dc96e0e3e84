package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.bloom.client.ApiException;
import club.bloom.client.model.ManualTier;
import club.bloom.client.model.Money;
import club.bloom.client.model.Tier;
import club.bloom.client.model.TierPolicy;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduled re-evaluation: top-N % by spend, downgrade after grace, manual tiers. */
class TiersIT {

  private static Tier tier(String code, String name, int rank, String spend, int cats, String top) {
    return new Tier()
        .code(code)
        .name(name)
        .rank(rank)
        .minSpend(new Money().amount(spend).currency("RUB"))
        .minCategories(cats)
        .windowMonths(12)
        .accrualPercent("5")
        .invitationOnly(false)
        .topPercent(top);
  }

  private static String tierOf(MemberFixture member) throws ApiException {
    return member.api().member().getMyCabinet().getTier().getCode();
  }

  @Test
  void theTopSpendersReachATierByRank() throws ApiException {
    ClubFixture club = Fixtures.club();
    var operator = Fixtures.operator();
    operator
        .clubs()
        .defineTiers(
            club.slug(),
            List.of(
                tier("insider", "Insider", 1, "0", 1, null),
                tier("elite", "Elite", 3, "100000", 5, "50")));
    PartnerFixture shop = club.partner("florist");
    MemberFixture big = club.member();
    MemberFixture small = club.member();
    shop.api().purchases().postPurchase(key(), purchase(big.passport(), "2000.00", "florist"));
    shop.api().purchases().postPurchase(key(), purchase(small.passport(), "1000.00", "florist"));
    assertEquals("insider", tierOf(big));

    var outcome = operator.platform().runTierEvaluation(club.slug());

    assertEquals(1, outcome.get("re-evaluation"), outcome.toString());
    assertEquals("elite", tierOf(big), "the first of two is the top 50 %");
    assertEquals("insider", tierOf(small));
  }

  @Test
  void aMemberWhoNoLongerQualifiesKeepsTheTierForTheGraceThenMovesDown() throws ApiException {
    ClubFixture club = Fixtures.club();
    var operator = Fixtures.operator();
    PartnerFixture shop = club.partner("florist", "spa", "gastro");
    MemberFixture member = club.member();
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "10000.00", "florist"));
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "10000.00", "spa"));
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "10000.00", "gastro"));
    assertEquals("vip", tierOf(member));
    // The club raises the bar: 30 000 ₽ is no longer VIP.
    operator
        .clubs()
        .defineTiers(
            club.slug(),
            List.of(
                tier("insider", "Insider", 1, "0", 1, null),
                tier("vip", "VIP", 2, "50000", 3, null)));

    operator.clubs().setTierPolicy(club.slug(), new TierPolicy().graceDays(30));
    var first = operator.platform().runTierEvaluation(club.slug());
    assertEquals(1, first.get("grace"), first.toString());
    assertEquals("vip", tierOf(member));

    operator.clubs().setTierPolicy(club.slug(), new TierPolicy().graceDays(0));
    var second = operator.platform().runTierEvaluation(club.slug());
    assertEquals(1, second.get("downgrade"), second.toString());
    assertEquals("insider", tierOf(member));
  }

  @Test
  void aManualTierHoldsUntilItsEndDateAndNeedsOne() throws ApiException {
    ClubFixture club = Fixtures.club();
    MemberFixture member = club.member();
    var admin = club.admin();
    var memberId = member.api().member().getMyCabinet().getMemberId();
    OffsetDateTime inAMonth = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0);

    ManualTier set =
        admin
            .clubs()
            .assignTier(club.slug(), memberId, new ManualTier().tier("elite").until(inAMonth));
    assertEquals("elite", set.getTier());
    assertEquals("elite", tierOf(member));
    Fixtures.operator().platform().runTierEvaluation(club.slug());
    assertEquals("elite", tierOf(member), "kept by the re-evaluation until the end date");

    var past =
        problem(
            failing(
                () ->
                    admin
                        .clubs()
                        .assignTier(
                            club.slug(),
                            memberId,
                            new ManualTier()
                                .tier("nope")
                                .until(OffsetDateTime.now().minusDays(1)))),
            400);
    assertEquals(List.of("tier", "until"), fields(past));
    var other = Fixtures.club().admin();
    problem(
        failing(
            () ->
                other
                    .clubs()
                    .assignTier(
                        club.slug(), memberId, new ManualTier().tier("vip").until(inAMonth))),
        404);
  }
}
