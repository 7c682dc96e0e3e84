package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner's daily CSV import end to end (ADR 0041), on the real stack: a POS export in
 * windows-1251 with semicolons and decimal commas, then an overlapping UTF-8 file with a BOM and
 * commas; good rows recorded exactly as through the API, bad rows listed with line, field and
 * reason; nothing credited twice; limits (413, 402, 409 under concurrent uploads); tenant
 * isolation; staff roles.
 */
class CsvImportIT {
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Charset CP1251 = Charset.forName("windows-1251");
  static final List<ScopesEnum> SCOPES =
      List.of(ScopesEnum.PURCHASES_WRITE, ScopesEnum.PURCHASES_READ, ScopesEnum.IMPORTS_WRITE);

  static ClubFixture club;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
  }

  static String moscow(int minutesAgo, String pattern) {
    return LocalDateTime.now(MOSCOW)
        .minusMinutes(minutesAgo)
        .format(DateTimeFormatter.ofPattern(pattern));
  }

  static String schemaOf(PartnerFixture p) {
    return "partner_" + p.slug().replace('-', '_');
  }

  static long count(String sql, Object... params) {
    try (Connection db = Fixtures.db();
        PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  static long balance(MemberFixture m) throws ApiException {
    return m.api().member().getMyCabinet().getPointsBalance();
  }

  static List<List<String>> csvRows(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (!line.isEmpty()) {
        rows.add(List.of(line.split(",", -1)));
      }
    }
    return rows;
  }

  @Test
  void aPosExportIsImportedOnceWithEveryBadRowReportedAndAnOverlappingFileCreditsNothingTwice()
      throws Exception {
    PartnerFixture shop = club.partner(SCOPES, "florist", "spa");
    MemberFixture anna = club.member();
    MemberFixture vera = club.member();
    String r1 = Fixtures.unique("Ч");
    String r2 = Fixtures.unique("Ч");
    String r3 = Fixtures.unique("Ч");
    String r4 = Fixtures.unique("Ч");
    String r5 = Fixtures.unique("Ч");
    String refund = Fixtures.unique("В");

    HttpResponse<String> saved =
        Fixtures.http(
            "PUT",
            "/partners/" + shop.slug() + "/import-mapping",
            shop.apiKey(),
            Map.of(
                "columns",
                Map.of(
                    "occurredAt", "Дата",
                    "receiptNumber", "Номер чека",
                    "passportCode", "Карта клуба",
                    "amount", "Сумма",
                    "category", "Категория",
                    "kind", "Операция",
                    "refundNumber", "Номер возврата"),
                "delimiter",
                ";",
                "decimalSeparator",
                ",",
                "encoding",
                "windows-1251",
                "timeZone",
                "Europe/Moscow"));
    assertEquals(200, saved.statusCode(), saved.body());

    String when = moscow(60, "dd.MM.yyyy HH:mm");
    String pos =
        "Дата;Номер чека;Карта клуба;Сумма;Категория;Операция;Номер возврата\r\n"
            + when
            + ";"
            + r1
            + ";"
            + anna.passport()
            + ";1 000,00;Florist;продажа;\r\n"
            + when
            + ";"
            + r2
            + ";"
            + vera.passport()
            + ";2 500,50;spa;продажа;\r\n"
            + when
            + ";"
            + r3
            + ";"
            + vera.passport()
            + ";12.50;spa;продажа;\r\n"
            + when
            + ";"
            + r4
            + ";7K3M-9QXA-2B4C;100,00;spa;продажа;\r\n"
            + when
            + ";"
            + r5
            + ";"
            + anna.passport()
            + ";100,00;wine;продажа;\r\n"
            + moscow(30, "dd.MM.yyyy HH:mm")
            + ";"
            + r1
            + ";;500,00;;возврат;"
            + refund
            + "\r\n";
    JsonNode queued = CsvImports.accepted(shop.slug(), shop.apiKey(), pos.getBytes(CP1251));
    assertEquals(6, queued.get("rowsTotal").asInt());
    JsonNode done = CsvImports.finished(shop.slug(), shop.apiKey(), queued.get("id").asText());
    assertEquals(6, done.get("rowsDone").asInt());
    assertEquals(3, done.get("rowsAccepted").asInt(), done.toString());
    assertEquals(3, done.get("rowsRejected").asInt());

    HttpResponse<String> rejections =
        CsvImports.get(
            done.get("rejectionsUrl").asText().substring("/api/v1".length()), shop.apiKey());
    assertEquals(200, rejections.statusCode());
    assertTrue(rejections.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<List<String>> rows = csvRows(rejections.body());
    assertEquals(List.of("line", "field", "reason", "receiptNumber"), rows.get(0));
    Map<String, String> fieldByLine = new HashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      fieldByLine.put(row.get(0), row.get(1));
    }
    assertEquals(
        Map.of("4", "amount", "5", "passportCode", "6", "category"),
        fieldByLine,
        rejections.body());

    // The same purchases through the API, for members of their own: the same points.
    MemberFixture annaTwin = club.member();
    MemberFixture veraTwin = club.member();
    PartnerFixture apiShop = club.partner(SCOPES, "florist", "spa");
    var p1 = purchase(annaTwin.passport(), "1000.00", "florist", 60);
    apiShop.api().purchases().postPurchase(key(), p1);
    apiShop.api().purchases().postRefund(key(), Fixtures.refund(p1.getReceiptNumber(), "500.00"));
    apiShop
        .api()
        .purchases()
        .postPurchase(key(), purchase(veraTwin.passport(), "2500.50", "spa", 60));
    long annaPoints = balance(anna);
    long veraPoints = balance(vera);
    assertEquals(balance(annaTwin), annaPoints);
    assertEquals(balance(veraTwin), veraPoints);
    assertTrue(veraPoints > 0);
    assertEquals(2, count("SELECT count(*) FROM " + schemaOf(shop) + ".receipt"));
    assertEquals(1, count("SELECT count(*) FROM " + schemaOf(shop) + ".receipt_refund"));

    // The same file again: every good row is found recorded under its key; nothing moves.
    JsonNode again =
        CsvImports.finished(
            shop.slug(),
            shop.apiKey(),
            CsvImports.accepted(shop.slug(), shop.apiKey(), pos.getBytes(CP1251))
                .get("id")
                .asText());
    assertEquals(3, again.get("rowsAccepted").asInt(), again.toString());
    assertEquals(annaPoints, balance(anna));
    assertEquals(veraPoints, balance(vera));

    // Tomorrow's export overlaps: UTF-8 with a BOM, commas, Bloom's own headers.
    HttpResponse<String> standard =
        Fixtures.http(
            "PUT",
            "/partners/" + shop.slug() + "/import-mapping",
            shop.apiKey(),
            Map.of(
                "columns",
                Map.of(
                    "receiptNumber", "receiptNumber",
                    "passportCode", "passportCode",
                    "amount", "amount",
                    "category", "category",
                    "occurredAt", "occurredAt"),
                "delimiter",
                ",",
                "decimalSeparator",
                ".",
                "encoding",
                "UTF-8",
                "timeZone",
                "Europe/Moscow"));
    assertEquals(200, standard.statusCode(), standard.body());
    String r6 = Fixtures.unique("Ч");
    String utf8 =
        "\uFEFFreceiptNumber,passportCode,amount,category,occurredAt\n"
            + r2
            + ","
            + vera.passport()
            + ",2500.50,spa,"
            + when.substring(6, 10)
            + "-"
            + when.substring(3, 5)
            + "-"
            + when.substring(0, 2)
            + when.substring(10)
            + "\n"
            + r6
            + ","
            + vera.passport()
            + ",\"1000.00\",spa,"
            + moscow(10, "yyyy-MM-dd HH:mm")
            + "\n";
    JsonNode overlap =
        CsvImports.finished(
            shop.slug(),
            shop.apiKey(),
            CsvImports.accepted(shop.slug(), shop.apiKey(), utf8.getBytes(StandardCharsets.UTF_8))
                .get("id")
                .asText());
    assertEquals(2, overlap.get("rowsAccepted").asInt(), overlap.toString());
    assertEquals(0, overlap.get("rowsRejected").asInt());
    assertEquals(3, count("SELECT count(*) FROM " + schemaOf(shop) + ".receipt"));
    assertEquals(veraPoints + 50, balance(vera), "only the new receipt: 5% of 1 000 ₽");
    Fixtures.assertLedgerReconciles(club);

    JsonNode list =
        CsvImports.json(CsvImports.get("/partners/" + shop.slug() + "/imports", shop.apiKey()));
    assertEquals(3, list.get("items").size());
    assertEquals(overlap.get("id"), list.get("items").get(0).get("id"), "newest first");
  }

  @Test
  void aFileBeyondTodaysRowsIsRefusedWholeWithTheNumbers() throws Exception {
    PartnerFixture shop = club.partner(SCOPES, "florist");
    Fixtures.override("partners", shop.slug(), "csvRowsPerDay", 3);
    MemberFixture member = club.member();
    StringBuilder file =
        new StringBuilder("receiptNumber,passportCode,amount,category,occurredAt\n");
    for (int i = 0; i < 4; i++) {
      file.append(Fixtures.unique("R"))
          .append(',')
          .append(member.passport())
          .append(",100.00,florist,")
          .append(moscow(5, "yyyy-MM-dd HH:mm"))
          .append('\n');
    }
    HttpResponse<String> refused =
        CsvImports.upload(
            shop.slug(), shop.apiKey(), file.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(402, refused.statusCode(), refused.body());
    JsonNode problem = CsvImports.json(refused);
    assertEquals("csvRowsPerDay", problem.get("limit").asText());
    assertEquals(3, problem.get("allowed").asInt());
    assertEquals(4, problem.get("requested").asInt(), problem.toString());
    assertEquals(
        0,
        CsvImports.json(CsvImports.get("/partners/" + shop.slug() + "/imports", shop.apiKey()))
            .get("items")
            .size(),
        "nothing queued");
    assertEquals(0, count("SELECT count(*) FROM " + schemaOf(shop) + ".receipt"));
  }

  @Test
  void concurrentUploadsOfOnePartnerStartOneImportAndTheOthersAreTold409() throws Exception {
    PartnerFixture shop = club.partner(SCOPES, "florist");
    MemberFixture member = club.member();
    StringBuilder file =
        new StringBuilder("receiptNumber,passportCode,amount,category,occurredAt\n");
    for (int i = 0; i < 150; i++) {
      file.append(Fixtures.unique("R"))
          .append(',')
          .append(member.passport())
          .append(",10.00,florist,")
          .append(moscow(5, "yyyy-MM-dd HH:mm"))
          .append('\n');
    }
    byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        Callable<HttpResponse<String>> upload =
            () -> {
              start.await();
              return CsvImports.upload(shop.slug(), shop.apiKey(), bytes);
            };
        answers.add(pool.submit(upload));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      String accepted = null;
      for (Future<HttpResponse<String>> f : answers) {
        HttpResponse<String> r = f.get();
        statuses.add(r.statusCode());
        if (r.statusCode() == 202) {
          accepted = CsvImports.json(r).get("id").asText();
        } else {
          assertEquals(409, r.statusCode(), r.body());
          assertTrue(r.body().contains("import-running"), r.body());
        }
      }
      assertEquals(1, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
      JsonNode done = CsvImports.finished(shop.slug(), shop.apiKey(), accepted);
      assertEquals(150, done.get("rowsAccepted").asInt());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(150, count("SELECT count(*) FROM " + schemaOf(shop) + ".receipt"));
  }

  @Test
  void aFileTooLargeAMissingColumnAndAJsonBodyAreRefusedNamingTheField() throws Exception {
    PartnerFixture shop = club.partner(SCOPES, "florist");
    HttpResponse<String> large =
        CsvImports.upload(shop.slug(), shop.apiKey(), new byte[16 * 1024 * 1024 + 1]);
    assertEquals(413, large.statusCode(), large.body());
    assertTrue(large.body().contains("body-too-large"));

    HttpResponse<String> header =
        CsvImports.upload(
            shop.slug(),
            shop.apiKey(),
            "receiptNumber;passportCode;amount;category;occurredAt\nR;X;1;spa;2026-12-01\n"
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, header.statusCode(), header.body());
    assertEquals(
        "columns.receiptNumber",
        CsvImports.json(header).get("errors").get(0).get("field").asText(),
        "the standard mapping reads commas: the whole line is one header");

    HttpResponse<String> json =
        CsvImports.upload(
            shop.slug(), shop.apiKey(), "{}".getBytes(StandardCharsets.UTF_8), "application/json");
    assertEquals(400, json.statusCode(), json.body());
    assertEquals("Content-Type", CsvImports.json(json).get("errors").get(0).get("field").asText());
  }

  @Test
  void aPartnerNeverSeesAnotherPartnersImportsAndStaffRolesDecideWhoUploads() throws Exception {
    PartnerFixture a = club.partner(SCOPES, "florist");
    PartnerFixture b = club.partner(SCOPES, "florist");
    MemberFixture member = club.member();
    String file =
        "receiptNumber,passportCode,amount,category,occurredAt\n"
            + Fixtures.unique("R")
            + ","
            + member.passport()
            + ",100.00,florist,"
            + moscow(5, "yyyy-MM-dd HH:mm")
            + "\n";
    String ownerA = Fixtures.partnerStaffToken(List.of(a.slug()), "partner-owner");
    JsonNode imported =
        CsvImports.finished(
            a.slug(),
            ownerA,
            CsvImports.accepted(a.slug(), ownerA, file.getBytes(StandardCharsets.UTF_8))
                .get("id")
                .asText());
    String id = imported.get("id").asText();

    for (String path :
        List.of(
            "/partners/" + a.slug() + "/imports/" + id,
            "/partners/" + a.slug() + "/imports/" + id + "/rejections.csv",
            "/partners/" + a.slug() + "/imports",
            "/partners/" + a.slug() + "/import-mapping",
            "/partners/" + b.slug() + "/imports/" + id,
            "/partners/" + b.slug() + "/imports/" + id + "/rejections.csv")) {
      HttpResponse<String> r = CsvImports.get(path, b.apiKey());
      assertEquals(404, r.statusCode(), path + " with B's key: " + r.body());
    }
    assertEquals(
        0,
        CsvImports.json(CsvImports.get("/partners/" + b.slug() + "/imports", b.apiKey()))
            .get("items")
            .size());
    assertEquals(
        404,
        CsvImports.upload(a.slug(), b.apiKey(), file.getBytes(StandardCharsets.UTF_8))
            .statusCode());

    String analystA = Fixtures.partnerStaffToken(List.of(a.slug()), "partner-analyst");
    assertEquals(
        403,
        CsvImports.upload(a.slug(), analystA, file.getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(
        200, CsvImports.get("/partners/" + a.slug() + "/imports/" + id, analystA).statusCode());
    PartnerFixture keyWithoutImports = club.partner(List.of(ScopesEnum.PURCHASES_WRITE), "florist");
    assertEquals(
        403,
        CsvImports.upload(
                keyWithoutImports.slug(),
                keyWithoutImports.apiKey(),
                file.getBytes(StandardCharsets.UTF_8))
            .statusCode());
  }
}
