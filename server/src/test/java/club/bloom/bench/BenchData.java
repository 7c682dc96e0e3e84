package club.bloom.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Test data for the nightly benchmark, written straight into a provisioned club's schema with
 * {@code generate_series}: members with dummy ciphertext, purchases with a realistic skew, and the
 * ledger those purchases would have produced (an accrual entry, a lot and two postings per
 * purchase, so the ledger reconciles). Only the benchmark uses it; the application never does.
 *
 * <p>The shape, relative to the moment of loading ({@code asOf}):
 *
 * <ul>
 *   <li>members {@code 1..N}; their ids are {@code md5(slug:i)} (random-looking, like the v4 ids
 *       the application gives), their passport code is {@code BENCH<i>}; the last 15 % never buy;
 *   <li>purchases spread over 450 days (~15 months) in time order; the buyer is drawn with a
 *       bounded power law (the top 1 % of members make ~14 % of purchases, the busiest member ~44
 *       times the average), every tenth buyer stops buying after the first three months (they are
 *       inactive for more than 12 months now);
 *   <li>9 categories, each member with a favourite one (55 % of their purchases), the rest by the
 *       club's weights; amounts 300 ₽ plus an exponential with a mean of 1,200 ₽;
 *   <li>a {@code points} lot per purchase (5 %, never expires by date); for a fifth of the
 *       purchases of the last 11 days a {@code cross-credits} lot (3 %, expires 10 days after the
 *       purchase);
 *   <li>tiers as the purchases up to a month ago gave them; every 1000th member holds VIP by hand
 *       for 60 more days, every 2000th is Inner Circle, every 100th holding VIP or Elite has been
 *       below it for 35 days.
 * </ul>
 *
 * <p>The load runs without the secondary indexes keyed by member (random inserts into them are what
 * makes a bulk load slow) and then recreates them from their own definitions ({@code
 * pg_get_indexdef}), i.e. exactly as the club changelog made them. The benchmark creates no index
 * of its own, except a temporary one that lets the reset of a reused club delete the previous run's
 * expiry entries, dropped before anything is measured.
 */
final class BenchData {
  static final List<String> CATEGORIES =
      List.of(
          "florist",
          "gastro",
          "cosmetology",
          "spa",
          "wine",
          "boutique",
          "fitness",
          "home",
          "jewelry");

  /** Lower bounds of the categories' shares of purchases not in the favourite category. */
  private static final String CATEGORY_BOUNDS = "ARRAY[0, .22, .40, .54, .66, .76, .85, .92, .97]";

  private static final int BATCH = 500_000;

  private final Connection db;
  private final String schema;
  private final String slug;
  private final long members;
  private final long purchases;
  private final Instant asOf;

  BenchData(Connection db, String slug, long members, long purchases, Instant asOf) {
    this.db = db;
    this.slug = slug;
    this.schema = "club_" + slug.replace('-', '_');
    this.members = members;
    this.purchases = purchases;
    this.asOf = asOf;
  }

  String schema() {
    return schema;
  }

  /** How many members and purchases the club's schema holds now. */
  long[] counts() throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT count(*) FROM "
                    + schema
                    + ".member), (SELECT count(*) FROM "
                    + schema
                    + ".purchase)")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  void loadMembers(LongConsumer progress) throws SQLException {
    for (long lo = 1; lo <= members; lo += BATCH) {
      long hi = Math.min(members, lo + BATCH - 1);
      try (PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO "
                  + schema
                  + ".member (id, passport_code, personal_data, phone_index, email_index,"
                  + " enrolled_at, version)"
                  + " SELECT md5(? || ':' || i)::uuid, 'BENCH' || lpad(i::text, 9, '0'),"
                  + " decode(repeat(md5(i::text), 3), 'hex'), decode(md5('phone:' || i), 'hex'),"
                  + " decode(md5('email:' || i), 'hex'),"
                  + " ?::timestamptz - interval '460 days' + random() * interval '10 days', 0"
                  + " FROM generate_series(?::bigint, ?::bigint) i")) {
        ps.setString(1, slug);
        ps.setTimestamp(2, Timestamp.from(asOf));
        ps.setLong(3, lo);
        ps.setLong(4, hi);
        ps.executeUpdate();
      }
      progress.accept(hi);
    }
  }

  /** The club's indexes that are not behind a constraint: name and definition. */
  List<String[]> secondaryIndexes() throws SQLException {
    List<String[]> out = new java.util.ArrayList<>();
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT ic.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname IN"
                + " ('purchase', 'point_lot', 'ledger_entry', 'ledger_posting')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
                + " ORDER BY 1")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return out;
  }

  void dropIndexes(List<String[]> indexes) throws SQLException {
    try (Statement st = db.createStatement()) {
      for (String[] index : indexes) {
        st.execute("DROP INDEX " + schema + "." + index[0]);
      }
    }
  }

  void createIndexes(List<String[]> indexes) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("SET maintenance_work_mem = '512MB'");
      for (String[] index : indexes) {
        st.execute(index[1]);
      }
    }
  }

  /** Purchases {@code 1..P} in time order, each with its accrual entry, lot and postings. */
  void loadPurchases(List<String> partnerIds, LongConsumer progress) throws SQLException {
    long active = Math.max(1, members * 85 / 100);
    String partners =
        "ARRAY["
            + String.join(",", partnerIds.stream().map(id -> "'" + id + "'::uuid").toList())
            + "]";
    String categories =
        "ARRAY[" + String.join(",", CATEGORIES.stream().map(c -> "'" + c + "'").toList()) + "]";
    for (long lo = 1; lo <= purchases; lo += BATCH) {
      long hi = Math.min(purchases, lo + BATCH - 1);
      try (PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO "
                  + schema
                  + ".purchase (id, member_id, partner_id, receipt_number, amount, currency,"
                  + " category_code, occurred_at, points_earned, recorded_at)"
                  + " SELECT id, md5(? || ':' || m)::uuid, ("
                  + partners
                  + ")[c], 'B' || i, amount, 'RUB', ("
                  + categories
                  + ")[c], at, floor(amount * 0.05), at FROM ("
                  + "  SELECT i, id, at, amount, m, CASE WHEN r3 < 0.55 THEN 1 + (m * 7) % 9"
                  + "   ELSE width_bucket(r4, "
                  + CATEGORY_BOUNDS
                  + "::float8[]) END AS c FROM ("
                  + "   SELECT i, id, at, amount, r3, r4,"
                  + "    CASE WHEN tf >= 0.2 AND m0 % 10 = 3 THEN m0 + 1 ELSE m0 END AS m FROM ("
                  + "    SELECT i, "
                  + idOf(0, "i")
                  + " AS id,"
                  + "     ?::timestamptz - interval '450 days'"
                  + "      + ((i - 1 + random()) / ?::float8) * interval '450 days' AS at,"
                  + "     (i - 1) / ?::float8 AS tf,"
                  + "     1 + floor(?::bigint * (power(random() + 0.1, 3) - 0.001) / 1.33)::bigint"
                  + "      AS m0,"
                  + "     random() AS r3, random() AS r4,"
                  + "     round((300 + 1200 * -ln(1 - random()))::numeric, 2) AS amount"
                  + "    FROM generate_series(?::bigint, ?::bigint) i) g0) g1) g2")) {
        ps.setString(1, slug);
        ps.setTimestamp(2, Timestamp.from(asOf));
        ps.setLong(3, purchases);
        ps.setLong(4, purchases);
        ps.setLong(5, active);
        ps.setLong(6, lo);
        ps.setLong(7, hi);
        ps.executeUpdate();
      }
      ledgerFor(lo, hi);
      progress.accept(hi);
    }
  }

  /**
   * A uuid of kind {@code k} (0 purchase, 1 entry, 2 lot, 3-4 postings; 5-8 the same for
   * cross-credits) and number {@code i}: sequential, so the bulk load appends to the indexes.
   */
  private static String idOf(int kind, String i) {
    return "('"
        + String.format("%08x", kind)
        + "-0000-4000-8000-' || lpad(to_hex("
        + i
        + "), 12, '0'))::uuid";
  }

  private static String kindOf(int kind, String uuid) {
    return "overlay(" + uuid + "::text placing '" + String.format("%08x", kind) + "' from 1 for 8)";
  }

  private void ledgerFor(long lo, long hi) throws SQLException {
    String range = " FROM " + schema + ".purchase p WHERE p.id BETWEEN ? AND ?";
    String[] statements = {
      "INSERT INTO "
          + schema
          + ".ledger_entry (id, member_id, kind, reason, source_id, posted_at)"
          + " SELECT "
          + kindOf(1, "p.id")
          + "::uuid, p.member_id, 'ACCRUAL', 'purchase', p.id::text, p.occurred_at"
          + range,
      "INSERT INTO "
          + schema
          + ".point_lot (id, member_id, currency, granted, remaining, available_at, expires_at,"
          + " origin_entry, purchase_id, partner_id, created_at)"
          + " SELECT "
          + kindOf(2, "p.id")
          + "::uuid, p.member_id, 'points', p.points_earned, p.points_earned, p.occurred_at,"
          + " NULL, "
          + kindOf(1, "p.id")
          + "::uuid, p.id::text, p.partner_id::text, p.occurred_at"
          + range,
      "INSERT INTO "
          + schema
          + ".ledger_posting (id, entry_id, account, member_id, currency, amount, lot_id)"
          + " SELECT "
          + kindOf(3, "p.id")
          + "::uuid, "
          + kindOf(1, "p.id")
          + "::uuid, 'ISSUANCE', p.member_id, 'points', -p.points_earned, NULL"
          + range
          + " UNION ALL SELECT "
          + kindOf(4, "p.id")
          + "::uuid, "
          + kindOf(1, "p.id")
          + "::uuid, 'MEMBER', p.member_id, 'points', p.points_earned, "
          + kindOf(2, "p.id")
          + range,
      // cross-credits: a fifth of the purchases of the last 11 days, expiring after 10 days
      "INSERT INTO "
          + schema
          + ".ledger_entry (id, member_id, kind, reason, source_id, posted_at)"
          + " SELECT "
          + kindOf(5, "p.id")
          + "::uuid, p.member_id, 'ACCRUAL', 'cross-credits', p.id::text, p.occurred_at"
          + range
          + " AND p.occurred_at > ?::timestamptz - interval '11 days'"
          + " AND right(p.receipt_number, 1) IN ('0', '5') AND floor(p.amount * 0.03) > 0",
      "INSERT INTO "
          + schema
          + ".point_lot (id, member_id, currency, granted, remaining, available_at, expires_at,"
          + " origin_entry, purchase_id, partner_id, created_at)"
          + " SELECT "
          + kindOf(6, "p.id")
          + "::uuid, p.member_id, 'cross-credits', floor(p.amount * 0.03),"
          + " floor(p.amount * 0.03), p.occurred_at, p.occurred_at + interval '10 days', "
          + kindOf(5, "p.id")
          + "::uuid, p.id::text, p.partner_id::text, p.occurred_at"
          + range
          + " AND p.occurred_at > ?::timestamptz - interval '11 days'"
          + " AND right(p.receipt_number, 1) IN ('0', '5') AND floor(p.amount * 0.03) > 0",
      "INSERT INTO "
          + schema
          + ".ledger_posting (id, entry_id, account, member_id, currency, amount, lot_id)"
          + " SELECT "
          + kindOf(7, "l.id")
          + "::uuid, l.origin_entry, 'ISSUANCE', l.member_id, l.currency, -l.granted, NULL"
          + " FROM "
          + schema
          + ".point_lot l WHERE l.id BETWEEN ? AND ? UNION ALL SELECT "
          + kindOf(8, "l.id")
          + "::uuid, l.origin_entry, 'MEMBER', l.member_id, l.currency, l.granted, l.id::text"
          + " FROM "
          + schema
          + ".point_lot l WHERE l.id BETWEEN ? AND ?"
    };
    String from = uuid(0, lo);
    String to = uuid(0, hi);
    for (int s = 0; s < statements.length; s++) {
      try (PreparedStatement ps = db.prepareStatement(statements[s])) {
        if (s < 5) {
          int n = s == 2 ? 2 : 1;
          int p = 1;
          for (int k = 0; k < n; k++) {
            ps.setObject(p++, java.util.UUID.fromString(from));
            ps.setObject(p++, java.util.UUID.fromString(to));
          }
          if (s >= 3) {
            ps.setTimestamp(p, Timestamp.from(asOf));
          }
        } else {
          for (int k = 0; k < 2; k++) {
            ps.setObject(1 + 2 * k, java.util.UUID.fromString(uuid(6, lo)));
            ps.setObject(2 + 2 * k, java.util.UUID.fromString(uuid(6, hi)));
          }
        }
        ps.executeUpdate();
      }
    }
  }

  private static String uuid(int kind, long i) {
    return String.format("%08x-0000-4000-8000-%012x", kind, i);
  }

  /**
   * Tiers as the purchases up to a month ago gave them, manual and Inner Circle members, members in
   * a grace period. Also resets what a previous benchmark run changed, so a reused data set starts
   * from the same state: tier history and standings are emptied, expired lots restored.
   */
  void resetEvaluationState() throws SQLException {
    try (Statement st = db.createStatement()) {
      st.executeUpdate("DELETE FROM " + schema + ".tier_change");
      st.executeUpdate("DELETE FROM " + schema + ".member_standing");
      st.executeUpdate(
          "DELETE FROM "
              + schema
              + ".ledger_posting WHERE entry_id IN (SELECT id FROM "
              + schema
              + ".ledger_entry WHERE kind = 'EXPIRY')");
      // Deleting an entry checks the lots' foreign key to it; with no index on point_lot
      // (origin_entry) that is a scan of all lots per entry. A temporary index, dropped at once.
      st.execute(
          "CREATE INDEX IF NOT EXISTS bench_reset_origin_tmp ON "
              + schema
              + ".point_lot (origin_entry)");
      st.executeUpdate("DELETE FROM " + schema + ".ledger_entry WHERE kind = 'EXPIRY'");
      st.execute("DROP INDEX " + schema + ".bench_reset_origin_tmp");
      st.executeUpdate(
          "UPDATE " + schema + ".point_lot SET remaining = granted WHERE remaining <> granted");
    }
    try (PreparedStatement ps =
        db.prepareStatement(
            "UPDATE "
                + schema
                + ".member m SET tier_code = t.tier, manual_tier = NULL, manual_until = NULL,"
                + " below_tier_since = NULL, version = 0 FROM ("
                + " SELECT mm.id, CASE"
                + "  WHEN s.spent >= 100000 AND s.cats >= 5 THEN 'elite'"
                + "  WHEN s.spent >= 30000 AND s.cats >= 3 THEN 'vip'"
                + "  WHEN s.member_id IS NOT NULL OR b.member_id IS NOT NULL THEN 'insider' END AS tier"
                + " FROM "
                + schema
                + ".member mm LEFT JOIN (SELECT member_id, sum(amount) AS spent,"
                + "  count(DISTINCT category_code) AS cats FROM "
                + schema
                + ".purchase WHERE occurred_at > ?::timestamptz - interval '13 months'"
                + "  AND occurred_at <= ?::timestamptz - interval '1 month' GROUP BY member_id) s"
                + "  ON s.member_id = mm.id"
                + " LEFT JOIN (SELECT DISTINCT member_id FROM "
                + schema
                + ".purchase WHERE occurred_at > ?::timestamptz - interval '1 month') b"
                + "  ON b.member_id = mm.id) t"
                + " WHERE m.id = t.id")) {
      for (int p = 1; p <= 3; p++) {
        ps.setTimestamp(p, Timestamp.from(asOf));
      }
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        db.prepareStatement(
            "UPDATE "
                + schema
                + ".member SET tier_code = 'vip', manual_tier = 'vip',"
                + " manual_until = ?::timestamptz + interval '60 days'"
                + " WHERE substr(passport_code, 6)::bigint % 1000 = 7")) {
      ps.setTimestamp(1, Timestamp.from(asOf));
      ps.executeUpdate();
    }
    try (Statement st = db.createStatement()) {
      st.executeUpdate(
          "UPDATE "
              + schema
              + ".member SET tier_code = 'inner-circle'"
              + " WHERE substr(passport_code, 6)::bigint % 2000 = 11");
    }
    try (PreparedStatement ps =
        db.prepareStatement(
            "UPDATE "
                + schema
                + ".member SET below_tier_since = ?::timestamptz - interval '35 days'"
                + " WHERE substr(passport_code, 6)::bigint % 100 = 5"
                + " AND tier_code IN ('vip', 'elite') AND manual_tier IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(asOf));
      ps.executeUpdate();
    }
  }

  /** Empties the members and everything that refers to them (purchases, the ledger, tiers). */
  void truncate() throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("TRUNCATE " + schema + ".member CASCADE");
    }
  }

  /** Whether no run has touched the loaded data yet (no standings, no expiry, no tier change). */
  boolean untouched() throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT NOT EXISTS (SELECT 1 FROM "
                    + schema
                    + ".member_standing) AND NOT EXISTS (SELECT 1 FROM "
                    + schema
                    + ".tier_change) AND NOT EXISTS (SELECT 1 FROM "
                    + schema
                    + ".ledger_entry WHERE kind = 'EXPIRY')")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** VACUUM ANALYZE of the club's tables, as autovacuum would have done on a live club. */
  void analyze() throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(true);
    try (Statement st = db.createStatement()) {
      for (String table :
          List.of(
              "member",
              "purchase",
              "ledger_entry",
              "ledger_posting",
              "point_lot",
              "member_standing",
              "tier_change")) {
        st.execute("VACUUM ANALYZE " + schema + "." + table);
      }
    } finally {
      db.setAutoCommit(auto);
    }
  }

  static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
