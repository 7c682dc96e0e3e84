package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKey;
import club.bloom.client.model.ApiKeyRotation;
import club.bloom.client.model.ApiKeyRotationRequest;
import club.bloom.client.model.ApiKeyScope;
import club.bloom.client.model.IssuedApiKey;
import club.bloom.client.model.NewApiKey;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A club's admins manage the club's own API keys against the real stack: several keys at once,
 * rotation with an overlap window (time passing is simulated by shortening the window in the
 * database), revocation at once, the last use visible, and nothing reachable across tenants.
 */
class ApiKeysIT {
  private static final String MONTH = YearMonth.now(ZoneId.of("Europe/Moscow")).toString();

  private static NewApiKey newKey(String label, ApiKeyScope... scopes) {
    return new NewApiKey().mode(NewApiKey.ModeEnum.LIVE).label(label).scopes(List.of(scopes));
  }

  /** The key reads the club's usage statement (the scope {@code reports:read}). */
  private static void works(ClubFixture club, String key) throws ApiException {
    assertEquals(
        MONTH, Fixtures.as(key).billing().getClubUsageStatement(club.slug(), MONTH).getMonth());
  }

  private static JsonNode refused(ClubFixture club, String key, String type) {
    JsonNode problem =
        problem(
            failing(() -> Fixtures.as(key).billing().getClubUsageStatement(club.slug(), MONTH)),
            401);
    assertEquals(
        "https://bloom.club/problems/" + type, problem.get("type").asText(), problem::toString);
    return problem;
  }

  private static ApiKey listed(BloomApi admin, ClubFixture club, UUID id) throws ApiException {
    return admin.access().listClubApiKeys(club.slug()).stream()
        .filter(k -> k.getId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("key " + id + " not listed"));
  }

  @Test
  void aClubsAdminIssuesRotatesAndRevokesKeysAndEachTakesEffect() throws Exception {
    ClubFixture club = Fixtures.club();
    BloomApi admin = club.admin();

    IssuedApiKey reports =
        admin.access().createClubApiKey(club.slug(), newKey("BI", ApiKeyScope.REPORTS_READ));
    IssuedApiKey imports =
        admin
            .access()
            .createClubApiKey(
                club.slug(), newKey("Import", ApiKeyScope.IMPORTS_WRITE, ApiKeyScope.REPORTS_READ));
    assertTrue(reports.getKey().startsWith("bk_live_"), reports.getPrefix());
    assertTrue(reports.getKey().startsWith(reports.getPrefix()));
    works(club, reports.getKey());
    works(club, imports.getKey());

    // The list shows both, never a secret.
    var raw = Fixtures.http("GET", "/clubs/" + club.slug() + "/api-keys", club.adminToken(), null);
    assertEquals(200, raw.statusCode(), raw.body());
    assertFalse(raw.body().contains(reports.getKey()), raw.body());
    assertFalse(raw.body().contains(imports.getKey()), raw.body());
    assertFalse(raw.body().contains("\"key\""), raw.body());
    assertFalse(raw.body().toLowerCase(java.util.Locale.ROOT).contains("hash"), raw.body());
    ApiKey listedReports = listed(admin, club, reports.getId());
    assertEquals(ApiKey.StatusEnum.ACTIVE, listedReports.getStatus());
    assertEquals("BI", listedReports.getLabel());
    assertEquals(List.of("reports:read"), listedReports.getScopes());
    assertNotNull(listedReports.getCreatedAt());
    assertNull(listedReports.getExpiresAt());
    assertNotNull(listedReports.getLastUsedAt(), "the use is recorded");
    assertNotNull(listedReports.getLastUsedIp(), "with the address");

    // A second use within the minute does not rewrite the key's row.
    works(club, reports.getKey());
    assertEquals(
        listedReports.getLastUsedAt(), listed(admin, club, reports.getId()).getLastUsedAt());

    // A club's key carries no partner scopes.
    JsonNode partnerScope =
        problem(
            failing(
                () ->
                    admin
                        .access()
                        .createClubApiKey(club.slug(), newKey("POS", ApiKeyScope.PURCHASES_WRITE))),
            400);
    assertEquals(List.of("scopes[0]"), Fixtures.fields(partnerScope));

    // Rotation with an overlap: both the old and the new key work.
    ApiKeyRotation rotation =
        admin
            .access()
            .rotateClubApiKey(
                club.slug(), reports.getId(), new ApiKeyRotationRequest().overlapHours(2));
    IssuedApiKey successor = rotation.getSuccessor();
    assertNotEquals(reports.getId(), successor.getId());
    assertEquals("BI", successor.getLabel());
    assertEquals(List.of("reports:read"), successor.getScopes());
    assertEquals(ApiKey.StatusEnum.ROTATING, rotation.getRotated().getStatus());
    assertEquals(successor.getId(), rotation.getRotated().getSuccessor());
    assertNotNull(rotation.getRotated().getExpiresAt());
    works(club, reports.getKey());
    works(club, successor.getKey());

    JsonNode twice =
        problem(
            failing(() -> admin.access().rotateClubApiKey(club.slug(), reports.getId(), null)),
            409);
    assertTrue(twice.get("type").asText().endsWith("/key-already-rotated"), twice::toString);
    int keysBefore = admin.access().listClubApiKeys(club.slug()).size();

    // The window ends (simulated): the old key is refused as expired, the successor works.
    try (Connection db = Fixtures.db();
        PreparedStatement s =
            db.prepareStatement(
                "UPDATE platform.api_key SET expires_at = now() - interval '1 second' WHERE id = ?")) {
      s.setObject(1, reports.getId());
      assertEquals(1, s.executeUpdate());
    }
    JsonNode expired = refused(club, reports.getKey(), "api-key-expired");
    assertTrue(expired.get("detail").asText().contains("successor"), expired::toString);
    works(club, successor.getKey());
    assertEquals(ApiKey.StatusEnum.EXPIRED, listed(admin, club, reports.getId()).getStatus());

    // Revocation takes effect at once, and again answers the same.
    admin.access().revokeClubApiKey(club.slug(), imports.getId());
    refused(club, imports.getKey(), "api-key-revoked");
    admin.access().revokeClubApiKey(club.slug(), imports.getId());
    ApiKey revoked = listed(admin, club, imports.getId());
    assertEquals(ApiKey.StatusEnum.REVOKED, revoked.getStatus());
    assertNotNull(revoked.getRevokedAt());
    JsonNode rotateRevoked =
        problem(
            failing(() -> admin.access().rotateClubApiKey(club.slug(), imports.getId(), null)),
            409);
    assertTrue(
        rotateRevoked.get("type").asText().endsWith("/key-revoked"), rotateRevoked::toString);
    assertEquals(keysBefore, admin.access().listClubApiKeys(club.slug()).size(), "nothing issued");

    JsonNode overlong =
        problem(
            failing(
                () ->
                    admin
                        .access()
                        .rotateClubApiKey(
                            club.slug(),
                            successor.getId(),
                            new ApiKeyRotationRequest().overlapHours(169))),
            400);
    assertEquals(List.of("overlapHours"), Fixtures.fields(overlong));
  }

  @Test
  void noOneOutsideTheClubsOwnersAndAdminsReachesItsKeys() throws Exception {
    ClubFixture club = Fixtures.club();
    ClubFixture other = Fixtures.club();
    BloomApi admin = club.admin();
    IssuedApiKey key =
        admin.access().createClubApiKey(club.slug(), newKey("BI", ApiKeyScope.REPORTS_READ));
    BloomApi intruder = other.admin();

    // Another club's admin: this club does not exist for it, nor does its key under its own club.
    problem(failing(() -> intruder.access().listClubApiKeys(club.slug())), 404);
    problem(
        failing(
            () ->
                intruder
                    .access()
                    .createClubApiKey(club.slug(), newKey("x", ApiKeyScope.REPORTS_READ))),
        404);
    problem(failing(() -> intruder.access().rotateClubApiKey(club.slug(), key.getId(), null)), 404);
    problem(failing(() -> intruder.access().revokeClubApiKey(club.slug(), key.getId())), 404);
    JsonNode foreignId =
        problem(failing(() -> intruder.access().revokeClubApiKey(other.slug(), key.getId())), 404);
    assertTrue(foreignId.get("type").asText().endsWith("/unknown-api-key"), foreignId::toString);
    problem(
        failing(() -> intruder.access().rotateClubApiKey(other.slug(), key.getId(), null)), 404);
    works(club, key.getKey());

    // Another club's key does not read this club's statements.
    IssuedApiKey otherKey =
        intruder.access().createClubApiKey(other.slug(), newKey("BI", ApiKeyScope.REPORTS_READ));
    problem(
        failing(
            () ->
                Fixtures.as(otherKey.getKey()).billing().getClubUsageStatement(club.slug(), MONTH)),
        404);

    // An analyst of the club, and any API key (keys never manage keys): 403.
    BloomApi analyst = club.staff("club-analyst");
    problem(failing(() -> analyst.access().listClubApiKeys(club.slug())), 403);
    problem(failing(() -> Fixtures.as(key.getKey()).access().listClubApiKeys(club.slug())), 403);
    problem(
        failing(
            () -> Fixtures.as(key.getKey()).access().revokeClubApiKey(club.slug(), key.getId())),
        403);

    // The operator manages any club's keys.
    assertEquals(1, Fixtures.operator().access().listClubApiKeys(club.slug()).size());
    works(club, key.getKey());
  }

  @Test
  void aPartnersAdminManagesItsKeysAndNoOneElseReachesThem() throws Exception {
    ClubFixture club = Fixtures.club();
    Fixtures.PartnerFixture partner = club.partner("florist");
    Fixtures.PartnerFixture other = club.partner("spa");
    BloomApi admin = partner.staff("partner-admin");

    IssuedApiKey till =
        admin
            .access()
            .createPartnerApiKey(
                partner.slug(),
                newKey("Till 2", ApiKeyScope.PURCHASES_READ, ApiKeyScope.IMPORTS_WRITE));
    assertTrue(
        Fixtures.as(till.getKey()).purchases().listPurchases(null, null).getItems().isEmpty());
    assertEquals(2, admin.access().listPartnerApiKeys(partner.slug()).size(), "with the first key");

    ApiKeyRotation rotation =
        admin
            .access()
            .rotatePartnerApiKey(
                partner.slug(), till.getId(), new ApiKeyRotationRequest().overlapHours(1));
    Fixtures.as(till.getKey()).purchases().listPurchases(null, null);
    Fixtures.as(rotation.getSuccessor().getKey()).purchases().listPurchases(null, null);
    admin.access().revokePartnerApiKey(partner.slug(), rotation.getSuccessor().getId());
    JsonNode revoked =
        problem(
            failing(
                () ->
                    Fixtures.as(rotation.getSuccessor().getKey())
                        .purchases()
                        .listPurchases(null, null)),
            401);
    assertTrue(revoked.get("type").asText().endsWith("/api-key-revoked"), revoked::toString);

    // A cashier and an analyst of the partner, and its keys: 403; another partner's admin: 404.
    problem(
        failing(() -> partner.staff("cashier").access().listPartnerApiKeys(partner.slug())), 403);
    problem(
        failing(() -> partner.staff("partner-analyst").access().listPartnerApiKeys(partner.slug())),
        403);
    problem(failing(() -> partner.api().access().listPartnerApiKeys(partner.slug())), 403);
    BloomApi intruder = other.staff("partner-admin");
    problem(failing(() -> intruder.access().listPartnerApiKeys(partner.slug())), 404);
    problem(failing(() -> intruder.access().revokePartnerApiKey(other.slug(), till.getId())), 404);
    problem(
        failing(() -> intruder.access().rotatePartnerApiKey(other.slug(), till.getId(), null)),
        404);
    // A club's admin is no partner's.
    problem(failing(() -> club.admin().access().listPartnerApiKeys(partner.slug())), 403);
    Fixtures.as(till.getKey()).purchases().listPurchases(null, null);
  }
}
