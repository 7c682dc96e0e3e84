package club.bloom.devstack;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest;
import club.bloom.client.model.Category;
import club.bloom.client.model.ClubProvisioning;
import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.EnrolledMember;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.client.model.Money;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.SubscriptionUpdate;
import club.bloom.client.model.Tier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo profile: loads the Bloom&amp;Care club from {@code demo/bloom-care.json} through the
 * public API (the same application services every client uses), as the platform operator.
 * Idempotent: the provisioning calls are PUTs and enrolments and purchases carry fixed idempotency
 * keys, so loading twice changes nothing. Dev tooling only — never part of the server.
 */
public final class DemoData {
  /** The demo's human operator of the platform realm (role platform-operator). */
  static final String DEMO_OPERATOR = "ops@bloom.demo";

  static final String DEMO_OPERATOR_PASSWORD = "bloom-ops-demo-2026";

  /** Flora Studio's cashier: a staff login of the partner (platform realm, its organization). */
  static final String DEMO_CASHIER = "kassa@flora.demo";

  static final String DEMO_CASHIER_PASSWORD = "bloom-kassa-demo-2026";

  /** Flora Studio's owner: manages its keys, staff, plan and clubs. */
  static final String DEMO_PARTNER_OWNER = "owner@flora.demo";

  static final String DEMO_PARTNER_OWNER_PASSWORD = "bloom-flora-demo-2026";

  private DemoData() {}

  public static List<String> load(StackEndpoints stack) {
    JsonObject demo = read();
    KeycloakTestAdmin keycloak =
        new KeycloakTestAdmin(
            stack.keycloakUrl(), stack.keycloakAdminUser(), stack.keycloakAdminPassword());
    String operatorToken =
        keycloak.clientCredentials(stack.platformRealm(), "bloom-ops", stack.opsClientSecret());
    BloomApi operator = BloomApi.as(stack.bloomUrl(), operatorToken);
    try {
      JsonObject c = demo.getJsonObject("club");
      String club = c.getString("slug");
      operator
          .platform()
          .provisionClub(
              club,
              new ClubProvisioning()
                  .name(c.getString("name"))
                  .locale(c.getString("locale"))
                  .timeZone(c.getString("timeZone"))
                  .adminEmail(c.getString("adminEmail"))
                  .adminPassword(c.getString("adminPassword")));
      // The demo club and its partners stay well within their plans (before partners are linked).
      operator
          .platform()
          .changeTenantSubscription(
              "clubs", club, new SubscriptionUpdate().plan(c.getString("plan")));
      List<Category> categories = new ArrayList<>();
      for (JsonValue v : demo.getJsonArray("categories")) {
        JsonObject o = v.asJsonObject();
        categories.add(new Category().code(o.getString("code")).name(o.getString("name")));
      }
      operator.clubs().defineCategories(club, categories);
      List<Tier> tiers = new ArrayList<>();
      for (JsonValue v : demo.getJsonArray("tiers")) {
        JsonObject o = v.asJsonObject();
        tiers.add(
            new Tier()
                .code(o.getString("code"))
                .name(o.getString("name"))
                .rank(o.getInt("rank"))
                .minSpend(new Money().amount(o.getString("minSpend")).currency("RUB"))
                .minCategories(o.getInt("minCategories"))
                .windowMonths(o.getInt("windowMonths"))
                .accrualPercent(o.getString("accrualPercent"))
                .invitationOnly(o.getBoolean("invitationOnly")));
      }
      operator.clubs().defineTiers(club, tiers);
      List<club.bloom.client.model.Currency> currencies = new ArrayList<>();
      for (JsonValue v : demo.getJsonArray("currencies")) {
        JsonObject o = v.asJsonObject();
        var currency =
            new club.bloom.client.model.Currency()
                .code(o.getString("code"))
                .name(o.getString("name"))
                .rubleValue(o.getString("rubleValue"))
                .activationDays(o.getInt("activationDays"));
        if (o.containsKey("inactivityMonths")) {
          currency.inactivityMonths(o.getInt("inactivityMonths"));
        }
        currency.onlyAtOtherPartners(o.getBoolean("onlyAtOtherPartners", false));
        currencies.add(currency);
      }
      operator.clubs().defineCurrencies(club, currencies);
      operator.rules().defineEarningRules(club, rules(), null);
      publishTermsIfChanged(operator, club);

      Map<String, String> partnerKeys = new HashMap<>();
      for (JsonValue v : demo.getJsonArray("partners")) {
        JsonObject p = v.asJsonObject();
        String slug = p.getString("slug");
        operator
            .platform()
            .provisionPartner(slug, new PartnerProvisioning().name(p.getString("name")));
        operator
            .platform()
            .changeTenantSubscription(
                "partners", slug, new SubscriptionUpdate().plan(p.getString("plan")));
        List<String> allowed =
            p.getJsonArray("categories").getValuesAs(JsonValue::toString).stream()
                .map(s -> s.replace("\"", ""))
                .toList();
        operator
            .platform()
            .linkPartner(
                club, slug, new PartnershipTerms().categories(allowed).redemptionEnabled(true));
        String key = p.getString("apiKey");
        operator
            .platform()
            .issueApiKey(
                slug,
                new ApiKeyRequest()
                    .mode(ApiKeyRequest.ModeEnum.TEST)
                    .label("demo key")
                    .scopes(
                        List.of(
                            ApiKeyRequest.ScopesEnum.PURCHASES_WRITE,
                            ApiKeyRequest.ScopesEnum.PURCHASES_READ))
                    .secret(key));
        partnerKeys.put(slug, key);
        if (p.containsKey("cashierKey")) {
          // The counter's terminal: looks members up, sees what the club's PD policy allows.
          operator
              .platform()
              .issueApiKey(
                  slug,
                  new ApiKeyRequest()
                      .mode(ApiKeyRequest.ModeEnum.TEST)
                      .label("demo cashier terminal")
                      .scopes(List.of(ApiKeyRequest.ScopesEnum.MEMBERS_LOOKUP))
                      .secret(p.getString("cashierKey")));
        }
      }

      Map<String, String> passports = new HashMap<>();
      for (JsonValue v : demo.getJsonArray("members")) {
        JsonObject m = v.asJsonObject();
        MemberEnrolment enrolment =
            new MemberEnrolment()
                .firstName(m.getString("firstName"))
                .lastName(m.getString("lastName"))
                .phone(m.getString("phone"))
                .email(m.getString("email"))
                .birthday(LocalDate.parse(m.getString("birthday")));
        EnrolledMember enrolled = enrol(operator, club, m.getString("email"), enrolment);
        passports.put(m.getString("email"), enrolled.getPassportCode());
      }
      JsonObject login = demo.getJsonObject("login");
      keycloak.setPassword("club-" + club, login.getString("email"), login.getString("password"));

      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(3)).withNano(0);
      for (JsonValue v : demo.getJsonArray("purchases")) {
        JsonObject p = v.asJsonObject();
        String partner = p.getString("partner");
        BloomApi partnerApi = BloomApi.as(stack.bloomUrl(), partnerKeys.get(partner));
        // Dates are relative to the first load: a purchase reported by an earlier load is left as
        // it is. Its idempotency key then answers 422 (the same key with another date) or, once
        // the stored result is gone, the receipt number 409; both mean "already there". Nothing is
        // listed first: a partner may hold any number of receipts by now.
        try {
          partnerApi
              .purchases()
              .postPurchase(
                  "demo-purchase-" + p.getString("receipt"),
                  new PurchaseRequest()
                      .passportCode(passports.get(p.getString("member")))
                      .amount(new Money().amount(p.getString("amount")).currency("RUB"))
                      .category(p.getString("category"))
                      .occurredAt(now.minusDays(p.getInt("daysAgo")))
                      .receiptNumber(p.getString("receipt")));
        } catch (ApiException e) {
          if (!alreadyReported(e)) {
            throw e;
          }
        }
      }
      String annaPassport = passports.get(login.getString("email"));
      List<String> banner = new ArrayList<>();
      banner.add("Demo club Bloom&Care: " + stack.bloomUrl() + "/#/c/" + club);
      banner.add(
          "  member login     " + login.getString("email") + " / " + login.getString("password"));
      banner.add("  member passport  " + annaPassport);
      banner.add(
          "  club admin       "
              + c.getString("adminEmail")
              + " / "
              + c.getString("adminPassword")
              + " (realm club-"
              + club
              + ")");
      banner.add("  partner API key  " + partnerKeys.get("flora-studio") + " (Flora Studio)");
      banner.add(
          "  plans            club "
              + c.getString("plan")
              + ", partners start (GET /api/v1/plans)");
      // Flora Studio's staff log in to the platform realm as members of its organization.
      keycloak.ensureUser(stack.platformRealm(), DEMO_CASHIER, DEMO_CASHIER_PASSWORD, "cashier");
      keycloak.ensureOrganizationMember(
          stack.platformRealm(), "partner-flora-studio", DEMO_CASHIER);
      keycloak.ensureUser(
          stack.platformRealm(),
          DEMO_PARTNER_OWNER,
          DEMO_PARTNER_OWNER_PASSWORD,
          "partner-owner",
          "partner-admin");
      keycloak.ensureOrganizationMember(
          stack.platformRealm(), "partner-flora-studio", DEMO_PARTNER_OWNER);
      banner.add(
          "  Flora staff      cashier "
              + DEMO_CASHIER
              + " / "
              + DEMO_CASHIER_PASSWORD
              + ", owner "
              + DEMO_PARTNER_OWNER
              + " / "
              + DEMO_PARTNER_OWNER_PASSWORD
              + " (realm "
              + stack.platformRealm()
              + ")");
      // A human operator for the operator's console (#/ops), in the platform realm.
      keycloak.ensureUser(
          stack.platformRealm(), DEMO_OPERATOR, DEMO_OPERATOR_PASSWORD, "platform-operator");
      banner.add(
          "  operator console "
              + stack.bloomUrl()
              + "/#/ops  "
              + DEMO_OPERATOR
              + " / "
              + DEMO_OPERATOR_PASSWORD
              + " (realm "
              + stack.platformRealm()
              + ")");
      banner.add(
          "  operator token   client 'bloom-ops' / "
              + stack.opsClientSecret()
              + " (realm "
              + stack.platformRealm()
              + ")");
      banner.add(
          "  Keycloak admin   "
              + stack.keycloakAdminUser()
              + " / "
              + stack.keycloakAdminPassword());
      writeCredentials(banner, annaPassport);
      return banner;
    } catch (ApiException e) {
      throw new IllegalStateException(
          "demo load failed: HTTP " + e.getCode() + " " + e.getResponseBody(), e);
    }
  }

  private static void writeCredentials(List<String> banner, String passport) {
    try {
      Path dir = Path.of("target", "devstack");
      Files.createDirectories(dir);
      Files.write(dir.resolve("demo-credentials.txt"), banner);
      Files.writeString(dir.resolve("demo-passport.txt"), passport);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Publishes the demo terms ({@code demo/bloom-care-terms.txt}) unless they are the current
   * version already: members then accept them in the cabinet at their next visit.
   */
  /**
   * Enrols a demo member under a key that carries no personal data (a digest of the address). A
   * stack first loaded before keys were pseudonymous holds the member under the old key (the
   * address in clear): a duplicate then replays that key, which only reads the stored result.
   */
  private static EnrolledMember enrol(
      BloomApi operator, String club, String email, MemberEnrolment enrolment) throws ApiException {
    try {
      return operator.clubs().enrolMember(club, "demo-enrol-" + digest(email), enrolment);
    } catch (ApiException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      return operator.clubs().enrolMember(club, "demo-enrol-" + email, enrolment);
    }
  }

  /** The first 16 bytes of SHA-256 of the text, in hex: a stable pseudonym for a key. */
  static String digest(String text) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A purchase refused because an earlier load reported it (same key or same receipt). */
  static boolean alreadyReported(ApiException e) {
    String body = e.getResponseBody() == null ? "" : e.getResponseBody();
    return (e.getCode() == 422 && body.contains("idempotency-key-reused"))
        || (e.getCode() == 409 && body.contains("duplicate-receipt"));
  }

  private static void publishTermsIfChanged(BloomApi operator, String club) throws ApiException {
    String text;
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/bloom-care-terms.txt")) {
      if (in == null) {
        throw new IllegalStateException("demo/bloom-care-terms.txt missing from the classpath");
      }
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean current =
        operator.clubs().listConsentDocuments(club).stream()
            .filter(d -> d.getKind() == ConsentKind.TERMS)
            .findFirst()
            .map(d -> d.getText().equals(text))
            .orElse(false);
    if (!current) {
      operator
          .clubs()
          .publishConsentDocument(
              club, new ConsentPublication().kind(ConsentKind.TERMS).text(text));
    }
  }

  /** The club's default earning rules, from {@code demo/bloom-care-rules.json}. */
  private static club.bloom.client.model.EarningRuleSet rules() {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/bloom-care-rules.json")) {
      if (in == null) {
        throw new IllegalStateException("demo/bloom-care-rules.json missing from the classpath");
      }
      return club.bloom.client.ApiClient.createDefaultObjectMapper()
          .readValue(in, club.bloom.client.model.EarningRuleSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject read() {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/bloom-care.json")) {
      if (in == null) {
        throw new IllegalStateException("demo/bloom-care.json missing from the classpath");
      }
      return Json.createReader(in).readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
