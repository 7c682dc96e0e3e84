package club.bloom.bench;

import club.bloom.client.ApiException;
import club.bloom.client.model.Category;
import club.bloom.client.model.ClubProvisioning;
import club.bloom.client.model.Currency;
import club.bloom.client.model.Money;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.Tier;
import club.bloom.client.model.TierPolicy;
import club.bloom.devstack.BloomApi;
import club.bloom.devstack.KeycloakTestAdmin;
import club.bloom.devstack.StackEndpoints;
import club.bloom.ingestion.infrastructure.JpaPurchaseRepository;
import club.bloom.ledger.infrastructure.JpaPointLedger;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tiers.infrastructure.JdbcMemberTierStates;
import club.bloom.tiers.infrastructure.SqlMemberStandings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark of issue #3: the nightly runs (standings and percentiles, tier decisions, point
 * expiry) of a club with {@code bench.members} members (default 1,000,000) and {@code
 * bench.purchases} purchases (default 20,000,000), on a running local stack. Not a test: it prints
 * figures, it asserts nothing about time. Run it with {@code ./mvnw -Pbenchmark verify} (see the
 * README and docs/benchmarks.md).
 *
 * <p>The club, its categories, tiers, currencies and partners are provisioned through the API as
 * the operator; members, purchases and the ledger are bulk-loaded with SQL ({@link BenchData}). A
 * loaded club is reused by the next run (its evaluation state is reset first), unless {@code
 * bench.reload=true}. The runs are triggered the way an operator does, through {@code POST
 * /platform/clubs/{club}/tier-evaluation} and {@code /point-expiry}; the server reports its steps
 * in the {@code Server-Timing} header.
 */
public final class NightlyBenchmark {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final StackEndpoints stack;
  private final KeycloakTestAdmin keycloak;
  private final long members;
  private final long purchases;
  private final String slug;
  private final List<String> report = new ArrayList<>();

  private NightlyBenchmark(StackEndpoints stack, long members, long purchases, String slug) {
    this.stack = stack;
    this.keycloak =
        new KeycloakTestAdmin(
            stack.keycloakUrl(), stack.keycloakAdminUser(), stack.keycloakAdminPassword());
    this.members = members;
    this.purchases = purchases;
    this.slug = slug;
  }

  public static void main(String[] args) throws Exception {
    long members = Long.getLong("bench.members", 1_000_000);
    long purchases = Long.getLong("bench.purchases", 20_000_000);
    String club = System.getProperty("bench.club", "");
    String slug = club.isBlank() ? "bench-" + members + "-" + purchases : club;
    StackEndpoints stack =
        StackEndpoints.local(
            Integer.getInteger("bloom.http.port", 9080),
            Integer.getInteger("bloom.keycloak.port", 8180),
            Integer.getInteger("bloom.postgres.port", 55432));
    new NightlyBenchmark(stack, members, purchases, slug)
        .run(Boolean.getBoolean("bench.reload"), Integer.getInteger("bench.runs", 2));
  }

  private void run(boolean reload, int runs) throws Exception {
    line("Bloom nightly benchmark — " + Instant.now());
    line(Machine.describe());
    try (Connection db =
        DriverManager.getConnection(stack.postgresJdbcUrl(), stack.dbUser(), stack.dbPassword())) {
      line(postgres(db));
      line(
          String.format(
              Locale.ROOT,
              "club %s: %,d members, %,d purchases (9 categories, 15 months)",
              slug,
              members,
              purchases));
      List<String> partners = provision();
      BenchData data = new BenchData(db, slug, members, purchases, Instant.now());
      long[] counts = data.counts();
      boolean loaded = false;
      if (counts[0] == members && counts[1] == purchases && !reload) {
        line("data: reusing the loaded club (-Dbench.reload=true loads it again)");
      } else if (counts[0] == 0 && counts[1] == 0 || reload) {
        if (counts[0] > 0) {
          timed("empty the club's tables (-Dbench.reload=true)", data::truncate);
        }
        load(db, data, partners);
        loaded = true;
      } else {
        throw new IllegalStateException(
            "club "
                + slug
                + " holds "
                + counts[0]
                + " members and "
                + counts[1]
                + " purchases; use another -Dbench.club or a clean stack");
      }
      if (!loaded && data.untouched()) {
        line("evaluation state: as loaded (no run has touched it)");
      } else {
        timed(
            "reset evaluation state (tiers as of a month ago, no expiry)",
            data::resetEvaluationState);
      }
      timed("VACUUM ANALYZE", data::analyze);
      line(sizes(db, data.schema()));
      for (int r = 1; r <= runs; r++) {
        line("");
        line("run " + r + (r == 1 ? " (first night on this data)" : " (the same night again)"));
        evaluate(db, data.schema());
        expire(db, data.schema());
      }
      explain(db, new SchemaName(data.schema()));
      line("");
      reconcile(db, data.schema());
    }
    Path out = Path.of("target", "benchmark", "nightly-" + members + "-" + purchases + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    System.out.println("(written to " + out.toAbsolutePath() + ")");
  }

  private void load(Connection db, BenchData data, List<String> partners) throws SQLException {
    db.setAutoCommit(true);
    List<String[]> indexes = data.secondaryIndexes();
    data.dropIndexes(indexes);
    long t = System.nanoTime();
    data.loadMembers(n -> progress("members", n, members, t));
    line("load members: " + since(t));
    long p = System.nanoTime();
    data.loadPurchases(partners, n -> progress("purchases and their ledger", n, purchases, p));
    line("load purchases, lots, entries, postings: " + since(p));
    long i = System.nanoTime();
    data.createIndexes(indexes);
    line(
        "recreate the secondary indexes as the changelog defines them ("
            + String.join(", ", indexes.stream().map(x -> x[0]).toList())
            + "): "
            + since(i));
  }

  private static void progress(String what, long done, long total, long t0) {
    System.out.printf(Locale.ROOT, "  … %s: %,d of %,d (%s)%n", what, done, total, since(t0));
  }

  // --- provisioning through the API ------------------------------------------------------------

  private BloomApi operator() {
    return BloomApi.as(stack.bloomUrl(), operatorToken());
  }

  private String operatorToken() {
    return keycloak.clientCredentials(stack.platformRealm(), "bloom-ops", stack.opsClientSecret());
  }

  /** Provisions (idempotently) the club, its configuration and 9 partners; returns their ids. */
  private List<String> provision() throws ApiException, SQLException {
    long t = System.nanoTime();
    BloomApi operator = operator();
    operator
        .platform()
        .provisionClub(
            slug,
            new ClubProvisioning()
                .name("Benchmark " + slug)
                .locale("ru")
                .timeZone("Europe/Moscow")
                .adminEmail("admin@" + slug + ".test")
                .adminPassword("admin-" + slug));
    operator
        .clubs()
        .defineCategories(
            slug, BenchData.CATEGORIES.stream().map(c -> new Category().code(c).name(c)).toList());
    operator
        .clubs()
        .defineTiers(
            slug,
            List.of(
                tier("insider", "Insider", 1, "0", 1, "5", false, null),
                tier("vip", "VIP", 2, "30000", 3, "7", false, null),
                tier("elite", "Elite", 3, "100000", 5, "10", false, "1"),
                tier("inner-circle", "Inner Circle", 4, "0", 0, "12", true, null)));
    operator
        .clubs()
        .defineCurrencies(
            slug,
            List.of(
                new Currency().code("points").name("Баллы").rubleValue("1").inactivityMonths(12),
                new Currency().code("cross-credits").name("Кросс-кредиты").rubleValue("1")));
    operator.clubs().setTierPolicy(slug, new TierPolicy().graceDays(30));
    List<String> slugs = new ArrayList<>();
    for (String category : BenchData.CATEGORIES) {
      String partner = slug + "-" + category.substring(0, 3);
      operator
          .platform()
          .provisionPartner(
              partner, new PartnerProvisioning().name("Shop " + category + " of " + slug));
      operator
          .platform()
          .linkPartner(slug, partner, new PartnershipTerms().categories(List.of(category)));
      slugs.add(partner);
    }
    List<String> ids = new ArrayList<>();
    try (Connection db =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.dbUser(), stack.dbPassword());
        var ps =
            db.prepareStatement(
                "SELECT id FROM platform.tenant WHERE kind = 'PARTNER' AND slug = ?")) {
      for (String partner : slugs) {
        ps.setString(1, partner);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids.add(rs.getString(1));
        }
      }
    }
    line(
        "provision club, 9 categories, 4 tiers (Elite also for the top 1 %), 2 currencies"
            + " (points expire after 12 months without a purchase; cross-credits after 10 days),"
            + " 9 partners through the API: "
            + since(t));
    return ids;
  }

  private static Tier tier(
      String code,
      String name,
      int rank,
      String spend,
      int categories,
      String percent,
      boolean invitation,
      String top) {
    return new Tier()
        .code(code)
        .name(name)
        .rank(rank)
        .minSpend(new Money().amount(spend).currency("RUB"))
        .minCategories(categories)
        .windowMonths(12)
        .accrualPercent(percent)
        .invitationOnly(invitation)
        .topPercent(top);
  }

  // --- the runs --------------------------------------------------------------------------------

  private void evaluate(Connection db, String schema) throws Exception {
    long before = count(db, "SELECT count(*) FROM " + schema + ".tier_change");
    long grace =
        count(db, "SELECT count(*) FROM " + schema + ".member WHERE below_tier_since IS NOT NULL");
    String load = Machine.loadAverage();
    long t = System.nanoTime();
    HttpResponse<String> answer = post("/platform/clubs/" + slug + "/tier-evaluation");
    String wall = since(t);
    long after = count(db, "SELECT count(*) FROM " + schema + ".tier_change");
    long graceAfter =
        count(db, "SELECT count(*) FROM " + schema + ".member WHERE below_tier_since IS NOT NULL");
    line("  tier evaluation: " + wall + " wall (load average before: " + load + ")");
    line("    server steps: " + answer.headers().firstValue("Server-Timing").orElse("(none)"));
    line("    outcome: " + answer.body());
    line(
        String.format(
            Locale.ROOT,
            "    rows: %,d tier changes recorded; members in grace %,d → %,d",
            after - before,
            grace,
            graceAfter));
  }

  private void expire(Connection db, String schema) throws Exception {
    String entries = "SELECT count(*) FROM " + schema + ".ledger_entry WHERE kind = 'EXPIRY'";
    String lots =
        "SELECT count(*) FROM " + schema + ".point_lot WHERE remaining = 0 AND granted > 0";
    long entriesBefore = count(db, entries);
    long lotsBefore = count(db, lots);
    String load = Machine.loadAverage();
    long t = System.nanoTime();
    HttpResponse<String> answer = post("/platform/clubs/" + slug + "/point-expiry");
    String wall = since(t);
    line("  point expiry: " + wall + " wall (load average before: " + load + ")");
    line("    server steps: " + answer.headers().firstValue("Server-Timing").orElse("(none)"));
    line("    outcome: " + answer.body());
    line(
        String.format(
            Locale.ROOT,
            "    rows: %,d expiry entries (one per member), %,d lots emptied",
            count(db, entries) - entriesBefore,
            count(db, lots) - lotsBefore));
  }

  private HttpResponse<String> post(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.bloomUrl() + "/api/v1" + path))
            .header("Authorization", "Bearer " + operatorToken())
            .timeout(Duration.ofHours(3))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  /** The ledger check of the E2E tests, on the whole club. */
  private void reconcile(Connection db, String schema) throws SQLException {
    long t = System.nanoTime();
    long unbalanced =
        count(
            db,
            "SELECT count(*) FROM (SELECT entry_id, currency FROM "
                + schema
                + ".ledger_posting GROUP BY entry_id, currency HAVING sum(amount) <> 0) x");
    long member =
        count(
            db,
            "SELECT coalesce(sum(amount), 0) FROM "
                + schema
                + ".ledger_posting WHERE account = 'MEMBER'");
    long lots = count(db, "SELECT coalesce(sum(remaining), 0) FROM " + schema + ".point_lot");
    line(
        String.format(
            Locale.ROOT,
            "ledger: %s (unbalanced entries %d; member accounts %,d = lots %,d) — checked in %s",
            unbalanced == 0 && member == lots ? "reconciles" : "DOES NOT RECONCILE",
            unbalanced,
            member,
            lots,
            since(t)));
  }

  // --- plans of the statements the runs make, with the club's own indexes --------------------

  /**
   * EXPLAINs the statements of the nightly runs, taken from the repositories themselves: the
   * standings (estimated only: it writes), a page of members, the members with lots past their
   * date, the last purchases of a chunk (executed: they only read), the inactive members
   * (estimated: the run measures it).
   */
  private void explain(Connection db, SchemaName club) throws SQLException {
    Instant now = Instant.now();
    String middle;
    String chunk;
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT id FROM "
                    + club
                    + ".member ORDER BY id OFFSET "
                    + members / 2
                    + " LIMIT 1")) {
      middle = rs.next() ? rs.getString(1) : "00000000-0000-0000-0000-000000000000";
    }
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT '{' || string_agg(id::text, ',') || '}' FROM (SELECT id FROM "
                    + club
                    + ".member ORDER BY id LIMIT 1000) x")) {
      rs.next();
      chunk = rs.getString(1);
    }
    line("");
    line("plans after the runs (EXPLAIN of the statements as the repositories build them):");
    plan(
        db,
        "standings, the window's spend (SqlMemberStandings.spendSql, estimated)",
        "EXPLAIN CREATE TEMP TABLE bloom_window_spend AS "
            + SqlMemberStandings.spendSql(club, now.minus(Duration.ofDays(365))));
    try (Statement st = db.createStatement()) {
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS bloom_window_spend"
              + " (member_id uuid, spent numeric, categories bigint)");
    }
    plan(
        db,
        "standings, the ranking (SqlMemberStandings.rankSql, estimated on an empty spend table)",
        "EXPLAIN " + SqlMemberStandings.rankSql(club, "bloom_window_spend"),
        java.sql.Timestamp.from(now));
    plan(
        db,
        "a page of 5,000 members (JdbcMemberTierStates)",
        "EXPLAIN (ANALYZE, BUFFERS) " + JdbcMemberTierStates.pageSql(club, true),
        java.util.UUID.fromString(middle),
        5000);
    plan(
        db,
        "members with lots past their date (JpaPointLedger)",
        "EXPLAIN (ANALYZE, BUFFERS) " + JpaPointLedger.expiredSql(club),
        java.sql.Timestamp.from(now));
    plan(
        db,
        "inactive members of a currency (JpaPointLedger, estimated)",
        "EXPLAIN " + JpaPointLedger.inactiveSql(club),
        "points",
        java.sql.Timestamp.from(now.minus(Duration.ofDays(365))));
    plan(
        db,
        "last purchases of a chunk of 1,000 members (JpaPurchaseRepository)",
        "EXPLAIN (ANALYZE, BUFFERS) " + JpaPurchaseRepository.lastPurchasesSql(club),
        chunk);
  }

  private void plan(Connection db, String what, String sql, Object... parameters)
      throws SQLException {
    line("  " + what + ":");
    try (var ps = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String text = rs.getString(1);
          line("    " + (text.length() > 200 ? text.substring(0, 200) + " …" : text));
        }
      }
    }
  }

  // --- reporting -------------------------------------------------------------------------------

  private interface SqlStep {
    void run() throws SQLException;
  }

  private void timed(String what, SqlStep step) throws SQLException {
    long t = System.nanoTime();
    step.run();
    line(what + ": " + since(t));
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String sizes(Connection db, String schema) throws SQLException {
    StringBuilder s = new StringBuilder("sizes:");
    for (String table :
        List.of("member", "purchase", "point_lot", "ledger_entry", "ledger_posting")) {
      try (Statement st = db.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid))"
                      + " FROM pg_class c WHERE c.oid = '"
                      + schema
                      + "."
                      + table
                      + "'::regclass")) {
        rs.next();
        s.append(
            String.format(
                Locale.ROOT, " %s %,d rows (%s);", table, rs.getLong(1), rs.getString(2)));
      }
    }
    return s.toString();
  }

  private static String postgres(Connection db) throws SQLException {
    StringBuilder s = new StringBuilder("PostgreSQL ");
    try (Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("SHOW server_version")) {
        rs.next();
        s.append(rs.getString(1));
      }
      for (String setting :
          List.of("shared_buffers", "work_mem", "max_parallel_workers_per_gather", "fsync")) {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
          rs.next();
          s.append(", ").append(setting).append(' ').append(rs.getString(1));
        }
      }
    }
    return s.append(" (the embedded server of the local stack)").toString();
  }

  private void line(String text) {
    System.out.println(text);
    System.out.flush();
    report.add(text);
  }

  private static String since(long t0) {
    return BenchData.seconds(Duration.ofNanos(System.nanoTime() - t0));
  }
}
