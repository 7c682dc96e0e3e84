package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.ApiKeyScope;
import club.bloom.client.model.CounterRegistration;
import club.bloom.client.model.InvitationRequest;
import club.bloom.client.model.JoinRequestCreate;
import club.bloom.client.model.NewApiKey;
import club.bloom.client.model.PartnerInvitationRequest;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.RedemptionRequest;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation over every operation of the contract: tenant A's credentials against tenant B's
 * slugs and ids answer 404 (never B's data), and B's schemas are unchanged afterwards. The
 * operations are read from {@code openapi.yaml}; an operation this test does not know — neither
 * probed nor exempt with a reason — fails the test, so every new endpoint is covered when added.
 */
class CrossTenantContractIT {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
  private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");

  /** Operations that name no tenant's data, with the reason. */
  private static final Map<String, String> EXEMPT = new TreeMap<>();

  static {
    for (String op :
        List.of(
            "GET /signups/terms",
            "POST /signups",
            "POST /signups/verification",
            "GET /signups/progress",
            "POST /signups/first-api-key",
            "GET /plans",
            "GET /public/clubs/{club}",
            "GET /public/clubs/{club}/consents",
            "GET /public/platform")) {
      EXEMPT.put(op, "public: no credential, nothing of a tenant beyond its public page");
    }
    for (String op :
        List.of(
            "GET /purchases",
            "POST /me/redemption-code",
            "GET /me",
            "GET /me/purchases",
            "GET /me/passport/qr",
            "POST /me/passport/totp",
            "GET /me/passport/totp",
            "DELETE /me/passport/totp",
            "GET /me/consents",
            "POST /me/consents",
            "GET /me/invitations",
            "POST /me/membership")) {
      EXEMPT.put(op, "the caller's own data: names no id (covered by TenantIsolationIT)");
    }
  }

  static ClubFixture clubA;
  static ClubFixture clubB;
  static PartnerFixture partnerA;
  static PartnerFixture partnerB;
  static MemberFixture memberA;
  static MemberFixture memberB;
  static String receiptOfB;
  static String invitationOfB;
  static String clubKeyOfB;
  static String partnerKeyOfB;
  static String clubStaffOfB;
  static String partnerStaffOfB;
  static String registrationTokenOfB;
  static String partnerInvitationOfB;
  static String joinRequestToB;
  static String staffInvitationTokenOfB;
  static String clubOwnerA;
  static String partnerOwnerA;

  @BeforeAll
  static void twoTenantsEach() throws ApiException {
    clubA = Fixtures.club();
    clubB = Fixtures.club();
    List<ScopesEnum> all =
        List.of(
            ScopesEnum.PURCHASES_WRITE,
            ScopesEnum.PURCHASES_READ,
            ScopesEnum.MEMBERS_LOOKUP,
            ScopesEnum.MEMBERS_REGISTER);
    partnerA = clubA.partner(all, "florist");
    partnerB = clubB.partner(all, "florist");
    memberA = clubA.member();
    memberB = clubB.member();
    receiptOfB =
        partnerB
            .api()
            .purchases()
            .postPurchase(key(), purchase(memberB.passport(), "5000.00", "florist"))
            .getReceiptNumber();
    invitationOfB =
        clubB
            .admin()
            .clubs()
            .inviteMember(clubB.slug(), new InvitationRequest().memberId(memberB.id()))
            .getInvitationId()
            .toString();
    var ownerOfB = clubB.admin();
    clubKeyOfB =
        ownerOfB
            .access()
            .createClubApiKey(
                clubB.slug(),
                new NewApiKey()
                    .mode(NewApiKey.ModeEnum.TEST)
                    .label("B's reports")
                    .scopes(List.of(ApiKeyScope.REPORTS_READ)))
            .getId()
            .toString();
    partnerKeyOfB =
        Fixtures.operator().access().listPartnerApiKeys(partnerB.slug()).get(0).getId().toString();
    clubStaffOfB = ownerOfB.staff().listClubStaff(clubB.slug()).get(0).getId();
    partnerB.staff("cashier");
    partnerStaffOfB = Fixtures.operator().staff().listPartnerStaff(partnerB.slug()).get(0).getId();
    String link =
        partnerB
            .api()
            .purchases()
            .registerAtCounter(clubB.slug(), key(), new CounterRegistration().phone("+79161234567"))
            .getConfirmationUrl()
            .toString();
    registrationTokenOfB = link.substring(link.lastIndexOf('/') + 1);
    clubOwnerA =
        Fixtures.KEYCLOAK.passwordGrant(
            clubA.realm(),
            Fixtures.TEST_CLIENT,
            "admin@" + clubA.slug() + ".test",
            "admin-" + clubA.slug());
    partnerOwnerA = Fixtures.partnerStaffToken(List.of(partnerA.slug()), "partner-owner");
    partnerInvitationOfB =
        ownerOfB
            .partnerships()
            .invitePartner(clubB.slug(), new PartnerInvitationRequest().categories(List.of("spa")))
            .getInvitationId()
            .toString();
    // B invites its member's existing login to its staff: a pending invitation, token mailed.
    ownerOfB
        .staff()
        .inviteClubStaff(
            clubB.slug(),
            new club.bloom.client.model.StaffInvitationRequest()
                .email(memberB.email())
                .role(club.bloom.client.model.StaffRole.CLUB_ANALYST));
    java.util.regex.Matcher staffLink =
        Pattern.compile("/staff-invitation/([A-Za-z0-9_-]{43})")
            .matcher(
                Mailbox.of(memberB.email())
                    .awaitMail(m -> m.text().contains("/staff-invitation/"))
                    .text());
    assertTrue(staffLink.find());
    staffInvitationTokenOfB = staffLink.group(1);
    // Partner A asks to join club B: a request only B's staff may decide.
    joinRequestToB =
        Fixtures.as(partnerOwnerA)
            .partnerships()
            .requestToJoinClub(
                partnerA.slug(),
                new JoinRequestCreate().club(clubB.slug()).categories(List.of("florist")))
            .getRequestId()
            .toString();
  }

  @Test
  void everyOperationAnswersNotFoundToAnotherTenantsCredentials() throws Exception {
    JsonNode contract =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("../openapi/src/main/openapi/openapi.yaml").toFile());
    String before = snapshotOfB();

    List<String> unknown = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    int probes = 0;
    for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
        String operation = method + " " + path.getKey();
        if (EXEMPT.containsKey(operation)) {
          continue;
        }
        // A partner's operation on a club: its access names scopes only (no staff roles).
        JsonNode access = op.getValue().path("x-bloom-access");
        boolean partnerSide = access.has("scopes") && !access.has("roles");
        List<Probe> planned =
            probesOf(method, path.getKey(), example(contract, op.getValue()), partnerSide);
        if (planned.isEmpty()) {
          unknown.add(operation);
          continue;
        }
        for (Probe probe : planned) {
          probes++;
          HttpResponse<String> answer =
              Fixtures.http(method, probe.path(), probe.bearer(), probe.body());
          if (!probe.expected().contains(answer.statusCode())) {
            leaks.add(
                probe.describe(operation)
                    + " answered "
                    + answer.statusCode()
                    + ": "
                    + answer.body());
          }
        }
      }
    }
    assertTrue(
        unknown.isEmpty(),
        "Operations of the contract this test does not cover — add a probe in probesOf (a tenant"
            + " A credential against tenant B's slug/id) or an EXEMPT entry with the reason: "
            + unknown);
    assertTrue(leaks.isEmpty(), "Cross-tenant calls that did not answer 404:\n" + leaks);
    assertTrue(probes > 40, "only " + probes + " probes ran");
    assertEquals(before, snapshotOfB(), "tenant B's data changed");
  }

  /**
   * One call: where, with whose credential, which answers hide B (404; 403 where A has no role).
   */
  record Probe(String path, String bearer, Object body, Set<Integer> expected, String who) {
    String describe(String operation) {
      return operation + " as " + who + " → " + path;
    }
  }

  /**
   * The calls that try B's data with A's credentials. Paths under a tenant are filled with B's slug
   * and ids (and, when they also carry an id, once more with A's own slug and B's ids).
   */
  private static List<Probe> probesOf(
      String method, String template, Object example, boolean partnerSide) {
    Map<String, String> ofB = new LinkedHashMap<>();
    ofB.put("club", clubB.slug());
    ofB.put("partner", partnerB.slug());
    ofB.put("member", memberB.id().toString());
    ofB.put(
        "invitation",
        template.contains("/partner-invitations/") ? partnerInvitationOfB : invitationOfB);
    ofB.put("request", joinRequestToB);
    ofB.put("month", YearMonth.now(ZoneOffset.UTC).toString());
    ofB.put("kind", "clubs");
    ofB.put("slug", clubB.slug());
    // {id} names different things under different paths: B's own one of each.
    boolean ofClub = template.startsWith("/clubs/");
    if (template.contains("/api-keys/")) {
      ofB.put("id", ofClub ? clubKeyOfB : partnerKeyOfB);
    } else if (template.contains("/staff/")) {
      ofB.put("id", ofClub ? clubStaffOfB : partnerStaffOfB);
    } else {
      ofB.put("id", java.util.UUID.randomUUID().toString());
    }
    // A webhook message of B's endpoint: under B's slug, so any id must answer 404 (WebhooksIT
    // probes B's real endpoints and messages with A's credentials).
    ofB.put("message", java.util.UUID.randomUUID().toString());
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    for (String name : names) {
      if (!ofB.containsKey(name)) {
        fail(
            "CrossTenantContractIT does not know the path parameter {"
                + name
                + "} of "
                + template
                + ": add tenant B's value for it in probesOf");
      }
    }
    Function<Map<String, String>, String> fill =
        values -> {
          String out = template;
          for (String name : names) {
            out = out.replace("{" + name + "}", values.get(name));
          }
          return out;
        };
    String operation = method + " " + template;
    List<Probe> probes = new ArrayList<>();
    if (template.startsWith("/platform/")) {
      // Operator only: a tenant's staff is refused whatever the ids.
      probes.add(new Probe(fill.apply(ofB), clubOwnerA, example, Set.of(403), "club A's owner"));
      probes.add(
          new Probe(fill.apply(ofB), partnerOwnerA, example, Set.of(403), "partner A's owner"));
    } else if (template.startsWith("/clubs/{club}") && partnerSide) {
      // A partner's operation on a club (e.g. registering a member there): A's partner, B's club.
      probes.add(
          new Probe(fill.apply(ofB), partnerA.apiKey(), example, Set.of(404), "partner A's key"));
      probes.add(
          new Probe(fill.apply(ofB), partnerOwnerA, example, Set.of(404), "partner A's owner"));
    } else if (template.startsWith("/clubs/{club}")) {
      probes.add(new Probe(fill.apply(ofB), clubOwnerA, example, Set.of(404), "club A's owner"));
      if (namesAnId(names)) {
        Map<String, String> mixed = new LinkedHashMap<>(ofB);
        mixed.put("club", clubA.slug());
        probes.add(
            new Probe(
                fill.apply(mixed), clubOwnerA, example, Set.of(404), "club A's owner, own slug"));
      }
      probes.add(
          new Probe(
              fill.apply(ofB), partnerOwnerA, example, Set.of(403, 404), "partner A's owner"));
    } else if (template.startsWith("/partners/{partner}")) {
      probes.add(
          new Probe(fill.apply(ofB), partnerOwnerA, example, Set.of(404), "partner A's owner"));
      if (namesAnId(names)) {
        Map<String, String> mixed = new LinkedHashMap<>(ofB);
        mixed.put("partner", partnerA.slug());
        probes.add(
            new Probe(
                fill.apply(mixed),
                partnerOwnerA,
                example,
                Set.of(404),
                "partner A's owner, own slug"));
      }
      probes.add(
          new Probe(fill.apply(ofB), clubOwnerA, example, Set.of(403, 404), "club A's owner"));
    } else if (template.startsWith("/me/invitations/{invitation}")) {
      probes.add(
          new Probe(fill.apply(ofB), memberA.token(), example, Set.of(404), "club A's member"));
    } else {
      switch (operation) {
        case "POST /purchases" -> {
          PurchaseRequest body = purchase(memberB.passport(), "100.00", "florist");
          probes.add(new Probe(template, partnerA.apiKey(), body, Set.of(404), "partner A's key"));
          probes.add(new Probe(template, partnerOwnerA, body, Set.of(404), "partner A's owner"));
        }
        case "POST /refunds" ->
            probes.add(
                new Probe(
                    template,
                    partnerA.apiKey(),
                    Fixtures.refund(receiptOfB, "100.00"),
                    Set.of(404),
                    "partner A's key"));
        case "POST /redemptions" -> {
          PurchaseRequest p = purchase(memberB.passport(), "1000.00", "florist");
          RedemptionRequest body =
              new RedemptionRequest()
                  .passportCode(memberB.passport())
                  .amount(p.getAmount())
                  .category("florist")
                  .occurredAt(p.getOccurredAt())
                  .receiptNumber(Fixtures.unique("R"))
                  .pointsToRedeem(10L)
                  .confirmationCode("000000");
          probes.add(new Probe(template, partnerA.apiKey(), body, Set.of(404), "partner A's key"));
        }
        case "POST /me/counter-registrations" ->
            probes.add(
                new Probe(
                    template,
                    memberA.token(),
                    Map.of("token", registrationTokenOfB, "termsVersion", 1),
                    Set.of(404),
                    "club A's member with B's link"));
        case "POST /me/staff-invitations" -> {
          Map<String, String> body = Map.of("token", staffInvitationTokenOfB);
          probes.add(
              new Probe(template, clubOwnerA, body, Set.of(404), "club A's owner with B's link"));
          probes.add(
              new Probe(
                  template, memberA.token(), body, Set.of(404), "club A's member with B's link"));
          probes.add(
              new Probe(
                  template, partnerOwnerA, body, Set.of(404), "partner A's owner with B's link"));
        }
        case "GET /members/lookup" -> {
          String path = template + "?passportCode=" + memberB.passport();
          probes.add(new Probe(path, partnerA.apiKey(), null, Set.of(404), "partner A's key"));
          probes.add(new Probe(path, partnerOwnerA, null, Set.of(404), "partner A's owner"));
        }
        default -> {
          // Unknown: reported by the caller.
        }
      }
    }
    return probes;
  }

  /** Whether a path names something of a tenant besides the tenant itself (not a month). */
  private static boolean namesAnId(List<String> names) {
    return names.stream()
        .anyMatch(n -> !Set.of("club", "partner", "month", "kind", "slug").contains(n));
  }

  /** The first example of the operation's JSON request body, if the contract gives one. */
  private static Object example(JsonNode contract, JsonNode operation) {
    JsonNode media = operation.path("requestBody").path("content").path("application/json");
    if (media.isMissingNode()) {
      return null;
    }
    JsonNode examples = media.path("examples");
    if (examples.isObject() && examples.size() > 0) {
      JsonNode first = examples.elements().next();
      if (first.has("value")) {
        return first.get("value");
      }
    }
    if (media.has("example")) {
      return media.get("example");
    }
    return instanceOf(contract, media.path("schema"), 0);
  }

  /**
   * A minimal value of a schema (required properties only), so that a body is well formed and the
   * call reaches the tenant check rather than stopping at the body's shape.
   */
  private static JsonNode instanceOf(JsonNode contract, JsonNode schema, int depth) {
    var json = Fixtures.JSON.getNodeFactory();
    if (schema.has("$ref")) {
      String[] parts = schema.get("$ref").asText().substring(2).split("/");
      JsonNode target = contract;
      for (String part : parts) {
        target = target.path(part);
      }
      return instanceOf(contract, target, depth + 1);
    }
    if (depth > 8) {
      return json.nullNode();
    }
    if (schema.has("example")) {
      return schema.get("example");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    for (String combined : List.of("allOf", "oneOf", "anyOf")) {
      if (schema.has(combined)) {
        return instanceOf(contract, schema.get(combined).get(0), depth + 1);
      }
    }
    String type =
        schema.path("type").isArray()
            ? schema.path("type").get(0).asText()
            : schema.path("type").asText("object");
    return switch (type) {
      case "array" -> json.arrayNode().add(instanceOf(contract, schema.path("items"), depth + 1));
      case "integer" -> json.numberNode(schema.path("minimum").asLong(1));
      case "number" -> json.numberNode(1);
      case "boolean" -> json.booleanNode(false);
      case "string" ->
          switch (schema.path("format").asText("")) {
            case "date-time" ->
                json.textNode(java.time.OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString());
            case "date" ->
                json.textNode(java.time.LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
            case "uuid" -> json.textNode(java.util.UUID.randomUUID().toString());
            case "email" -> json.textNode("probe@probe.test");
            default -> json.textNode(matching(schema.path("pattern").asText(null)));
          };
      default -> {
        var object = json.objectNode();
        for (JsonNode required : schema.path("required")) {
          object.set(
              required.asText(),
              instanceOf(contract, schema.path("properties").path(required.asText()), depth + 1));
        }
        yield object;
      }
    };
  }

  /**
   * A string the contract's pattern accepts, so that the body passes the strict binding (ADR 0029)
   * and the call reaches the tenant check.
   */
  private static String matching(String pattern) {
    if (pattern == null) {
      return "probe";
    }
    for (String candidate :
        List.of(
            "probe",
            "probe-1",
            "1",
            "123456",
            "+79161234567",
            "RUB",
            "A".repeat(43),
            "2026-01",
            "ru",
            "Europe/Moscow",
            "bk_test_" + "A".repeat(38))) {
      if (java.util.regex.Pattern.compile(pattern).matcher(candidate).find()) {
        return candidate;
      }
    }
    return "1";
  }

  /** Tenant B's data: a digest of every table of its club's and its partner's schemas. */
  private static String snapshotOfB() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection db = Fixtures.db();
        Statement s = db.createStatement()) {
      Set<String> tables = new TreeSet<>();
      for (String schema :
          List.of(clubB.schema(), "partner_" + partnerB.slug().replace('-', '_'))) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema
                    + "' AND table_type = 'BASE TABLE'")) {
          while (rs.next()) {
            tables.add(schema + "." + rs.getString(1));
          }
        }
      }
      assertTrue(tables.size() > 5, "B's schemas were not found: " + tables);
      for (String table : tables) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                    + " FROM "
                    + table
                    + " t")) {
          rs.next();
          out.append(table).append('=').append(rs.getLong(1)).append(':').append(rs.getString(2));
          out.append('\n');
        }
      }
    }
    return out.toString();
  }
}
