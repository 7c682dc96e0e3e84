package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.KEYCLOAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.e2e.Fixtures.ClubFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The clock skew on token expiry (issue 9, item 14a; ADR 0028): Bloom accepts a token at most
 * {@code bloom.auth.clock-skew-seconds} (5 s) past its {@code exp}, not nimbus's default 60 s. A
 * real token of Keycloak, made short-lived for the test, is refused just past {@code exp} + 5 s.
 */
class TokenExpiryIT {
  private static final int SKEW_SECONDS = 5;

  @Test
  void aTokenJustPastItsExpiryAndTheSkewIsRefused() throws Exception {
    ClubFixture club = Fixtures.club();
    String client =
        KEYCLOAK.findClient(club.realm(), Fixtures.TEST_CLIENT).orElseThrow().getString("id");
    KEYCLOAK.adminSend(
        "PUT",
        "/admin/realms/" + club.realm() + "/clients/" + client,
        jakarta.json.Json.createObjectBuilder()
            .add("clientId", Fixtures.TEST_CLIENT)
            .add(
                "attributes",
                jakarta.json.Json.createObjectBuilder().add("access.token.lifespan", "3"))
            .build());
    String token = club.adminToken();
    long exp = claims(token).get("exp").asLong();
    long iat = claims(token).get("iat").asLong();
    assertTrue(exp - iat <= 5, "the test client's tokens live 3 s, got " + (exp - iat));

    HttpResponse<String> fresh =
        Fixtures.http("GET", "/clubs/" + club.slug() + "/categories", token, null);
    assertEquals(200, fresh.statusCode(), fresh.body());

    long refuseAfterMillis = (exp + SKEW_SECONDS) * 1000 + 1500;
    Thread.sleep(Math.max(0, refuseAfterMillis - System.currentTimeMillis()));
    HttpResponse<String> stale =
        Fixtures.http("GET", "/clubs/" + club.slug() + "/categories", token, null);
    assertEquals(401, stale.statusCode(), stale.body());
    assertTrue(stale.body().contains("invalid-credential"), stale.body());
  }

  private static JsonNode claims(String jwt) throws Exception {
    String payload = jwt.split("\\.")[1];
    return Fixtures.JSON.readTree(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }
}
