package club.bloom.bench;

import club.bloom.client.model.ApiKeyRequest;
import club.bloom.client.model.Category;
import club.bloom.client.model.ClubProvisioning;
import club.bloom.client.model.CounterRegistration;
import club.bloom.client.model.Money;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.SubscriptionUpdate;
import club.bloom.client.model.Tier;
import club.bloom.devstack.BloomApi;
import club.bloom.devstack.KeycloakTestAdmin;
import club.bloom.devstack.StackEndpoints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * The CSV import benchmark of issue 11: one partner's file of N purchase rows (unique receipts,
 * several members, one club) uploaded through {@code POST /partners/{partner}/imports} and timed
 * from the upload to {@code FINISHED}, and — in the same run, on the same database — PostgreSQL's
 * {@code COPY} of the same bytes into a bare table. Prints both and the ratio, then checks that
 * every row was recorded exactly once (receipts, purchase facts, idempotency records) and that the
 * points equal the receipts' points. Not a test: it asserts nothing about time.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dbench.main=club.bloom.bench.CsvImportBenchmark
 * -Dbench.csv.rows=20000 -Dbench.csv.members=200} (docs/benchmarks.md). The stack's upload limit is
 * 16 MiB (about 200,000 rows of this shape); larger runs need {@code
 * BLOOM_HTTP_MAX_BODY_SIZE_ROUTES}.
 */
public final class CsvImportBenchmark {
  private final StackEndpoints stack;
  private final BloomApi operator;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> report = new ArrayList<>();
  private final String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
  private final int rows = Integer.getInteger("bench.csv.rows", 20_000);
  private final int members = Integer.getInteger("bench.csv.members", 200);

  private CsvImportBenchmark(StackEndpoints stack) {
    this.stack = stack;
    KeycloakTestAdmin keycloak =
        new KeycloakTestAdmin(
            stack.keycloakUrl(), stack.keycloakAdminUser(), stack.keycloakAdminPassword());
    this.operator =
        BloomApi.as(
            stack.bloomUrl(),
            keycloak.clientCredentials(
                stack.platformRealm(), "bloom-ops", stack.opsClientSecret()));
  }

  public static void main(String[] args) throws Exception {
    StackEndpoints stack =
        StackEndpoints.local(
            Integer.getInteger("bloom.http.port", 9080),
            Integer.getInteger("bloom.keycloak.port", 8180),
            Integer.getInteger("bloom.postgres.port", 55432));
    new CsvImportBenchmark(stack).run();
  }

  private void run() throws Exception {
    line("Bloom CSV import benchmark — " + Instant.now());
    line(Machine.describe());
    String club = "cb" + run + "-c";
    String partner = "cb" + run + "-p";
    operator
        .platform()
        .provisionClub(
            club,
            new ClubProvisioning()
                .name("Club " + club)
                .adminEmail("admin@" + club + ".bench")
                .adminPassword("admin-" + club));
    operator
        .platform()
        .changeTenantSubscription("clubs", club, new SubscriptionUpdate().plan("enterprise"));
    operator.clubs().defineCategories(club, List.of(new Category().code("florist").name("Цветы")));
    operator
        .clubs()
        .defineTiers(
            club,
            List.of(
                new Tier()
                    .code("insider")
                    .name("Insider")
                    .rank(1)
                    .minSpend(new Money().amount("0").currency("RUB"))
                    .minCategories(1)
                    .windowMonths(12)
                    .accrualPercent("5")
                    .invitationOnly(false)));
    operator
        .platform()
        .provisionPartner(partner, new PartnerProvisioning().name("Shop " + partner));
    operator
        .platform()
        .changeTenantSubscription("partners", partner, new SubscriptionUpdate().plan("enterprise"));
    operator
        .platform()
        .linkPartner(club, partner, new PartnershipTerms().categories(List.of("florist")));
    String key =
        operator
            .platform()
            .issueApiKey(
                partner,
                new ApiKeyRequest()
                    .mode(ApiKeyRequest.ModeEnum.TEST)
                    .label("csv benchmark")
                    .scopes(
                        List.of(
                            ApiKeyRequest.ScopesEnum.IMPORTS_WRITE,
                            ApiKeyRequest.ScopesEnum.MEMBERS_REGISTER)))
            .getKey();
    BloomApi shop = BloomApi.as(stack.bloomUrl(), key);
    List<String> passports = new ArrayList<>();
    long phone = 5_000_000 + (System.nanoTime() & 0xFFFFF);
    for (int m = 0; m < members; m++) {
      passports.add(
          shop.purchases()
              .registerAtCounter(
                  club,
                  UUID.randomUUID().toString(),
                  new CounterRegistration().phone(String.format("+7995%07d", phone + m)))
              .getPassportCode());
    }
    byte[] file = file(passports);
    line(
        String.format(
            Locale.ROOT,
            "%d rows, %d members, %.1f MiB; chunk %s rows",
            rows,
            members,
            file.length / 1048576.0,
            System.getProperty("bench.csv.chunk", "bloom.imports.chunk-size (default 100)")));

    double copySeconds = copy(file);
    long t0 = System.nanoTime();
    HttpResponse<String> upload =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        stack.bloomUrl()
                            + "/api/v1/partners/"
                            + partner
                            + "/imports?fileName=bench.csv"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (upload.statusCode() != 202) {
      throw new IllegalStateException("upload: " + upload.statusCode() + " " + upload.body());
    }
    ObjectMapper json = new ObjectMapper();
    String id = json.readTree(upload.body()).get("id").asText();
    double uploadSeconds = (System.nanoTime() - t0) / 1e9;
    JsonNode state;
    long lastPrint = System.nanoTime();
    while (true) {
      state =
          json.readTree(
              http.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  stack.bloomUrl()
                                      + "/api/v1/partners/"
                                      + partner
                                      + "/imports/"
                                      + id))
                          .header("Authorization", "Bearer " + key)
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      String status = state.get("status").asText();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        break;
      }
      if (System.nanoTime() - lastPrint > 30e9) {
        lastPrint = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "  … %d of %d rows after %.0f s%n",
            state.get("rowsDone").asInt(),
            rows,
            (System.nanoTime() - t0) / 1e9);
      }
      Thread.sleep(500);
    }
    double importSeconds = (System.nanoTime() - t0) / 1e9;
    line(
        String.format(
            Locale.ROOT,
            "COPY into a bare table: %.2f s (%.0f rows/s)",
            copySeconds,
            rows / copySeconds));
    line(
        String.format(
            Locale.ROOT,
            "import (upload %.2f s, then the job) : %.1f s (%.0f rows/s), status %s, %d accepted,"
                + " %d rejected",
            uploadSeconds,
            importSeconds,
            rows / importSeconds,
            state.get("status").asText(),
            state.get("rowsAccepted").asInt(),
            state.get("rowsRejected").asInt()));
    line(
        String.format(
            Locale.ROOT, "ratio import / COPY: %.0f× (target ≤ 3×)", importSeconds / copySeconds));
    verify(club, partner);
    Path out = Path.of("target", "bench", "csv-import-" + run + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    System.out.println("(written to " + out.toAbsolutePath() + ")");
  }

  private byte[] file(List<String> passports) {
    String when =
        LocalDateTime.now(ZoneId.of("Europe/Moscow"))
            .minusHours(1)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    StringBuilder csv =
        new StringBuilder("receiptNumber,passportCode,amount,category,occurredAt\n");
    for (int i = 0; i < rows; i++) {
      csv.append("CB")
          .append(run)
          .append('-')
          .append(i)
          .append(',')
          .append(passports.get(i % passports.size()))
          .append(',')
          .append(100 + i % 900)
          .append('.')
          .append(String.format("%02d", i % 100))
          .append(",florist,")
          .append(when)
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** COPY of the same bytes into a bare table of the same columns; seconds. */
  private double copy(byte[] file) throws Exception {
    try (Connection db = db();
        Statement st = db.createStatement()) {
      String table = "public.csv_copy_" + run;
      st.execute(
          "CREATE TABLE "
              + table
              + " (receipt_number text, passport_code text, amount numeric(14,2), category text,"
              + " occurred_at timestamp)");
      try {
        long t0 = System.nanoTime();
        long copied =
            db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new ByteArrayInputStream(file));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (copied != rows) {
          throw new IllegalStateException("COPY loaded " + copied + " rows of " + rows);
        }
        return seconds;
      } finally {
        st.execute("DROP TABLE " + table);
      }
    }
  }

  private void verify(String club, String partner) throws Exception {
    String clubSchema = "club_" + club.replace('-', '_');
    String partnerSchema = "partner_" + partner.replace('-', '_');
    try (Connection db = db();
        Statement st = db.createStatement()) {
      long receipts = count(st, "SELECT count(*) FROM " + partnerSchema + ".receipt");
      long facts = count(st, "SELECT count(*) FROM " + clubSchema + ".purchase");
      long keys =
          count(
              st,
              "SELECT count(*) FROM platform.idempotency_record WHERE idem_key LIKE 'csv-purchase:CB"
                  + run
                  + "-%'");
      long earned =
          count(st, "SELECT coalesce(sum(points_earned), 0) FROM " + partnerSchema + ".receipt");
      long credited =
          count(
              st,
              "SELECT coalesce(sum(amount), 0) FROM "
                  + clubSchema
                  + ".ledger_posting WHERE account = 'MEMBER'");
      line(
          String.format(
              Locale.ROOT,
              "check: %d receipts, %d purchase facts, %d idempotency records for %d rows; points"
                  + " %d on receipts, %d on member accounts — %s",
              receipts,
              facts,
              keys,
              rows,
              earned,
              credited,
              receipts == rows && facts == rows && keys == rows && earned == credited
                  ? "every row once"
                  : "MISMATCH"));
    }
  }

  private Connection db() throws java.sql.SQLException {
    return DriverManager.getConnection(stack.postgresJdbcUrl(), stack.dbUser(), stack.dbPassword());
  }

  private static long count(Statement st, String sql) throws java.sql.SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void line(String text) {
    System.out.println(text);
    report.add(text);
  }
}
