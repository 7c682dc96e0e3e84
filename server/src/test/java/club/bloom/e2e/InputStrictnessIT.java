package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.SignUpProgress;
import club.bloom.client.model.SignUpVerification;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, items 4-12, against the real stack: each test failed on the code before (500s, lenient
 * binding, HTML errors, no limits, no headers) and now gets a 4xx problem+json naming the field —
 * with nothing stored — or the header it lacked.
 */
class InputStrictnessIT {
  static final String API = System.getProperty("bloom.url", "http://localhost:9080") + "/api/v1";
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static ClubFixture club;
  static PartnerFixture partner;
  static MemberFixture member;

  @BeforeAll
  static void aClubWithAPartnerAndAMember() throws ApiException {
    club = Fixtures.club();
    partner =
        club.partner(
            java.util.List.of(
                ScopesEnum.PURCHASES_WRITE, ScopesEnum.PURCHASES_READ, ScopesEnum.MEMBERS_REGISTER),
            "florist");
    member = club.member();
  }

  /** A raw call: method, path below /api/v1 as sent (no re-encoding), bearer, body, headers. */
  static HttpResponse<String> raw(
      String method, String path, String bearer, String body, String... headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(API + path))
              .timeout(Duration.ofSeconds(60))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      for (int i = 0; i + 1 < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The problem of a 4xx answer, after checking its status and media type. */
  static JsonNode problem(HttpResponse<String> answer, int status) {
    assertEquals(status, answer.statusCode(), answer::body);
    assertTrue(
        answer
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        () -> "not problem+json: " + answer.headers().map() + " " + answer.body());
    try {
      return Fixtures.JSON.readTree(answer.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(answer.body(), e);
    }
  }

  /** The reasons of a problem, by field. */
  static Map<String, String> fields(JsonNode problem) {
    Map<String, String> out = new LinkedHashMap<>();
    problem.path("errors").forEach(e -> out.put(e.get("field").asText(), e.get("reason").asText()));
    return out;
  }

  static String purchase(String receipt, String occurredAt) {
    return "{\"passportCode\":\""
        + member.passport()
        + "\",\"amount\":{\"amount\":\"100.00\",\"currency\":\"RUB\"},\"category\":\"florist\","
        + "\"occurredAt\":\""
        + occurredAt
        + "\",\"receiptNumber\":\""
        + receipt
        + "\"}";
  }

  static String now() {
    return OffsetDateTime.now(ZoneOffset.ofHours(3)).withNano(0).toString();
  }

  static long receipts() throws Exception {
    try (Connection db = Fixtures.db();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM partner_" + partner.slug().replace('-', '_') + ".receipt")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // Item 4 -------------------------------------------------------------------------------------

  @Test
  void aPartnerNamedLikeAnotherIsProvisionedUnderItsOwnSlug() throws Exception {
    String name = "Twin Shop " + Fixtures.unique("n");
    String first = Fixtures.unique("twin");
    String second = Fixtures.unique("twin");
    var operator = Fixtures.operator();
    operator.platform().provisionPartner(first, new PartnerProvisioning().name(name));
    // Before: Keycloak refused the second organization's name and the operator got a 500.
    var twin = operator.platform().provisionPartner(second, new PartnerProvisioning().name(name));
    assertEquals(name, twin.getName());
    assertNotNull(twin.getOrganization(), "the second partner has its own organization");
  }

  @Test
  void aSignUpThatCannotFinishShowsAReasonCodeAndAReferenceNeverExceptionText() throws Exception {
    String slug = Fixtures.unique("gone");
    String token =
        SignUpIT.applyAndReadLink(SignUpIT.application("partner", slug, slug + "@signup.test"));
    // The operator gives the slug to a partner before the link is followed.
    Fixtures.operator()
        .platform()
        .provisionPartner(slug, new PartnerProvisioning().name("Taken " + slug));
    Fixtures.anonymous().signup().verifySignUp(new SignUpVerification().token(token));
    SignUpProgress progress = null;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      progress = Fixtures.anonymous().signup().getSignUpProgress(token);
      if (progress.getLastError() != null) {
        break;
      }
      Thread.sleep(500);
    }
    assertNotNull(progress);
    assertEquals(
        SignUpProgress.LastErrorEnum.SLUG_TAKEN, progress.getLastError(), progress::toString);
    assertNotNull(progress.getLastErrorReference());
    String raw = raw("GET", "/signups/progress", null, null, "Signup-Token", token).body();
    assertFalse(raw.contains("Exception"), raw);
  }

  // Item 5 -------------------------------------------------------------------------------------

  @Test
  void namesKeycloakRefusesAre400NamingTheFieldAtEnrolmentAndAtTheCounter() throws Exception {
    String ops = Fixtures.operatorToken();
    for (String bad : new String[] {"Anna (Ann)", "Мария!", "Anna & Co", "R2D2", "<b>"}) {
      String body =
          "{\"firstName\":"
              + Fixtures.JSON.writeValueAsString(bad)
              + ",\"lastName\":\"Ivanova\",\"phone\":\"+7999"
              + String.format("%07d", (int) (Math.random() * 9_999_999))
              + "\",\"email\":\""
              + Fixtures.unique("n")
              + "@members.test\"}";
      JsonNode p =
          problem(
              raw(
                  "POST",
                  "/clubs/" + club.slug() + "/members",
                  ops,
                  body,
                  "Idempotency-Key",
                  key()),
              400);
      assertTrue(fields(p).containsKey("firstName"), () -> bad + ": " + p);
      JsonNode counter =
          problem(
              raw(
                  "POST",
                  "/clubs/" + club.slug() + "/counter-registrations",
                  partner.apiKey(),
                  "{\"phone\":\"+79161112233\",\"firstName\":"
                      + Fixtures.JSON.writeValueAsString(bad)
                      + "}",
                  "Idempotency-Key",
                  key()),
              400);
      assertTrue(fields(counter).containsKey("firstName"), () -> bad + ": " + counter);
    }
    for (String good : new String[] {"Мария-Луиза", "O'Brien", "d’Artagnan", "J. R."}) {
      String body =
          "{\"firstName\":"
              + Fixtures.JSON.writeValueAsString(good)
              + ",\"lastName\":\"Nguyễn\",\"phone\":\"+7998"
              + String.format("%07d", (int) (Math.random() * 9_999_999))
              + "\",\"email\":\""
              + Fixtures.unique("g")
              + "@members.test\"}";
      var answer =
          raw("POST", "/clubs/" + club.slug() + "/members", ops, body, "Idempotency-Key", key());
      assertEquals(201, answer.statusCode(), () -> good + ": " + answer.body());
    }
  }

  // Items 6, 7, 8, 9 -----------------------------------------------------------------------------

  @Test
  void lenientBodiesAre400NamingTheFieldAndStoreNothing() throws Exception {
    long before = receipts();
    String good = purchase(Fixtures.unique("R"), now());
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(good + " {\"again\":1}", "body");
    cases.put("[" + good + "]", "body");
    cases.put(good.replace("\"100.00\"", "100"), "amount.amount");
    cases.put(
        good.replaceFirst("\"receiptNumber\":\"[^\"]+\"", "\"receiptNumber\":5"), "receiptNumber");
    cases.put(
        good.replaceFirst("\"receiptNumber\":\"([^\"]+)\"", "\"receiptNumber\":\"$1\\\\u0000\""),
        "receiptNumber");
    cases.put(
        good.replaceFirst("\"receiptNumber\":\"([^\"]+)\"", "\"receiptNumber\":\"$1\\\\ud800\""),
        "receiptNumber");
    cases.put(good.replace("}", ",\"pointsToRedeem\":1e308}"), "pointsToRedeem");
    cases.put(purchase(Fixtures.unique("R"), "0000-01-01T00:00:00Z"), "occurredAt");
    cases.put(
        purchase(
            Fixtures.unique("R"), OffsetDateTime.now(ZoneOffset.UTC).minusDays(400).toString()),
        "occurredAt");
    for (var c : cases.entrySet()) {
      JsonNode p =
          problem(
              raw("POST", "/purchases", partner.apiKey(), c.getKey(), "Idempotency-Key", key()),
              400);
      assertTrue(fields(p).containsKey(c.getValue()), () -> c.getKey() + " → " + p);
    }
    assertEquals(before, receipts(), "a refused purchase stored a receipt");
    // A receipt of 300 days ago (a late upload) is still taken.
    var late =
        raw(
            "POST",
            "/purchases",
            partner.apiKey(),
            purchase(
                Fixtures.unique("R"), OffsetDateTime.now(ZoneOffset.UTC).minusDays(300).toString()),
            "Idempotency-Key",
            key());
    assertEquals(201, late.statusCode(), late::body);

    String ops = Fixtures.operatorToken();
    JsonNode scopes =
        problem(
            raw(
                "POST",
                "/platform/partners/" + partner.slug() + "/api-keys",
                ops,
                "{\"mode\":\"test\",\"scopes\":[null]}"),
            400);
    assertTrue(fields(scopes).containsKey("scopes[0]"), scopes::toString);
    JsonNode yes =
        problem(
            raw(
                "POST",
                "/signups",
                null,
                "{\"kind\":\"club\",\"slug\":\"yes-club\",\"name\":\"Y\",\"adminEmail\":\"y@signup.test\","
                    + "\"plan\":\"free\",\"acceptTerms\":\"yes\"}"),
            400);
    assertTrue(fields(yes).containsKey("acceptTerms"), yes::toString);
    JsonNode wrapped =
        problem(
            raw(
                "PUT",
                "/platform/tenants/partners/" + partner.slug() + "/subscription",
                ops,
                "{\"plan\":\"enterprise\",\"overrides\":[{\"limit\":\"purchasesPerMonth\",\"value\":1000000000000000000000000000000}]}"),
            400);
    assertTrue(fields(wrapped).containsKey("overrides[0].value"), wrapped::toString);
    JsonNode category =
        problem(
            raw(
                "PUT",
                "/clubs/" + club.slug() + "/categories",
                ops,
                "[{\"code\":\"florist\",\"name\":\"Цве\\u0000ты\"}]"),
            400);
    assertTrue(fields(category).containsKey("[0].name"), category::toString);
    JsonNode query = problem(raw("GET", "/platform/tenants?q=%00", ops, null), 400);
    assertTrue(fields(query).containsKey("q"), query::toString);
    // A query value of the wrong type names the parameter (JAX-RS answered 404 before).
    for (String limit : new String[] {"abc", "1000", "99999999999999999999"}) {
      JsonNode wrong =
          problem(raw("GET", "/purchases?limit=" + limit, partner.apiKey(), null), 400);
      assertTrue(fields(wrong).containsKey("limit"), wrong::toString);
    }
  }

  // Item 10 ------------------------------------------------------------------------------------

  @Test
  void anOversizedBodyIsRefusedWith413BeforeItIsRead() throws Exception {
    long size = 100L * 1024 * 1024;
    Instant start = Instant.now();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(API + "/signups"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> zeros(size)), size))
            .build();
    HttpResponse<String> answer;
    try {
      answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException closed) {
      // The server answered and closed the connection while the client was still sending: it
      // did not read the body, so this happened at once.
      assertTrue(
          Duration.between(start, Instant.now()).toSeconds() < 10,
          "the connection closed only after the body was read: " + closed);
      answer = null;
    }
    if (answer != null) {
      assertEquals(413, answer.statusCode(), answer::body);
      assertTrue(answer.body().contains("body-too-large"), answer::body);
    }
    assertTrue(
        Duration.between(start, Instant.now()).toSeconds() < 10,
        "the body was read before it was refused");

    // A chunked body (no length up front) is refused once it passes the limit.
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(API + "/signups"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(1024 * 1024)))
            .build();
    HttpResponse<String> refused = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
    problem(refused, 413);
  }

  static InputStream zeros(long size) {
    return new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? ' ' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) ' ');
        left -= n;
        return n;
      }
    };
  }

  // Item 11 ------------------------------------------------------------------------------------

  @Test
  void securityHeadersOnThePortalAndTheApiAndNoStoreOnPersonalAnswers() throws Exception {
    HttpResponse<String> portal =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(API.replace("/api/v1", "/"))).build(),
            HttpResponse.BodyHandlers.ofString());
    String csp = portal.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("connect-src 'self' http://localhost:"), csp);
    assertEquals("nosniff", portal.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("DENY", portal.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("no-referrer", portal.headers().firstValue("Referrer-Policy").orElse(""));
    assertTrue(
        portal.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS over HTTP");
    HttpResponse<String> behindTls =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(API.replace("/api/v1", "/")))
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(
        behindTls.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age"));

    HttpResponse<String> me = raw("GET", "/me", member.token(), null);
    assertEquals(200, me.statusCode(), me::body);
    assertEquals("no-store", me.headers().firstValue("Cache-Control").orElse(""));
    assertEquals(1, me.headers().allValues("Cache-Control").size(), me.headers().map()::toString);
    assertEquals("nosniff", me.headers().firstValue("X-Content-Type-Options").orElse(""));
    HttpResponse<String> card =
        raw(
            "GET",
            "/clubs/" + club.slug() + "/members/" + member.id(),
            Fixtures.operatorToken(),
            null);
    assertEquals("no-store", card.headers().firstValue("Cache-Control").orElse(""), card::body);
    HttpResponse<String> plans = raw("GET", "/plans", null, null);
    assertEquals("public, max-age=60", plans.headers().firstValue("Cache-Control").orElse(""));
  }

  // Item 12 ------------------------------------------------------------------------------------

  @Test
  void whatTheContainerRefusesUnderTheApiIsProblemJsonWithoutItsMarks() throws Exception {
    for (String path :
        new String[] {
          "/clubs/a%2Fb/categories",
          "/clubs/%2e%2e/categories",
          "/clubs/a%5Cb/categories",
          "/clubs/a;b/categories",
          "/clubs/./categories",
          "/clubs/%C0%AE/categories",
          "/no-such-thing",
        }) {
      HttpResponse<String> answer = raw("GET", path, null, null);
      assertTrue(
          answer.statusCode() == 400 || answer.statusCode() == 404,
          path + " " + answer.statusCode());
      JsonNode p = problem(answer, answer.statusCode());
      assertTrue(p.path("type").asText().startsWith("https://bloom.club/problems/"), p::toString);
      assertTrue(
          answer.headers().firstValue("$WSEP").isEmpty(), path + " " + answer.headers().map());
      assertFalse(
          answer.body().matches("(?s).*(CWW|SRVE|RESTEASY)[A-Z]*[0-9]{4}.*"), answer.body());
    }
    HttpResponse<String> wrongMethod = raw("PATCH", "/plans", null, "{}");
    problem(wrongMethod, 405);
    assertFalse(wrongMethod.body().contains("RESTEASY"), wrongMethod.body());
    assertTrue(
        wrongMethod.headers().firstValue("Allow").isPresent(),
        wrongMethod.headers().map()::toString);
    assertNull(raw("GET", "/plans", null, null).headers().firstValue("$WSEP").orElse(null));
  }
}
