package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest;
import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.Category;
import club.bloom.client.model.ClubProvisioning;
import club.bloom.client.model.EnrolledMember;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.client.model.Money;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.Tier;
import club.bloom.devstack.BloomApi;
import club.bloom.devstack.KeycloakTestAdmin;
import club.bloom.devstack.StackEndpoints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds tenants for a test through the public API as the platform operator: a club with the
 * Bloom&amp;Care ladder and categories, partners with keys, members with logins. Names are unique
 * per call, so tests never share state.
 */
final class Fixtures {
  static final StackEndpoints STACK =
      StackEndpoints.local(
          port(System.getProperty("bloom.url", "http://localhost:9080")),
          port(System.getProperty("bloom.keycloak.url", "http://localhost:8180")),
          Integer.getInteger("bloom.postgres.port", 55432));
  static final KeycloakTestAdmin KEYCLOAK =
      new KeycloakTestAdmin(
          STACK.keycloakUrl(), STACK.keycloakAdminUser(), STACK.keycloakAdminPassword());
  static final ObjectMapper JSON = club.bloom.client.ApiClient.createDefaultObjectMapper();
  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
  static final String TEST_CLIENT = "bloom-tests";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Fixtures() {}

  static BloomApi operator() {
    return BloomApi.as(
        STACK.bloomUrl(),
        KEYCLOAK.clientCredentials(STACK.platformRealm(), "bloom-ops", STACK.opsClientSecret()));
  }

  /** A platform operator's access token (client credentials of bloom-ops). */
  static String operatorToken() {
    return KEYCLOAK.clientCredentials(STACK.platformRealm(), "bloom-ops", STACK.opsClientSecret());
  }

  static BloomApi as(String bearer) {
    return BloomApi.as(STACK.bloomUrl(), bearer);
  }

  static BloomApi anonymous() {
    return BloomApi.anonymous(STACK.bloomUrl());
  }

  static String unique(String prefix) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder s = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 8; i++) {
      s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  static ClubFixture club() throws ApiException {
    String slug = unique("club");
    BloomApi operator = operator();
    operator
        .platform()
        .provisionClub(
            slug,
            new ClubProvisioning()
                .name("Club " + slug)
                .adminEmail("admin@" + slug + ".test")
                .adminPassword("admin-" + slug));
    // A plan that fits any test: no quota, 500 requests a second. Tests of limits set their own.
    subscribe(operator, "clubs", slug, TEST_PLAN);
    configure(operator, slug);
    KEYCLOAK.ensureDirectGrantClient("club-" + slug, TEST_CLIENT);
    return new ClubFixture(slug);
  }

  /**
   * Gives a club the test configuration — six categories, the Bloom&amp;Care ladder, points and
   * cross-credits — as {@code as} (the operator, or the club's own admin).
   */
  static void configure(BloomApi as, String slug) throws ApiException {
    as.clubs()
        .defineCategories(
            slug,
            List.of(
                category("florist", "Цветы"),
                category("spa", "СПА"),
                category("cosmetology", "Косметология"),
                category("gastro", "Гастромаркет"),
                category("wine", "Винный бар"),
                category("books", "Книги")));
    as.clubs()
        .defineTiers(
            slug,
            List.of(
                tier("insider", "Insider", 1, "0", 1, "5", false),
                tier("vip", "VIP", 2, "30000", 3, "7", false),
                tier("elite", "Elite", 3, "100000", 5, "10", false),
                tier("inner-circle", "Inner Circle", 4, "0", 0, "12", true)));
    as.clubs()
        .defineCurrencies(
            slug,
            List.of(
                new club.bloom.client.model.Currency().code("points").name("Баллы").rubleValue("1"),
                new club.bloom.client.model.Currency()
                    .code("cross-credits")
                    .name("Кросс-кредиты")
                    .rubleValue("1")));
  }

  /** The plan test tenants are put on: unlimited quotas, a rate no test reaches. */
  static final String TEST_PLAN = "enterprise";

  /** Puts a tenant ({@code clubs} or {@code partners}) on a plan, keeping its overrides. */
  static club.bloom.client.model.Subscription subscribe(
      BloomApi operator, String kind, String slug, String plan) throws ApiException {
    return operator
        .platform()
        .changeTenantSubscription(
            kind, slug, new club.bloom.client.model.SubscriptionUpdate().plan(plan));
  }

  /** Overrides single limits of a tenant on the test plan (replacing its other overrides). */
  static club.bloom.client.model.Subscription override(String kind, String slug, Object... limits)
      throws ApiException {
    List<club.bloom.client.model.LimitOverride> overrides = new ArrayList<>();
    for (int i = 0; i < limits.length; i += 2) {
      overrides.add(
          new club.bloom.client.model.LimitOverride()
              .limit(club.bloom.client.model.LimitName.fromValue((String) limits[i]))
              .value(limits[i + 1] == null ? null : ((Number) limits[i + 1]).longValue()));
    }
    return operator()
        .platform()
        .changeTenantSubscription(
            kind,
            slug,
            new club.bloom.client.model.SubscriptionUpdate().plan(TEST_PLAN).overrides(overrides));
  }

  private static Category category(String code, String name) {
    return new Category().code(code).name(name);
  }

  private static Tier tier(
      String code,
      String name,
      int rank,
      String spend,
      int categories,
      String percent,
      boolean inv) {
    return new Tier()
        .code(code)
        .name(name)
        .rank(rank)
        .minSpend(new Money().amount(spend).currency("RUB"))
        .minCategories(categories)
        .windowMonths(12)
        .accrualPercent(percent)
        .invitationOnly(inv);
  }

  static Money rub(String amount) {
    return new Money().amount(amount).currency("RUB");
  }

  static PurchaseRequest purchase(String passport, String amount, String category) {
    return purchase(passport, amount, category, 5);
  }

  static PurchaseRequest purchase(String passport, String amount, String category, int minutesAgo) {
    return new PurchaseRequest()
        .passportCode(passport)
        .amount(rub(amount))
        .category(category)
        .occurredAt(OffsetDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(minutesAgo).withNano(0))
        .receiptNumber(unique("R"));
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  /** The problem+json of a failed call, after checking its status. */
  static JsonNode problem(ApiException e, int status) {
    assertEquals(status, e.getCode(), () -> "unexpected status; body: " + e.getResponseBody());
    try {
      JsonNode body = JSON.readTree(e.getResponseBody());
      assertEquals(status, body.get("status").asInt(), "problem status");
      return body;
    } catch (java.io.IOException io) {
      throw new AssertionError("not JSON: " + e.getResponseBody(), io);
    }
  }

  /** The fields named in a problem's {@code errors}. */
  static List<String> fields(JsonNode problem) {
    List<String> out = new ArrayList<>();
    problem.path("errors").forEach(n -> out.add(n.get("field").asText()));
    return out;
  }

  interface Call {
    void run() throws ApiException;
  }

  static ApiException failing(Call call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    return fail("the call was expected to fail");
  }

  /**
   * A raw call, to look at what is on the wire (headers, exact JSON, non-JSON bodies); {@code
   * bearer} null: anonymous.
   */
  static java.net.http.HttpResponse<String> http(
      String method, String path, String bearer, Object body) {
    try {
      var request =
          java.net.http.HttpRequest.newBuilder(URI.create(STACK.bloomUrl() + "/api/v1" + path))
              .header("Idempotency-Key", key())
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? java.net.http.HttpRequest.BodyPublishers.noBody()
                      : java.net.http.HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(body)));
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A direct connection to the application database, for checks the API cannot make. */
  static java.sql.Connection db() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        STACK.postgresJdbcUrl(), STACK.dbUser(), STACK.dbPassword());
  }

  /** A refund of part of a receipt, with a fresh refund number. */
  static club.bloom.client.model.RefundRequest refund(String receipt, String amount) {
    return new club.bloom.client.model.RefundRequest()
        .receiptNumber(receipt)
        .refundNumber(unique("RF"))
        .amount(rub(amount))
        .occurredAt(OffsetDateTime.now(ZoneOffset.ofHours(3)).withNano(0));
  }

  /**
   * The ledger of the club, read in the database: every entry balances per currency, the member
   * account equals the points left in lots, and no lot is below zero.
   */
  static void assertLedgerReconciles(ClubFixture club) {
    String schema = club.schema();
    try (java.sql.Connection db = db();
        java.sql.Statement st = db.createStatement()) {
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FROM (SELECT entry_id, currency FROM "
                  + schema
                  + ".ledger_posting GROUP BY entry_id, currency HAVING sum(amount) <> 0) x")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "every entry balances");
      }
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT (SELECT coalesce(sum(amount), 0) FROM "
                  + schema
                  + ".ledger_posting WHERE account = 'MEMBER'),"
                  + " (SELECT coalesce(sum(remaining), 0) FROM "
                  + schema
                  + ".point_lot), (SELECT count(*) FROM "
                  + schema
                  + ".point_lot WHERE remaining < 0)")) {
        rs.next();
        assertEquals(rs.getLong(1), rs.getLong(2), "member account equals the lots");
        assertEquals(0, rs.getInt(3), "no lot below zero");
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static int port(String url) {
    return URI.create(url).getPort();
  }

  /** A provisioned club. */
  record ClubFixture(String slug) {
    String realm() {
      return "club-" + slug;
    }

    /** The club's PostgreSQL schema. */
    String schema() {
      return "club_" + slug.replace('-', '_');
    }

    PartnerFixture partner(String... categories) throws ApiException {
      return partner(List.of(ScopesEnum.PURCHASES_WRITE, ScopesEnum.PURCHASES_READ), categories);
    }

    PartnerFixture partner(List<ScopesEnum> scopes, String... categories) throws ApiException {
      String partner = unique("partner");
      BloomApi operator = operator();
      operator
          .platform()
          .provisionPartner(partner, new PartnerProvisioning().name("Shop " + partner));
      subscribe(operator, "partners", partner, TEST_PLAN);
      operator
          .platform()
          .linkPartner(slug, partner, new PartnershipTerms().categories(List.of(categories)));
      String apiKey =
          operator
              .platform()
              .issueApiKey(
                  partner,
                  new ApiKeyRequest()
                      .mode(ApiKeyRequest.ModeEnum.TEST)
                      .label("tests")
                      .scopes(scopes))
              .getKey();
      return new PartnerFixture(partner, apiKey);
    }

    MemberFixture member() throws ApiException {
      String name = unique("m");
      String email = name + "@members.test";
      String phone = "+7999" + String.format("%07d", RANDOM.nextInt(10_000_000));
      EnrolledMember enrolled =
          operator()
              .clubs()
              .enrolMember(
                  slug,
                  key(),
                  new MemberEnrolment()
                      .firstName("Вера")
                      .lastName("Тестова")
                      .phone(phone)
                      .email(email));
      String password = "pw-" + name;
      KEYCLOAK.setPassword(realm(), email, password);
      return new MemberFixture(
          this, enrolled.getPassportCode(), email, password, phone, enrolled.getMemberId());
    }

    /**
     * A staff login of the club with exactly these realm roles (besides the realm's default {@code
     * member}), e.g. an analyst, or an admin who is not the owner.
     */
    BloomApi staff(String... roles) {
      String username = unique("staff") + "@" + slug + ".test";
      String password = "pw-" + username;
      loginWithRoles(realm(), username, password, roles);
      return as(KEYCLOAK.passwordGrant(realm(), TEST_CLIENT, username, password));
    }

    BloomApi admin() {
      return as(adminToken());
    }

    /** An access token of the club's first admin (its owner). */
    String adminToken() {
      return KEYCLOAK.passwordGrant(
          realm(), TEST_CLIENT, "admin@" + slug + ".test", "admin-" + slug);
    }
  }

  /** A partner of a club with an API key. */
  record PartnerFixture(String slug, String apiKey) {
    BloomApi api() {
      return as(apiKey);
    }

    /** A staff login of the partner (platform realm, its organization) with these roles. */
    BloomApi staff(String... roles) {
      return partnerStaff(slug, roles);
    }
  }

  /**
   * A staff login of a partner: a user of the platform realm with these roles, member of the
   * partner's organization, signed in through the test client.
   */
  static BloomApi partnerStaff(String partner, String... roles) {
    return as(partnerStaffToken(List.of(partner), roles));
  }

  /**
   * The access token of a new platform-realm user with these roles, member of each partner's
   * organization (several only to test that such a login is refused).
   */
  static String partnerStaffToken(List<String> partners, String... roles) {
    String realm = STACK.platformRealm();
    String username =
        unique("staff") + "@" + (partners.isEmpty() ? "nowhere" : partners.get(0)) + ".test";
    String password = "pw-" + username;
    String id = loginWithRoles(realm, username, password, roles);
    joinOrganizations(realm, id, partners);
    KEYCLOAK.ensureDirectGrantClient(realm, TEST_CLIENT);
    // "organization" names the one organization of the login; with several, a browser login asks
    // which one — a test asks for all of them to get a token naming several.
    String scope = partners.size() > 1 ? "openid organization:*" : "openid organization";
    return KEYCLOAK.passwordGrant(realm, TEST_CLIENT, username, password, scope);
  }

  /** A login (username and password) of the platform realm, as a browser types it. */
  record Login(String username, String password) {}

  /**
   * A staff login of a partner for a browser: a user of the platform realm with these roles and a
   * password, member of the partner's organization.
   */
  static Login partnerStaffLogin(String partner, String... roles) {
    String realm = STACK.platformRealm();
    String username = unique("staff") + "@" + partner + ".test";
    String password = "pw-" + username;
    String id = loginWithRoles(realm, username, password, roles);
    joinOrganizations(realm, id, List.of(partner));
    return new Login(username, password);
  }

  /** Makes the user a member of each partner's organization ({@code partner-<slug>}). */
  private static void joinOrganizations(String realm, String userId, List<String> partners) {
    for (String partner : partners) {
      String alias = "partner-" + partner;
      String organization =
          KEYCLOAK
              .adminGet(
                  "/admin/realms/"
                      + realm
                      + "/organizations?search="
                      + java.net.URLEncoder.encode(alias, java.nio.charset.StandardCharsets.UTF_8))
              .asJsonArray()
              .getValuesAs(jakarta.json.JsonObject.class)
              .stream()
              .filter(o -> alias.equals(o.getString("alias", "")))
              .map(o -> o.getString("id"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no organization " + alias));
      KEYCLOAK.adminSend(
          "POST",
          "/admin/realms/" + realm + "/organizations/" + organization + "/members",
          jakarta.json.Json.createValue(userId));
    }
  }

  /** Creates an enabled user with a password and these realm roles; returns the user's id. */
  private static String loginWithRoles(
      String realm, String username, String password, String... roles) {
    String realmPath = "/admin/realms/" + realm;
    KEYCLOAK.adminSend(
        "POST",
        realmPath + "/users",
        jakarta.json.Json.createObjectBuilder()
            .add("username", username)
            .add("email", username)
            .add("emailVerified", true)
            .add("enabled", true)
            .add("firstName", "Staff")
            .add("lastName", "Member")
            .add(
                "credentials",
                jakarta.json.Json.createArrayBuilder()
                    .add(
                        jakarta.json.Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build());
    String id = KEYCLOAK.findUser(realm, username).orElseThrow().getString("id");
    var reps = jakarta.json.Json.createArrayBuilder();
    for (String role : roles) {
      reps.add(KEYCLOAK.adminGet(realmPath + "/roles/" + role));
    }
    KEYCLOAK.adminSend("POST", realmPath + "/users/" + id + "/role-mappings/realm", reps.build());
    return id;
  }

  /**
   * A login a person made herself in the realm (as Keycloak's registration page makes it), with a
   * password, her address verified or not, no required action; returns the user's id.
   */
  static String registeredLogin(String realm, String email, String password, boolean verified) {
    KEYCLOAK.adminSend(
        "POST",
        "/admin/realms/" + realm + "/users",
        jakarta.json.Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("emailVerified", verified)
            .add("enabled", true)
            .add("firstName", "Мария")
            .add("lastName", "Онлайн")
            .add(
                "credentials",
                jakarta.json.Json.createArrayBuilder()
                    .add(
                        jakarta.json.Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build());
    return KEYCLOAK.findUser(realm, email).orElseThrow().getString("id");
  }

  /**
   * An access token of a login whose address is not verified. Realms verify addresses now, so
   * Keycloak gives such a login no token any more; it is taken while the realm does not verify (as
   * before issue 9), like the session of an account made then, which goes on issuing tokens.
   */
  static String unverifiedToken(String realm, String email, String password) {
    verifyEmail(realm, false);
    try {
      return KEYCLOAK.passwordGrant(realm, TEST_CLIENT, email, password);
    } finally {
      verifyEmail(realm, true);
    }
  }

  private static void verifyEmail(String realm, boolean on) {
    KEYCLOAK.adminSend(
        "PUT",
        "/admin/realms/" + realm,
        jakarta.json.Json.createObjectBuilder().add("verifyEmail", on).build());
  }

  /** The realm roles a user holds (as Keycloak has them, whatever tokens say). */
  static java.util.Set<String> realmRolesOf(String realm, String userId) {
    java.util.Set<String> roles = new java.util.TreeSet<>();
    KEYCLOAK
        .adminGet("/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm")
        .asJsonArray()
        .forEach(r -> roles.add(r.asJsonObject().getString("name")));
    return roles;
  }

  /** An enrolled member with a login. */
  record MemberFixture(
      ClubFixture club,
      String passport,
      String email,
      String password,
      String phone,
      java.util.UUID id) {
    BloomApi api() {
      return as(token());
    }

    String token() {
      return KEYCLOAK.passwordGrant(club.realm(), TEST_CLIENT, email, password);
    }
  }
}
