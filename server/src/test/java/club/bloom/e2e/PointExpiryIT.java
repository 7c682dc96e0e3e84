package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.bloom.client.ApiException;
import club.bloom.client.model.Currency;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expiry job against PostgreSQL. Time cannot pass in a test, so the fixture moves dates back in
 * the club's tables (a lot's expiry date, a purchase's date), as time would have.
 */
class PointExpiryIT {

  private static void sql(String statement) throws Exception {
    try (Connection db = Fixtures.db();
        Statement st = db.createStatement()) {
      st.executeUpdate(statement);
    }
  }

  @Test
  void pointsPastTheirDateExpireOnceAndTheLedgerStaysBalanced() throws Exception {
    ClubFixture club = Fixtures.club();
    var shop = club.partner("florist");
    MemberFixture member = club.member();
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "2000.00", "florist"));
    assertEquals(100L, member.api().member().getMyCabinet().getPointsBalance());
    sql("UPDATE " + club.schema() + ".point_lot SET expires_at = now() - interval '1 minute'");

    var run = Fixtures.operator().platform().runPointExpiry(club.slug());
    var again = Fixtures.operator().platform().runPointExpiry(club.slug());

    assertEquals(100L, run.getPointsExpired());
    assertEquals(0L, again.getPointsExpired(), "nothing expires twice");
    assertEquals(0L, member.api().member().getMyCabinet().getPointsBalance());
    Fixtures.assertLedgerReconciles(club);
  }

  @Test
  void allPointsExpireAfterTheMonthsWithoutAPurchase() throws ApiException, Exception {
    ClubFixture club = Fixtures.club();
    Fixtures.operator()
        .clubs()
        .defineCurrencies(
            club.slug(),
            List.of(
                new Currency().code("points").name("Баллы").rubleValue("1").inactivityMonths(6)));
    var shop = club.partner("florist");
    MemberFixture idle = club.member();
    MemberFixture active = club.member();
    shop.api().purchases().postPurchase(key(), purchase(idle.passport(), "2000.00", "florist"));
    shop.api().purchases().postPurchase(key(), purchase(active.passport(), "3000.00", "florist"));
    var idleId = idle.api().member().getMyCabinet().getMemberId();
    sql(
        "UPDATE "
            + club.schema()
            + ".purchase SET occurred_at = now() - interval '7 months' WHERE member_id = '"
            + idleId
            + "'");

    var run = Fixtures.operator().platform().runPointExpiry(club.slug());

    assertEquals(100L, run.getPointsExpired());
    assertEquals(0L, idle.api().member().getMyCabinet().getPointsBalance());
    assertEquals(150L, active.api().member().getMyCabinet().getPointsBalance());
    Fixtures.assertLedgerReconciles(club);
  }
}
