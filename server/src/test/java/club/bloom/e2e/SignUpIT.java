package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.IssuedApiKey;
import club.bloom.client.model.SignUpAccepted;
import club.bloom.client.model.SignUpProgress;
import club.bloom.client.model.SignUpRequest;
import club.bloom.client.model.SignUpVerification;
import club.bloom.devstack.BloomApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Self-service sign-up against the real stack: the application, the verification e-mail read from
 * the mail server, provisioning to a ready tenant, the admin's set-password mail from Keycloak and
 * a login with it, a partner's first key shown once, and every refusal leaving nothing behind.
 */
class SignUpIT {
  private static final Pattern LINK = Pattern.compile("#/signup/verify/([A-Za-z0-9_-]{43})");
  private static final Pattern ACTION_LINK =
      Pattern.compile("(http://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");

  static BloomApi anonymous() {
    return Fixtures.anonymous();
  }

  static SignUpRequest application(String kind, String slug, String email) {
    return new SignUpRequest()
        .kind(SignUpRequest.KindEnum.fromValue(kind))
        .slug(slug)
        .name("Sign-up " + slug)
        .adminEmail(email)
        .plan("start")
        .acceptTerms(true);
  }

  /** Applies and returns the token of the link from the real mail. */
  static String applyAndReadLink(SignUpRequest request) throws ApiException {
    SignUpAccepted accepted = anonymous().signup().applyForSignUp(request);
    assertEquals(SignUpAccepted.StatusEnum.AWAITING_VERIFICATION, accepted.getStatus());
    assertEquals(
        request.getAdminEmail().charAt(0) + "***@signup.test", accepted.getSentTo(), "masked");
    Mailbox.Mail mail =
        Mailbox.of(request.getAdminEmail())
            .awaitMail(
                m -> m.subject().contains(request.getName()) && LINK.matcher(m.text()).find());
    Matcher link = LINK.matcher(mail.text());
    assertTrue(link.find(), mail.text());
    return link.group(1);
  }

  static SignUpProgress awaitReady(String token) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    SignUpProgress progress;
    do {
      progress = anonymous().signup().getSignUpProgress(token);
      if (progress.getStatus() == SignUpProgress.StatusEnum.READY) {
        return progress;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("not ready in 3 minutes: " + progress);
  }

  @Test
  void aClubSignsUpVerifiesItsAddressAndItsAdminLogsInWithThePasswordSetFromKeycloaksMail()
      throws Exception {
    String slug = Fixtures.unique("club");
    String email = slug + "@signup.test";
    SignUpRequest request = application("club", slug, email);
    String token = applyAndReadLink(request);

    // Nothing exists for the tenant before the link is followed.
    assertEquals(0, count("SELECT count(*) FROM platform.tenant WHERE slug = ?", slug));
    JsonNode again = problem(failing(() -> anonymous().signup().applyForSignUp(request)), 429);
    assertTrue(again.get("type").asText().endsWith("/too-many-signups"), again.toString());
    JsonNode other =
        problem(
            failing(
                () ->
                    anonymous()
                        .signup()
                        .applyForSignUp(application("club", slug, "someone-else@signup.test"))),
            409);
    assertTrue(other.get("type").asText().endsWith("/slug-taken"), other.toString());

    SignUpProgress started =
        anonymous().signup().verifySignUp(new SignUpVerification().token(token));
    assertEquals(SignUpProgress.StatusEnum.PROVISIONING, started.getStatus());
    SignUpProgress ready = awaitReady(token);
    assertTrue(
        ready.getSteps().stream()
            .allMatch(s -> s.getState() == club.bloom.client.model.SignUpStep.StateEnum.DONE),
        ready.toString());
    JsonNode used =
        problem(
            failing(() -> anonymous().signup().verifySignUp(new SignUpVerification().token(token))),
            409);
    assertTrue(used.get("type").asText().endsWith("/link-used"), used.toString());
    assertEquals(
        1,
        count("SELECT count(*) FROM platform.tenant WHERE slug = ? AND status = 'ACTIVE'", slug));
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM platform.signup WHERE slug = ? AND admin_email_sealed IS NOT NULL",
            slug),
        "the address is forgotten once provisioning used it");

    // Keycloak mails the admin a link to set a password; with it, the admin logs in.
    Mailbox.Mail invitation =
        Mailbox.of(email).awaitMail(m -> ACTION_LINK.matcher(m.text()).find());
    Matcher action = ACTION_LINK.matcher(invitation.text());
    assertTrue(action.find());
    setPasswordThroughKeycloak(action.group(1).replace("&amp;", "&"), "Admin-pass-2026!");
    Fixtures.KEYCLOAK.ensureDirectGrantClient("club-" + slug, Fixtures.TEST_CLIENT);
    String adminToken =
        Fixtures.KEYCLOAK.passwordGrant(
            "club-" + slug, Fixtures.TEST_CLIENT, email, "Admin-pass-2026!");
    BloomApi admin = BloomApi.as(Fixtures.STACK.bloomUrl(), adminToken);
    assertNotNull(admin.rules().listEarningRules(slug), "the new admin works in its own club");
    assertEquals(
        "start",
        admin.billing().getClubSubscription(slug).getPlan().getCode(),
        "the plan chosen at sign-up is in force");
  }

  @Test
  void aPartnerSeesItsFirstApiKeyOnceAndTheKeyWorks() throws Exception {
    String slug = Fixtures.unique("shop");
    String email = slug + "@signup.test";
    String token = applyAndReadLink(application("partner", slug, email));
    JsonNode early = problem(failing(() -> anonymous().signup().revealFirstApiKey(token)), 409);
    assertTrue(early.get("type").asText().endsWith("/not-ready"), early.toString());

    anonymous().signup().verifySignUp(new SignUpVerification().token(token));
    SignUpProgress ready = awaitReady(token);
    assertTrue(ready.getFirstKeyAvailable());

    IssuedApiKey key = anonymous().signup().revealFirstApiKey(token);
    assertTrue(key.getKey().startsWith("bk_live_"), key.getPrefix());
    JsonNode twice = problem(failing(() -> anonymous().signup().revealFirstApiKey(token)), 409);
    assertTrue(twice.get("type").asText().endsWith("/key-already-shown"), twice.toString());
    assertFalse(anonymous().signup().getSignUpProgress(token).getFirstKeyAvailable());
    // The key is the partner's: it reads the partner's (empty) receipts.
    var receipts = BloomApi.as(Fixtures.STACK.bloomUrl(), key.getKey()).purchases();
    assertTrue(receipts.listPurchases(null, null).getItems().isEmpty());
  }

  @Test
  void provisioningResumedAfterAnyStepEndsInTheSameState() throws Exception {
    String slug = Fixtures.unique("club");
    String token = applyAndReadLink(application("club", slug, slug + "@signup.test"));
    SignUpProgress first = anonymous().signup().verifySignUp(new SignUpVerification().token(token));
    awaitReady(token);
    String before = tenantState(slug);
    BloomApi operator = Fixtures.operator();
    byte[] sealed = sealedAddressOf(slug + "@signup.test");
    for (String step :
        List.of(
            "REGISTERED",
            "SCHEMA_MIGRATED",
            "IDENTITY_CREATED",
            "ADMIN_INVITED",
            "PLAN_ASSIGNED")) {
      // The state a crash right after this step leaves behind (the address is still sealed then).
      try (Connection db = Fixtures.db();
          PreparedStatement s =
              db.prepareStatement(
                  "UPDATE platform.signup SET status = 'PROVISIONING', step = ?, completed_at ="
                      + " NULL, admin_email_sealed = ?, lease_until = NULL WHERE id = ?")) {
        s.setString(1, step);
        s.setBytes(2, sealed);
        s.setObject(3, first.getId());
        s.executeUpdate();
      }
      SignUpProgress resumed = operator.platform().resumeSignUp(first.getId());
      assertEquals(SignUpProgress.StatusEnum.READY, resumed.getStatus(), "resumed after " + step);
      assertEquals(before, tenantState(slug), "the same tenant after resuming from " + step);
    }
    assertEquals(
        1,
        Fixtures.KEYCLOAK
            .adminGet(
                "/admin/realms/club-"
                    + slug
                    + "/users?exact=true&username="
                    + slug
                    + "%40signup.test")
            .asJsonArray()
            .size(),
        "one admin, however often the step ran");
  }

  @Test
  void badApplicationsAndLinksAreRefusedAndLeaveNothing() throws Exception {
    String slug = Fixtures.unique("club");
    JsonNode bad =
        problem(
            failing(
                () ->
                    anonymous()
                        .signup()
                        .applyForSignUp(
                            application("club", slug, "not-an-address").acceptTerms(false))),
            400);
    // The contract's schema first (the address), then the rule it cannot say (terms accepted).
    assertEquals(List.of("adminEmail"), fields(bad));
    JsonNode unaccepted =
        problem(
            failing(
                () ->
                    anonymous()
                        .signup()
                        .applyForSignUp(
                            application("club", slug, slug + "@signup.test").acceptTerms(false))),
            400);
    assertEquals(List.of("acceptTerms"), fields(unaccepted));
    assertEquals(0, count("SELECT count(*) FROM platform.signup WHERE slug = ?", slug));

    JsonNode unknown =
        problem(
            failing(
                () ->
                    anonymous()
                        .signup()
                        .verifySignUp(new SignUpVerification().token("A".repeat(43)))),
            404);
    assertTrue(unknown.get("type").asText().endsWith("/unknown-link"), unknown.toString());

    String token = applyAndReadLink(application("club", slug, slug + "@signup.test"));
    try (Connection db = Fixtures.db();
        PreparedStatement s =
            db.prepareStatement(
                "UPDATE platform.signup SET token_expires_at = now() - interval '1 minute'"
                    + " WHERE slug = ?")) {
      s.setString(1, slug);
      s.executeUpdate();
    }
    JsonNode expired =
        problem(
            failing(() -> anonymous().signup().verifySignUp(new SignUpVerification().token(token))),
            410);
    assertTrue(expired.get("type").asText().endsWith("/link-expired"), expired.toString());
    assertEquals(0, count("SELECT count(*) FROM platform.tenant WHERE slug = ?", slug));
    // The expired application frees the slug: applying again works.
    applyAndReadLink(application("club", slug, "new-" + slug + "@signup.test"));
  }

  private static long count(String sql, String slug) throws Exception {
    try (Connection db = Fixtures.db();
        PreparedStatement s = db.prepareStatement(sql)) {
      s.setString(1, slug);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** What provisioning produced, as a comparable text: tenant row, schema tables, realm. */
  private static String tenantState(String slug) throws Exception {
    StringBuilder state = new StringBuilder();
    try (Connection db = Fixtures.db();
        PreparedStatement s =
            db.prepareStatement(
                "SELECT id, kind, schema_name, realm, status, provisioning_step FROM platform.tenant"
                    + " WHERE slug = ?")) {
      s.setString(1, slug);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          for (int i = 1; i <= 6; i++) {
            state.append(rs.getString(i)).append('|');
          }
        }
      }
    }
    try (Connection db = Fixtures.db();
        PreparedStatement s =
            db.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?")) {
      s.setString(1, "club_" + slug.replace('-', '_'));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        state.append("tables=").append(rs.getLong(1)).append('|');
      }
    }
    state
        .append("trusted=")
        .append(
            count("SELECT count(*) FROM platform.trusted_issuer WHERE realm = ?", "club-" + slug));
    return state.toString();
  }

  /** A sealed address as the server seals it: read back from a fresh application's row. */
  private static byte[] sealedAddressOf(String email) throws Exception {
    String probe = Fixtures.unique("probe");
    anonymous().signup().applyForSignUp(application("club", probe, email));
    try (Connection db = Fixtures.db();
        PreparedStatement s =
            db.prepareStatement("SELECT admin_email_sealed FROM platform.signup WHERE slug = ?")) {
      s.setString(1, probe);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }

  /**
   * Follows Keycloak's set-password link the way a browser does: the information page, then the
   * update-password form.
   */
  static void setPasswordThroughKeycloak(String link, String password) throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new LocalhostCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> page = get(browser, link);
    Matcher proceed =
        Pattern.compile("href=\"([^\"]*login-actions/action-token[^\"]*)\"").matcher(page.body());
    if (!page.body().contains("password-new") && proceed.find()) {
      page = get(browser, proceed.group(1).replace("&amp;", "&"));
    }
    Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(page.body());
    assertTrue(page.body().contains("password-new") && form.find(), page.body());
    String body =
        "password-new="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&password-confirm="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> done =
        browser.send(
            HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(done.statusCode() < 400, done.statusCode() + " " + done.body());
    assertFalse(done.body().contains("password-new"), "the form was not accepted: " + done.body());
  }

  /**
   * Keycloak marks its session cookies {@code Secure}; browsers send them to {@code localhost} over
   * HTTP (a secure context), Java's CookieManager does not. This jar does, like a browser.
   */
  private static final class LocalhostCookies extends java.net.CookieHandler {
    private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

    @Override
    public synchronized java.util.Map<String, List<String>> get(
        URI uri, java.util.Map<String, List<String>> headers) {
      if (cookies.isEmpty()) {
        return java.util.Map.of();
      }
      String header =
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(java.util.stream.Collectors.joining("; "));
      return java.util.Map.of("Cookie", List.of(header));
    }

    @Override
    public synchronized void put(URI uri, java.util.Map<String, List<String>> headers) {
      headers.forEach(
          (name, values) -> {
            if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
              for (String value : values) {
                String pair = value.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                  cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
              }
            }
          });
    }
  }

  private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
