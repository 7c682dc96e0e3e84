package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import club.bloom.client.ApiException;
import club.bloom.client.model.EarningRuleSet;
import club.bloom.client.model.Tier;
import club.bloom.e2e.Fixtures.ClubFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Purchases read their club's tiers, rules, categories and currencies from a snapshot kept in
 * memory (ADR 0040); a change the club's staff save applies to the very next purchase.
 */
class ConfigurationSnapshotIT {
  static ClubFixture club;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
  }

  private static long firstPurchaseOfANewMember() throws ApiException {
    var member = club.member();
    return club.partner("florist")
        .api()
        .purchases()
        .postPurchase(Fixtures.key(), Fixtures.purchase(member.passport(), "2000.00", "florist"))
        .getPointsEarned();
  }

  @Test
  void aChangedRuleSetAppliesToTheNextPurchase() throws Exception {
    var rules = club.admin().rules();
    rules.defineEarningRules(club.slug(), EarningRulesIT.bloomCareRules(), null);
    // Base 5 % = 100; welcome 300; ×1.5 on a first category this month = 50 (cross-credits apart).
    assertEquals(450L, firstPurchaseOfANewMember(), "the rules are read (and now kept)");

    rules.defineEarningRules(club.slug(), new EarningRuleSet().rules(List.of()), null);
    assertEquals(100L, firstPurchaseOfANewMember(), "no rules: base only, at once");

    rules.defineEarningRules(club.slug(), EarningRulesIT.bloomCareRules(), null);
    assertEquals(450L, firstPurchaseOfANewMember(), "the rules are back, at once");
    rules.defineEarningRules(club.slug(), new EarningRuleSet().rules(List.of()), null);
  }

  @Test
  void aChangedLadderAppliesToTheNextPurchase() throws Exception {
    var clubs = club.admin().clubs();
    List<Tier> ladder = clubs.listTiers(club.slug());
    club.admin()
        .rules()
        .defineEarningRules(club.slug(), new EarningRuleSet().rules(List.of()), null);
    assertEquals(100L, firstPurchaseOfANewMember(), "Insider earns 5 %");

    List<Tier> richer = new ArrayList<>(ladder);
    richer.set(0, ladder.get(0).accrualPercent("10"));
    clubs.defineTiers(club.slug(), richer);
    try {
      assertEquals(200L, firstPurchaseOfANewMember(), "Insider earns 10 % from the next purchase");
    } finally {
      clubs.defineTiers(
          club.slug(),
          clubs.listTiers(club.slug()).stream()
              .map(t -> t.getCode().equals("insider") ? t.accrualPercent("5") : t)
              .toList());
    }
    assertEquals(100L, firstPurchaseOfANewMember(), "and 5 % again");
  }
}
