package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.Club;
import club.bloom.client.model.ClubProvisioning;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Provisioning is idempotent and resumes a run that stopped midway; the contract is served. */
class ProvisioningIT {

  @Test
  void provisioningTwiceEndsInTheSameState() throws Exception {
    String slug = Fixtures.unique("twice");
    ClubProvisioning request =
        new ClubProvisioning().name("Twice").adminEmail("a@" + slug + ".test");
    Club first = Fixtures.operator().platform().provisionClub(slug, request);
    Club second = Fixtures.operator().platform().provisionClub(slug, request);
    assertEquals(first, second);
    assertEquals(Club.StatusEnum.ACTIVE, second.getStatus());
    assertEquals(1, count("SELECT count(*) FROM platform.tenant WHERE slug = ?", slug));
  }

  @Test
  void aRunThatStoppedAfterRegistrationIsCompletedByTheNextOne() throws Exception {
    String slug = Fixtures.unique("crashed");
    String schema = "club_" + slug.replace('-', '_');
    // What a run that died right after registering leaves behind: the record, nothing else.
    try (Connection db = db();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO platform.tenant (id, kind, slug, name, schema_name, locale, time_zone,"
                    + " status, provisioning_step, created_at, updated_at)"
                    + " VALUES (?, 'CLUB', ?, 'Crashed', ?, 'ru', 'Europe/Moscow', 'PROVISIONING',"
                    + " 'REGISTERED', ?, ?)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, slug);
      insert.setString(3, schema);
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.setTimestamp(5, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
    Fixtures.problem(
        Fixtures.failing(() -> Fixtures.anonymous().clubs().getClubSignInInfo(slug)), 404);

    Club club =
        Fixtures.operator()
            .platform()
            .provisionClub(
                slug, new ClubProvisioning().name("Crashed").adminEmail("a@" + slug + ".test"));

    assertEquals(Club.StatusEnum.ACTIVE, club.getStatus());
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'member'",
            schema));
    assertEquals(
        1, count("SELECT count(*) FROM platform.trusted_issuer WHERE realm = ?", "club-" + slug));
    assertEquals(1, count("SELECT count(*) FROM " + schema + ".data_key"));
    assertEquals(
        "club-" + slug,
        Fixtures.anonymous()
            .clubs()
            .getClubSignInInfo(slug)
            .getIssuer()
            .replaceAll(".*/realms/", ""));
  }

  @Test
  void aRealmLostInKeycloakIsRecreatedByProvisioningAgain() throws Exception {
    String slug = Fixtures.unique("lost");
    ClubProvisioning request =
        new ClubProvisioning()
            .name("Lost")
            .adminEmail("a@" + slug + ".test")
            .adminPassword("admin-" + slug);
    Fixtures.operator().platform().provisionClub(slug, request);
    Fixtures.KEYCLOAK.adminSend("DELETE", "/admin/realms/club-" + slug, null);

    Fixtures.operator().platform().provisionClub(slug, request);

    Fixtures.KEYCLOAK.ensureDirectGrantClient("club-" + slug, Fixtures.TEST_CLIENT);
    String token =
        Fixtures.KEYCLOAK.passwordGrant(
            "club-" + slug, Fixtures.TEST_CLIENT, "a@" + slug + ".test", "admin-" + slug);
    assertTrue(token.split("\\.").length == 3);
  }

  @Test
  void aClubRealmLetsMembersRegisterOnlyByAcceptingTheTerms() throws Exception {
    var club = Fixtures.club();
    var realm = Fixtures.KEYCLOAK.adminGet("/admin/realms/" + club.realm()).asJsonObject();
    assertTrue(realm.getBoolean("registrationAllowed"));
    var terms =
        Fixtures.KEYCLOAK
            .adminGet(
                "/admin/realms/"
                    + club.realm()
                    + "/authentication/required-actions/TERMS_AND_CONDITIONS")
            .asJsonObject();
    assertTrue(terms.getBoolean("enabled") && !terms.getBoolean("defaultAction"), terms.toString());
    String step =
        Fixtures.KEYCLOAK
            .adminGet(
                "/admin/realms/" + club.realm() + "/authentication/flows/registration/executions")
            .asJsonArray()
            .stream()
            .map(v -> v.asJsonObject())
            .filter(e -> "registration-terms-and-conditions".equals(e.getString("providerId", "")))
            .map(e -> e.getString("requirement"))
            .findFirst()
            .orElse("missing");
    assertEquals("REQUIRED", step);
    var roles = Fixtures.KEYCLOAK.adminGet("/admin/realms/" + club.realm() + "/roles").toString();
    for (String role : new String[] {"member", "club-owner", "club-admin", "club-analyst"}) {
      assertTrue(roles.contains("\"" + role + "\""), roles);
    }
  }

  @Test
  void theServerPublishesTheContractAsWritten() throws Exception {
    HttpResponse<String> served =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Fixtures.STACK.bloomUrl() + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, served.statusCode());
    String contract =
        Files.readString(
            Path.of(
                System.getProperty("bloom.portal.dir", "../portal"),
                "../openapi/src/main/openapi/openapi.yaml"));
    assertTrue(served.body().contains("operationId: postPurchase"), served.body());
    assertTrue(contract.contains("title: Bloom API") && served.body().contains("title: Bloom API"));
  }

  private static Connection db() throws Exception {
    return Fixtures.db();
  }

  private static int count(String sql, String... params) throws Exception {
    try (Connection db = db();
        PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setString(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
