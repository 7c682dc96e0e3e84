package club.bloom.devstack;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Administers a Keycloak of the local stack for tests and dev tooling, as the master realm's
 * administrator, through the admin REST API (java.net.http + JSON-P).
 *
 * <p>Test-scope only: it sets passwords and adds direct-grant clients, which product code must
 * never do. Every failure is an {@link IllegalStateException} carrying the request, the HTTP status
 * and the response body. Thread-safe.
 */
public final class KeycloakTestAdmin {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final long DEFAULT_TOKEN_LIFESPAN_SECONDS = 60;

  private final String keycloakUrl;
  private final String adminUser;
  private final String adminPassword;
  private final HttpClient http;

  private String cachedToken;
  private long cachedTokenValidUntilNanos;

  /**
   * @param keycloakUrl Keycloak's base URL, e.g. {@code http://localhost:8180}
   * @param adminUser an administrator of the master realm
   * @param adminPassword that administrator's password
   */
  public KeycloakTestAdmin(String keycloakUrl, String adminUser, String adminPassword) {
    String url = Objects.requireNonNull(keycloakUrl, "keycloakUrl");
    this.keycloakUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.adminUser = Objects.requireNonNull(adminUser, "adminUser");
    this.adminPassword = Objects.requireNonNull(adminPassword, "adminPassword");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /**
   * An access token of the master realm's administrator (password grant on client {@code
   * admin-cli}), reused until shortly before it expires.
   */
  public synchronized String adminToken() {
    long now = System.nanoTime();
    if (cachedToken != null && now - cachedTokenValidUntilNanos < 0) {
      return cachedToken;
    }
    JsonObject response =
        token(
            "master",
            form(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                adminUser,
                "password",
                adminPassword));
    long lifespan =
        response.containsKey("expires_in")
            ? response.getJsonNumber("expires_in").longValue()
            : DEFAULT_TOKEN_LIFESPAN_SECONDS;
    cachedToken = response.getString("access_token");
    cachedTokenValidUntilNanos = now + TimeUnit.SECONDS.toNanos(Math.max(5, lifespan - 15));
    return cachedToken;
  }

  /**
   * Sets a permanent password of the user with exactly this username and clears the user's required
   * actions, so that the user can log in at once (e.g. with {@link #passwordGrant}).
   */
  public void setPassword(String realm, String username, String password) {
    JsonObject user =
        findUser(realm, username)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no user '" + username + "' in Keycloak realm '" + realm + "'"));
    String userPath = realmPath(realm) + "/users/" + segment(user.getString("id"));
    adminSend(
        "PUT",
        userPath + "/reset-password",
        Json.createObjectBuilder()
            .add("type", "password")
            .add("value", password)
            .add("temporary", false)
            .build());
    JsonObject current = adminGet(userPath).asJsonObject();
    JsonArray requiredActions = current.getJsonArray("requiredActions");
    if (requiredActions != null && !requiredActions.isEmpty()) {
      adminSend(
          "PUT",
          userPath,
          Json.createObjectBuilder(current)
              .add("requiredActions", JsonValue.EMPTY_JSON_ARRAY)
              .build());
    }
  }

  /**
   * Ensures a user (e-mail as username, verified, enabled) with this permanent password and at
   * least these realm roles, e.g. a human operator of the platform realm. Idempotent.
   */
  public void ensureUser(String realm, String username, String password, String... realmRoles) {
    String realmPath = realmPath(realm);
    if (findUser(realm, username).isEmpty()) {
      HttpResponse<String> created =
          adminRequest(
              "POST",
              realmPath + "/users",
              Json.createObjectBuilder()
                  .add("username", username)
                  .add("email", username)
                  .add("emailVerified", true)
                  .add("enabled", true)
                  .add("firstName", "Bloom")
                  .add("lastName", "Operator")
                  .build());
      if (created.statusCode() != 201 && created.statusCode() != 409) {
        throw new IllegalStateException(
            "could not create " + username + " in " + realm + ": " + created.body());
      }
    }
    setPassword(realm, username, password);
    if (realmRoles.length > 0) {
      String id = findUser(realm, username).orElseThrow().getString("id");
      var roles = Json.createArrayBuilder();
      for (String role : realmRoles) {
        roles.add(adminGet(realmPath + "/roles/" + segment(role)));
      }
      adminSend(
          "POST", realmPath + "/users/" + segment(id) + "/role-mappings/realm", roles.build());
    }
  }

  /**
   * Ensures the user is a member of the organization with this alias (a partner's staff in the
   * platform realm). Idempotent.
   */
  public void ensureOrganizationMember(String realm, String alias, String username) {
    String organizations = realmPath(realm) + "/organizations";
    String organization =
        adminGet(organizations + "?search=" + encode(alias))
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(o -> alias.equals(o.getString("alias", "")))
            .map(o -> o.getString("id"))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no organization " + alias + " in " + realm));
    String user = findUser(realm, username).orElseThrow().getString("id");
    HttpResponse<String> added =
        adminRequest(
            "POST",
            organizations + "/" + segment(organization) + "/members",
            Json.createValue(user));
    if (added.statusCode() / 100 != 2 && added.statusCode() != 409) {
      throw new IllegalStateException(
          "could not add " + username + " to " + alias + ": " + added.body());
    }
  }

  /**
   * Ensures a public client that may use the resource-owner password grant and nothing else. Only
   * tests and dev fixtures add such a client; product code never does.
   */
  public void ensureDirectGrantClient(String realm, String clientId) {
    ensureClient(
        realm,
        clientId,
        Json.createObjectBuilder()
            .add("clientId", clientId)
            .add("protocol", "openid-connect")
            .add("publicClient", true)
            .add("directAccessGrantsEnabled", true)
            .add("standardFlowEnabled", false)
            .add("implicitFlowEnabled", false)
            .add("serviceAccountsEnabled", false)
            .build());
  }

  /**
   * Ensures a confidential client with this secret whose only flow is client credentials, and
   * grants its service-account user the given roles of the same realm.
   */
  public void ensureServiceAccountClient(
      String realm, String clientId, String secret, String... realmRoles) {
    String clientUuid =
        ensureClient(
            realm,
            clientId,
            Json.createObjectBuilder()
                .add("clientId", clientId)
                .add("protocol", "openid-connect")
                .add("publicClient", false)
                .add("clientAuthenticatorType", "client-secret")
                .add("secret", secret)
                .add("serviceAccountsEnabled", true)
                .add("standardFlowEnabled", false)
                .add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                // Without it the token lists a role of every realm the account manages, and
                // past ~100 realms Keycloak refuses its own admin requests (431, header too large).
                .add(
                    "attributes",
                    Json.createObjectBuilder()
                        .add("client.use.lightweight.access.token.enabled", "true"))
                .build());
    if (realmRoles.length == 0) {
      return;
    }
    JsonObject serviceAccount =
        adminGet(realmPath(realm) + "/clients/" + segment(clientUuid) + "/service-account-user")
            .asJsonObject();
    var roles = Json.createArrayBuilder();
    for (String role : realmRoles) {
      roles.add(adminGet(realmPath(realm) + "/roles/" + segment(role)));
    }
    adminSend(
        "POST",
        realmPath(realm)
            + "/users/"
            + segment(serviceAccount.getString("id"))
            + "/role-mappings/realm",
        roles.build());
  }

  /** An access token of the user, by the resource-owner password grant of the client. */
  public String passwordGrant(String realm, String clientId, String username, String password) {
    return passwordGrant(realm, clientId, username, password, null);
  }

  /**
   * An access token of the user, by the resource-owner password grant of the client, asking for the
   * given scope (e.g. {@code "openid organization"}); {@code null} asks for the client's defaults.
   */
  public String passwordGrant(
      String realm, String clientId, String username, String password, String scope) {
    Map<String, String> form =
        form(
            "grant_type", "password",
            "client_id", clientId,
            "username", username,
            "password", password);
    if (scope != null) {
      form.put("scope", scope);
    }
    return token(realm, form).getString("access_token");
  }

  /** An access token of a confidential client, by the client-credentials grant. */
  public String clientCredentials(String realm, String clientId, String secret) {
    return token(
            realm,
            form(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret))
        .getString("access_token");
  }

  /** The full response of the realm's token endpoint to the given form. */
  public JsonObject token(String realm, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    keycloakUrl + "/realms/" + segment(realm) + "/protocol/openid-connect/token"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = send(request);
    requireSuccess(request, response);
    return parse(response.body()).asJsonObject();
  }

  /** The user with exactly this username (Keycloak stores usernames in lower case), if any. */
  public Optional<JsonObject> findUser(String realm, String username) {
    return adminGet(
            realmPath(realm)
                + "/users?exact=true&briefRepresentation=false&username="
                + encode(username))
        .asJsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(u -> u.getString("username", "").equalsIgnoreCase(username))
        .findFirst();
  }

  /**
   * Makes the client's access tokens lightweight (no role lists): an administrator's token
   * otherwise carries a role of every realm it manages and outgrows Keycloak's header limit past
   * ~100 realms. The admin API reads the roles from the user instead.
   */
  public void useLightweightTokens(String realm, String clientId) {
    JsonObject client =
        findClient(realm, clientId)
            .orElseThrow(() -> new IllegalStateException("no client " + clientId + " in " + realm));
    adminSend(
        "PUT",
        realmPath(realm) + "/clients/" + segment(client.getString("id")),
        Json.createObjectBuilder()
            .add("clientId", clientId)
            .add(
                "attributes",
                Json.createObjectBuilder()
                    .add("client.use.lightweight.access.token.enabled", "true"))
            .build());
  }

  /** The full representation of the client with this client id, if any. */
  public Optional<JsonObject> findClient(String realm, String clientId) {
    return adminGet(realmPath(realm) + "/clients?clientId=" + encode(clientId))
        .asJsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(c -> clientId.equals(c.getString("clientId", null)))
        .findFirst();
  }

  /**
   * GETs an admin API path (starting with {@code /admin/}) and returns the parsed JSON body.
   *
   * @throws IllegalStateException if the answer is not 2xx
   */
  public JsonValue adminGet(String path) {
    return parse(adminSend("GET", path, null));
  }

  /**
   * Sends a request with an optional JSON body to an admin API path (starting with {@code /admin/})
   * and returns the response body (empty for 201/204).
   *
   * @throws IllegalStateException if the answer is not 2xx
   */
  public String adminSend(String method, String path, JsonValue body) {
    HttpResponse<String> response = adminRequest(method, path, body);
    requireSuccess(response.request(), response);
    return response.body();
  }

  /** Sends an admin API request and returns the response whatever its status. */
  public HttpResponse<String> adminRequest(String method, String path, JsonValue body) {
    HttpResponse<String> response = send(adminHttpRequest(method, path, body, adminToken()));
    if (response.statusCode() == 401) {
      // The cached token may have been revoked or expired early (e.g. Keycloak restarted).
      synchronized (this) {
        cachedToken = null;
      }
      response = send(adminHttpRequest(method, path, body, adminToken()));
    }
    return response;
  }

  private String ensureClient(String realm, String clientId, JsonObject desired) {
    Optional<JsonObject> existing = findClient(realm, clientId);
    if (existing.isEmpty()) {
      HttpResponse<String> created = adminRequest("POST", realmPath(realm) + "/clients", desired);
      if (created.statusCode() != 409) { // 409: created concurrently, update it below
        requireSuccess(created.request(), created);
      }
      existing = findClient(realm, clientId);
      if (existing.isEmpty()) {
        throw new IllegalStateException(
            "client '" + clientId + "' not found in realm '" + realm + "' after creating it");
      }
      if (created.statusCode() != 409) {
        return existing.get().getString("id");
      }
    }
    JsonObject current = existing.get();
    if (!differs(current, desired)) {
      return current.getString("id");
    }
    JsonObjectBuilder merged = Json.createObjectBuilder(current);
    desired.forEach(merged::add);
    adminSend(
        "PUT", realmPath(realm) + "/clients/" + segment(current.getString("id")), merged.build());
    return current.getString("id");
  }

  private static boolean differs(JsonObject current, JsonObject desired) {
    return desired.entrySet().stream().anyMatch(e -> !e.getValue().equals(current.get(e.getKey())));
  }

  private HttpRequest adminHttpRequest(String method, String path, JsonValue body, String token) {
    if (!path.startsWith("/admin/")) {
      throw new IllegalArgumentException("not an admin API path: " + path);
    }
    return HttpRequest.newBuilder(URI.create(keycloakUrl + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          request.method() + " " + request.uri() + " failed: Keycloak unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
    }
  }

  private static void requireSuccess(HttpRequest request, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new IllegalStateException(
          request.method() + " " + request.uri() + " -> HTTP " + status + ": " + response.body());
    }
  }

  private static JsonValue parse(String body) {
    if (body == null || body.isBlank()) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }

  private static String realmPath(String realm) {
    return "/admin/realms/" + segment(realm);
  }

  private static Map<String, String> form(String... keysAndValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      form.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return form;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String segment(String value) {
    return encode(value).replace("+", "%20");
  }
}
