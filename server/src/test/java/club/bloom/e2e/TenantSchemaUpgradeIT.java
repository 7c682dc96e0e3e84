package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static club.bloom.e2e.Fixtures.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import club.bloom.client.model.PurchaseRequest;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A release brings existing tenant schemas to its changelog when it starts (ADR 0035): a partner
 * schema left at an older release (its last changeset undone, its recorded revision old) is
 * migrated when Liberty starts again, before Liberty reports ready, and works as new afterwards.
 */
class TenantSchemaUpgradeIT {

  @Test
  void aSchemaLeftBehindByAnOlderReleaseIsMigratedAtStartUp() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = club.partner("florist");
    String schema = "partner_" + shop.slug().replace('-', '_');
    // The older release: no refund totals (the last partner changeset), an older revision.
    try (Connection db = Fixtures.db();
        Statement st = db.createStatement()) {
      st.execute("DROP TRIGGER receipt_refund_total ON " + schema + ".receipt_refund");
      st.execute("DROP FUNCTION " + schema + ".receipt_refund_total()");
      st.execute("ALTER TABLE " + schema + ".receipt DROP COLUMN refunded_amount");
      st.execute(
          "ALTER TABLE " + schema + ".receipt_refund DROP CONSTRAINT receipt_refund_amount_ck");
      st.execute(
          "DELETE FROM " + schema + ".databasechangelog WHERE id = 'partner-4-refund-totals'");
      st.execute(
          "UPDATE platform.schema_revision SET revision = 'an-older-release' WHERE schema_name = '"
              + schema
              + "'");
    }

    StackControl.killLibertyAndAwaitRestart();

    try (Connection db = Fixtures.db();
        Statement st = db.createStatement()) {
      assertEquals(
          1,
          count(
              st,
              "SELECT count(*) FROM "
                  + schema
                  + ".databasechangelog WHERE id = 'partner-4-refund-totals'"),
          "the changeset ran again");
      assertNotEquals(
          "an-older-release",
          text(
              st,
              "SELECT revision FROM platform.schema_revision WHERE schema_name = '" + schema + "'"),
          "the new revision is recorded");
    }
    // And the schema works as a new one: a refund is totalled by the trigger again.
    MemberFixture member = club.member();
    PurchaseRequest bought = purchase(member.passport(), "1000.00", "florist");
    shop.api().purchases().postPurchase(key(), bought);
    shop.api().purchases().postRefund(key(), refund(bought.getReceiptNumber(), "250.00"));
    try (Connection db = Fixtures.db();
        Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT refunded_amount FROM "
                    + schema
                    + ".receipt WHERE receipt_number = '"
                    + bought.getReceiptNumber()
                    + "'")) {
      rs.next();
      assertEquals(0, new BigDecimal("250.00").compareTo(rs.getBigDecimal(1)));
    }
  }

  private static long count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
