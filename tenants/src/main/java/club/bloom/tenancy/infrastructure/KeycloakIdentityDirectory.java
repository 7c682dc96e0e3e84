package club.bloom.tenancy.infrastructure;

import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.IdentityProviderUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak through its admin REST API. Realms are created from the JSON templates beside this class
 * ({@code keycloak/*.json}); Bloom authenticates as a narrow service account of the master realm
 * that may create realms (Keycloak grants a realm's creator the right to manage it). See ADR 0004.
 */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

  @Inject
  @ConfigProperty(name = "bloom.keycloak.url", defaultValue = "http://localhost:8180")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.admin.realm", defaultValue = "master")
  String adminRealm;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.admin.client-id", defaultValue = "bloom-provisioner")
  String adminClientId;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.admin.client-secret")
  String adminClientSecret;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.platform-realm", defaultValue = "bloom-platform")
  String platformRealm;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.ops-client.secret")
  String opsClientSecret;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  // Keycloak mails staff their set-password links through the same relay as Bloom (ADR 0017).
  @Inject
  @ConfigProperty(name = "bloom.smtp.host", defaultValue = "localhost")
  String smtpHost;

  @Inject
  @ConfigProperty(name = "bloom.smtp.port", defaultValue = "3025")
  String smtpPort;

  @Inject
  @ConfigProperty(name = "bloom.mail.from", defaultValue = "Bloom <no-reply@bloom.local>")
  String mailFrom;

  @Inject
  @ConfigProperty(name = "bloom.smtp.user")
  Optional<String> smtpUser;

  @Inject
  @ConfigProperty(name = "bloom.smtp.password")
  Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "bloom.smtp.auth", defaultValue = "false")
  boolean smtpAuth;

  @Inject
  @ConfigProperty(name = "bloom.smtp.starttls", defaultValue = "false")
  boolean smtpStartTls;

  /**
   * Creating a realm takes seconds, and much longer on a loaded machine; the call is idempotent.
   */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private String token;
  private Instant tokenExpiry = Instant.EPOCH;

  @Override
  public String ensureClubRealm(String realm, String displayName, String locale) {
    String json =
        template(
            "club-realm.json",
            Map.of(
                "realm",
                realm,
                "displayName",
                displayName,
                "locale",
                locale,
                "portalUrl",
                portalUrl));
    createRealmIfAbsent(realm, json);
    configureMailAndVerification(realm);
    requireRegistrationStep(realm, "registration-terms-and-conditions");
    // After the step: Keycloak makes the action a default one when the step becomes required.
    enableRequiredAction(realm, "TERMS_AND_CONDITIONS");
    ensureDefaultRealmRole(realm, "member");
    return issuerOf(realm);
  }

  /**
   * Every new login of the realm gets {@code role} (a person who registers in the club's realm,
   * e.g. to confirm a registration made at a partner's counter, is a member). The template's {@code
   * defaultRole} composites were not applied when the realm was created through the admin API, so
   * the role is added to the realm's default roles here, idempotently.
   */
  private void ensureDefaultRealmRole(String realm, String role) {
    String path = "/admin/realms/" + realm + "/roles/" + encode("default-roles-" + realm);
    boolean present =
        getJson(path + "/composites/realm").asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(r -> role.equals(r.getString("name", "")));
    if (present) {
      return;
    }
    String body =
        Json.createArrayBuilder()
            .add(getJson("/admin/realms/" + realm + "/roles/" + encode(role)))
            .build()
            .toString();
    HttpResponse<String> response = send("POST", path + "/composites", body);
    if (response.statusCode() / 100 != 2) {
      throw failure("add " + role + " to the default roles of " + realm, response);
    }
  }

  @Override
  public String ensurePlatformRealm() {
    String json =
        template(
            "platform-realm.json",
            Map.of("realm", platformRealm, "portalUrl", portalUrl, "opsSecret", opsClientSecret));
    createRealmIfAbsent(platformRealm, json);
    configureMailAndVerification(platformRealm);
    allowPostLogoutRedirect(platformRealm, "bloom-portal");
    onlyClientCredentials(platformRealm, "bloom-ops");
    String clientUuid = clientUuid(platformRealm, "bloom-ops");
    JsonObject serviceUser =
        getJson(
                "/admin/realms/"
                    + platformRealm
                    + "/clients/"
                    + clientUuid
                    + "/service-account-user")
            .asJsonObject();
    grantRoles(platformRealm, serviceUser.getString("id"), java.util.Set.of("platform-operator"));
    addDefaultClientScope(platformRealm, "bloom-portal", "organization");
    return issuerOf(platformRealm);
  }

  /**
   * Makes a client scope a default one of the client, so every token of the client carries its
   * claims: the portal's logins carry the {@code organization} claim that names a partner staff's
   * partner, whatever scope the login asked for. Keycloak creates that scope with organizations.
   */
  private void addDefaultClientScope(String realm, String clientId, String scopeName) {
    String scopeId =
        getJson("/admin/realms/" + realm + "/client-scopes").asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(scope -> scopeName.equals(scope.getString("name", "")))
            .map(scope -> scope.getString("id"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "client scope " + scopeName + " missing in " + realm));
    String client = "/admin/realms/" + realm + "/clients/" + clientUuid(realm, clientId);
    // Keycloak attaches the scope as an optional one to new clients; a scope is one or the other.
    HttpResponse<String> optional =
        send("DELETE", client + "/optional-client-scopes/" + scopeId, null);
    if (optional.statusCode() / 100 != 2 && optional.statusCode() != 404) {
      throw failure("detach the optional scope " + scopeName + " of " + clientId, optional);
    }
    HttpResponse<String> response = send("PUT", client + "/default-client-scopes/" + scopeId, null);
    if (response.statusCode() / 100 != 2) {
      throw failure("make " + scopeName + " a default scope of " + clientId, response);
    }
  }

  @Override
  public String ensureOrganization(String alias, String name) {
    String base = "/admin/realms/" + platformRealm + "/organizations";
    Optional<String> existing = findOrganization(base, alias);
    if (existing.isPresent()) {
      return existing.get();
    }
    // Keycloak's organization names are unique in a realm, partners' names need not be: the name
    // carries the alias (unique, from the slug), so two "Flora Studio"s are two organizations.
    // Deterministic, so a repeated run finds (by alias) what an earlier one created.
    String body =
        Json.createObjectBuilder()
            .add("name", organizationName(alias, name))
            .add("description", name)
            .add("alias", alias)
            .add("enabled", true)
            .add(
                "domains",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", domainOf(alias))))
            .build()
            .toString();
    HttpResponse<String> response = send("POST", base, body);
    if (response.statusCode() != 201 && response.statusCode() != 409) {
      throw failure("create organization " + alias, response);
    }
    // 409: a concurrent run created it first (same alias, same name) — found below; any other
    // conflict would leave nothing under the alias and is reported as such.
    return findOrganization(base, alias)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "organization "
                        + alias
                        + " could not be created (HTTP "
                        + response.statusCode()
                        + ") and does not exist"));
  }

  /**
   * The organization's name: the partner's name and, in brackets, the alias; unique because the
   * alias is, and at most Keycloak's 255 characters.
   */
  static String organizationName(String alias, String name) {
    String suffix = " (" + alias + ")";
    String shown = name == null || name.isBlank() ? alias : name.strip();
    if (shown.length() + suffix.length() > 255) {
      shown = shown.substring(0, 255 - suffix.length());
    }
    return shown + suffix;
  }

  @Override
  public EnsuredUser ensureUser(String realm, NewUser user) {
    String base = "/admin/realms/" + realm + "/users";
    // Bloom creates logins verified: their password can only be set through the link Keycloak
    // mails to the address (or is set by the operator provisioning a club), so the address is
    // proven by the time anyone signs in with it.
    var builder =
        Json.createObjectBuilder()
            .add("username", user.username())
            .add("email", user.email())
            .add("emailVerified", true)
            .add("firstName", user.firstName())
            .add("lastName", user.lastName())
            .add("enabled", true);
    var actions = Json.createArrayBuilder();
    user.requiredActions().forEach(actions::add);
    builder.add("requiredActions", actions);
    user.password()
        .ifPresent(
            p ->
                builder.add(
                    "credentials",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("type", "password")
                                .add("value", p)
                                .add("temporary", false))));
    HttpResponse<String> response = send("POST", base, builder.build().toString());
    if (response.statusCode() != 201 && response.statusCode() != 409) {
      throw failure("create a user in " + realm, response);
    }
    // 409: the username (or address) is taken, by a login made before this call or by another
    // request racing this one. Either way it is not ours to grant anything to.
    boolean created = response.statusCode() == 201;
    String id =
        idFromLocation(response)
            .or(() -> findUserIdByUsername(realm, user.username()))
            .or(() -> findUserIdByEmail(realm, user.email()))
            .orElseThrow(
                () -> new IllegalStateException("the user just ensured is not found in " + realm));
    if (created) {
      grantRoles(realm, id, user.realmRoles());
    }
    return new EnsuredUser(id, created);
  }

  private static Optional<String> idFromLocation(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      return Optional.empty();
    }
    return response
        .headers()
        .firstValue("Location")
        .map(l -> l.substring(l.lastIndexOf('/') + 1))
        .filter(id -> !id.isBlank());
  }

  private Optional<String> findUserIdByUsername(String realm, String username) {
    return getJson("/admin/realms/" + realm + "/users?exact=true&username=" + encode(username))
        .asJsonArray()
        .stream()
        .map(v -> v.asJsonObject().getString("id"))
        .findFirst();
  }

  @Override
  public void ensureOrganizationMember(String organizationId, String userId) {
    String path =
        "/admin/realms/" + platformRealm + "/organizations/" + organizationId + "/members";
    // The body is the user id as a JSON string; 409 means already a member.
    HttpResponse<String> response = send("POST", path, Json.createValue(userId).toString());
    if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
      throw failure("add a member to organization " + organizationId, response);
    }
  }

  @Override
  public void sendSetPasswordMail(String realm, String userId, String redirectUri) {
    String path =
        "/admin/realms/"
            + realm
            + "/users/"
            + userId
            + "/execute-actions-email?client_id=bloom-portal&lifespan=86400&redirect_uri="
            + encode(redirectUri);
    HttpResponse<String> response =
        send("PUT", path, Json.createArrayBuilder().add("UPDATE_PASSWORD").build().toString());
    if (response.statusCode() / 100 != 2) {
      throw failure("e-mail a set-password link in " + realm, response);
    }
  }

  @Override
  public Optional<String> findUserIdByEmail(String realm, String email) {
    JsonArray found =
        getJson("/admin/realms/" + realm + "/users?exact=true&email=" + encode(email))
            .asJsonArray();
    if (found.isEmpty()) {
      found =
          getJson("/admin/realms/" + realm + "/users?exact=true&username=" + encode(email))
              .asJsonArray();
    }
    return found.stream().map(v -> v.asJsonObject().getString("id")).findFirst();
  }

  @Override
  public Optional<DirectoryUser> findUser(
      String realm, String userId, java.util.Set<String> rolesOfInterest) {
    HttpResponse<String> response =
        send("GET", "/admin/realms/" + realm + "/users/" + encode(userId), null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw failure("read user " + userId + " of " + realm, response);
    }
    JsonObject user = Json.createReader(new StringReader(response.body())).readObject();
    return Optional.of(directoryUser(user, realmRolesOf(realm, userId, rolesOfInterest)));
  }

  @Override
  public java.util.List<DirectoryUser> usersWithAnyRole(String realm, java.util.Set<String> roles) {
    Map<String, JsonObject> users = new java.util.LinkedHashMap<>();
    Map<String, java.util.Set<String>> held = new java.util.HashMap<>();
    for (String role : new java.util.TreeSet<>(roles)) {
      JsonArray page =
          getJson(
                  "/admin/realms/"
                      + realm
                      + "/roles/"
                      + encode(role)
                      + "/users?briefRepresentation=false&first=0&max=1000")
              .asJsonArray();
      for (JsonValue v : page) {
        JsonObject u = v.asJsonObject();
        users.putIfAbsent(u.getString("id"), u);
        held.computeIfAbsent(u.getString("id"), k -> new java.util.TreeSet<>()).add(role);
      }
    }
    return users.values().stream().map(u -> directoryUser(u, held.get(u.getString("id")))).toList();
  }

  @Override
  public java.util.List<DirectoryUser> organizationMembers(
      String organizationId, java.util.Set<String> rolesOfInterest) {
    JsonArray members =
        getJson(
                "/admin/realms/"
                    + platformRealm
                    + "/organizations/"
                    + encode(organizationId)
                    + "/members?briefRepresentation=false&first=0&max=1000")
            .asJsonArray();
    return members.stream()
        .map(JsonValue::asJsonObject)
        .map(u -> directoryUser(u, realmRolesOf(platformRealm, u.getString("id"), rolesOfInterest)))
        .toList();
  }

  @Override
  public void grantRealmRoles(String realm, String userId, java.util.Set<String> roles) {
    grantRoles(realm, userId, roles);
  }

  @Override
  public void revokeRealmRoles(String realm, String userId, java.util.Set<String> roles) {
    java.util.Set<String> held = realmRolesOf(realm, userId, roles);
    if (held.isEmpty()) {
      return;
    }
    var reps = Json.createArrayBuilder();
    for (String role : held) {
      reps.add(getJson("/admin/realms/" + realm + "/roles/" + encode(role)));
    }
    HttpResponse<String> response =
        send(
            "DELETE",
            "/admin/realms/" + realm + "/users/" + encode(userId) + "/role-mappings/realm",
            reps.build().toString());
    if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
      throw failure("revoke roles in " + realm, response);
    }
  }

  @Override
  public java.util.List<String> organizationsOf(String userId) {
    HttpResponse<String> response =
        send(
            "GET",
            "/admin/realms/"
                + platformRealm
                + "/organizations/members/"
                + encode(userId)
                + "/organizations",
            null);
    if (response.statusCode() == 404) {
      return java.util.List.of();
    }
    if (response.statusCode() != 200) {
      throw failure("read the organizations of a user", response);
    }
    return Json.createReader(new StringReader(response.body())).readArray().stream()
        .map(v -> v.asJsonObject().getString("id"))
        .toList();
  }

  @Override
  public void removeOrganizationMember(String organizationId, String userId) {
    HttpResponse<String> response =
        send(
            "DELETE",
            "/admin/realms/"
                + platformRealm
                + "/organizations/"
                + encode(organizationId)
                + "/members/"
                + encode(userId),
            null);
    if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
      throw failure("remove a member of organization " + organizationId, response);
    }
  }

  @Override
  public void endSessions(String realm, String userId) {
    HttpResponse<String> response =
        send("POST", "/admin/realms/" + realm + "/users/" + encode(userId) + "/logout", null);
    if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
      throw failure("end the sessions of a user of " + realm, response);
    }
  }

  private java.util.Set<String> realmRolesOf(
      String realm, String userId, java.util.Set<String> rolesOfInterest) {
    HttpResponse<String> response =
        send(
            "GET",
            "/admin/realms/" + realm + "/users/" + encode(userId) + "/role-mappings/realm",
            null);
    if (response.statusCode() == 404) {
      return java.util.Set.of();
    }
    if (response.statusCode() != 200) {
      throw failure("read the roles of a user of " + realm, response);
    }
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (JsonValue v : Json.createReader(new StringReader(response.body())).readArray()) {
      String name = v.asJsonObject().getString("name", "");
      if (rolesOfInterest.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private static DirectoryUser directoryUser(JsonObject u, java.util.Set<String> roles) {
    boolean pending =
        u.containsKey("requiredActions")
            && u.getJsonArray("requiredActions").stream()
                .anyMatch(a -> "\"UPDATE_PASSWORD\"".equals(a.toString()));
    return new DirectoryUser(
        u.getString("id"),
        u.getString("email", u.getString("username", "")),
        java.util.Set.copyOf(roles == null ? java.util.Set.of() : roles),
        pending,
        u.getJsonNumber("createdTimestamp") == null
            ? 0
            : u.getJsonNumber("createdTimestamp").longValue(),
        u.getBoolean("emailVerified", false));
  }

  @Override
  public String platformRealm() {
    return platformRealm;
  }

  /**
   * The realm's outgoing mail (Keycloak sends set-password, reset and verification links itself)
   * and e-mail verification: a login that registered itself must open the link Keycloak mails to
   * its address before it can sign in. Applied to realms created before either was in the template
   * too, at every provisioning and start-up (ADR 0027).
   */
  private void configureMailAndVerification(String realm) {
    String address = mailFrom;
    String displayName = "Bloom";
    int open = mailFrom.indexOf('<');
    if (open >= 0 && mailFrom.indexOf('>', open) > open) {
      displayName = mailFrom.substring(0, open).strip();
      address = mailFrom.substring(open + 1, mailFrom.indexOf('>', open)).strip();
    }
    var smtp =
        Json.createObjectBuilder()
            .add("host", smtpHost)
            .add("port", smtpPort)
            .add("from", address)
            .add("fromDisplayName", displayName)
            .add("auth", Boolean.toString(smtpAuth))
            .add("starttls", Boolean.toString(smtpStartTls))
            .add("ssl", "false");
    if (smtpAuth) {
      smtp.add("user", smtpUser.orElse("")).add("password", smtpPassword.orElse(""));
    }
    HttpResponse<String> response =
        send(
            "PUT",
            "/admin/realms/" + realm,
            Json.createObjectBuilder()
                .add("smtpServer", smtp)
                .add("verifyEmail", true)
                .build()
                .toString());
    if (response.statusCode() / 100 != 2) {
      throw failure("configure mail and e-mail verification of " + realm, response);
    }
  }

  @Override
  public void setTermsText(String realm, java.util.List<String> locales, String text) {
    // Keycloak renders the page's messages through java.text.MessageFormat: quote its syntax.
    String message = text.replace("'", "''").replace("{", "'{'").replace("}", "'}'");
    for (String locale : locales) {
      HttpResponse<String> response =
          send(
              "PUT",
              "/admin/realms/" + encode(realm) + "/localization/" + encode(locale) + "/termsText",
              message,
              "text/plain; charset=utf-8");
      if (response.statusCode() / 100 != 2) {
        throw failure("set the terms text of " + realm + " (" + locale + ")", response);
      }
    }
  }

  private Optional<String> findOrganization(String base, String alias) {
    // Organizations are found by their domain, which is derived from the alias and unique.
    JsonArray found = getJson(base + "?exact=true&search=" + encode(domainOf(alias))).asJsonArray();
    return found.stream()
        .map(JsonValue::asJsonObject)
        .filter(
            o -> alias.equals(o.getString("alias", "")) || alias.equals(o.getString("name", "")))
        .map(o -> o.getString("id"))
        .findFirst();
  }

  // A reserved domain (RFC 2606): partners' real domains are verified later, not assumed.
  private static String domainOf(String alias) {
    return alias + ".partners.bloom.invalid";
  }

  private void createRealmIfAbsent(String realm, String json) {
    HttpResponse<String> existing = send("GET", "/admin/realms/" + encode(realm), null);
    if (existing.statusCode() == 200) {
      return;
    }
    HttpResponse<String> created = send("POST", "/admin/realms", json);
    if (created.statusCode() != 201 && created.statusCode() != 409) {
      throw failure("create realm " + realm, created);
    }
    // The creator's rights on the new realm are not in the token we hold: take a fresh one.
    synchronized (this) {
      tokenExpiry = Instant.EPOCH;
    }
  }

  // Members accept the club's terms at self-registration (the registration step) and accounts
  // created
  // for them carry the action explicitly. Not a default action, which Keycloak would give every new
  // user, staff included.
  private void enableRequiredAction(String realm, String alias) {
    String path = "/admin/realms/" + realm + "/authentication/required-actions/" + alias;
    JsonObject action = getJson(path).asJsonObject();
    if (action.getBoolean("enabled", false) && !action.getBoolean("defaultAction", false)) {
      return;
    }
    String body =
        Json.createObjectBuilder(action)
            .add("enabled", true)
            .add("defaultAction", false)
            .build()
            .toString();
    HttpResponse<String> response = send("PUT", path, body);
    if (response.statusCode() / 100 != 2) {
      throw failure("enable " + alias + " in " + realm, response);
    }
  }

  private void requireRegistrationStep(String realm, String providerId) {
    String path = "/admin/realms/" + realm + "/authentication/flows/registration/executions";
    JsonObject step =
        getJson(path).asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> providerId.equals(e.getString("providerId", "")))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no " + providerId + " step in " + realm));
    if ("REQUIRED".equals(step.getString("requirement", ""))) {
      return;
    }
    String body = Json.createObjectBuilder(step).add("requirement", "REQUIRED").build().toString();
    HttpResponse<String> response = send("PUT", path, body);
    if (response.statusCode() / 100 != 2) {
      throw failure("require " + providerId + " in " + realm, response);
    }
  }

  private void grantRoles(String realm, String userId, java.util.Set<String> roles) {
    if (roles.isEmpty()) {
      return;
    }
    var reps = Json.createArrayBuilder();
    for (String role : roles) {
      reps.add(getJson("/admin/realms/" + realm + "/roles/" + encode(role)));
    }
    HttpResponse<String> response =
        send(
            "POST",
            "/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm",
            reps.build().toString());
    if (response.statusCode() / 100 != 2) {
      throw failure("grant roles in " + realm, response);
    }
  }

  /**
   * A machine client (the operator's {@code bloom-ops}) issues tokens by the client-credentials
   * grant only, so every token naming it as {@code azp} is its service account's: Bloom reads such
   * tokens as a machine's, not a person's (ADR 0027). A realm edited by hand is put back.
   */
  private void onlyClientCredentials(String realm, String clientId) {
    String path = "/admin/realms/" + realm + "/clients/" + clientUuid(realm, clientId);
    JsonObject client = getJson(path).asJsonObject();
    boolean machineOnly =
        !client.getBoolean("standardFlowEnabled", false)
            && !client.getBoolean("implicitFlowEnabled", false)
            && !client.getBoolean("directAccessGrantsEnabled", false)
            && client.getBoolean("serviceAccountsEnabled", false)
            && !client.getBoolean("publicClient", false);
    if (machineOnly) {
      return;
    }
    JsonObject updated =
        Json.createObjectBuilder(client)
            .add("standardFlowEnabled", false)
            .add("implicitFlowEnabled", false)
            .add("directAccessGrantsEnabled", false)
            .add("serviceAccountsEnabled", true)
            .add("publicClient", false)
            .build();
    HttpResponse<String> response = send("PUT", path, updated.toString());
    if (response.statusCode() / 100 != 2) {
      throw failure("restrict " + clientId + " of " + realm + " to client credentials", response);
    }
  }

  /**
   * Lets the portal's client send people back to the portal after signing out (the operator's
   * console signs out through the realm). Platform realms created before the template said so get
   * it here; a value set by an administrator is kept.
   */
  private void allowPostLogoutRedirect(String realm, String clientId) {
    String path = "/admin/realms/" + realm + "/clients/" + clientUuid(realm, clientId);
    JsonObject client = getJson(path).asJsonObject();
    JsonObject attributes =
        client.containsKey("attributes")
            ? client.getJsonObject("attributes")
            : JsonValue.EMPTY_JSON_OBJECT;
    if (attributes.containsKey("post.logout.redirect.uris")) {
      return;
    }
    JsonObject updated =
        Json.createObjectBuilder(client)
            .add(
                "attributes",
                Json.createObjectBuilder(attributes)
                    .add("post.logout.redirect.uris", portalUrl + "/*"))
            .build();
    HttpResponse<String> response = send("PUT", path, updated.toString());
    if (response.statusCode() != 204) {
      throw failure("allow post-logout redirects of " + clientId + " in " + realm, response);
    }
  }

  private String clientUuid(String realm, String clientId) {
    JsonArray clients =
        getJson("/admin/realms/" + realm + "/clients?clientId=" + encode(clientId)).asJsonArray();
    if (clients.isEmpty()) {
      throw new IllegalStateException("client " + clientId + " missing in realm " + realm);
    }
    return clients.getJsonObject(0).getString("id");
  }

  private String issuerOf(String realm) {
    return getJson("/realms/" + encode(realm) + "/.well-known/openid-configuration")
        .asJsonObject()
        .getString("issuer");
  }

  private JsonValue getJson(String path) {
    HttpResponse<String> response = send("GET", path, null);
    if (response.statusCode() != 200) {
      // Not the query: a look-up by address carries the address there.
      throw failure("GET " + path.replaceAll("\\?.*$", ""), response);
    }
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readValue();
    }
  }

  private HttpResponse<String> send(String method, String path, String body) {
    return send(method, path, body, "application/json");
  }

  private HttpResponse<String> send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(keycloakUrl + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json");
    if (path.startsWith("/admin/")) {
      request.header("Authorization", "Bearer " + adminToken());
    }
    if (body != null) {
      request.header("Content-Type", contentType);
      request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IdentityProviderUnavailable("Keycloak unreachable at " + keycloakUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling Keycloak", e);
    }
  }

  private synchronized String adminToken() {
    if (token != null && Instant.now().isBefore(tokenExpiry)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(adminClientId)
            + "&client_secret="
            + encode(adminClientSecret);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    keycloakUrl + "/realms/" + adminRealm + "/protocol/openid-connect/token"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw failure("obtain the provisioning token", response);
      }
      JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
      token = json.getString("access_token");
      tokenExpiry = Instant.now().plusSeconds(Math.max(5, json.getInt("expires_in", 60) - 10));
      return token;
    } catch (IOException e) {
      throw new IdentityProviderUnavailable("Keycloak unreachable at " + keycloakUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling Keycloak", e);
    }
  }

  private static String template(String name, Map<String, String> values) {
    try (InputStream in = KeycloakIdentityDirectory.class.getResourceAsStream("keycloak/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing realm template " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (var e : values.entrySet()) {
        String quoted = Json.createValue(e.getValue()).toString();
        // placeholders stand inside JSON strings: insert the escaped content without its quotes
        text = text.replace("${" + e.getKey() + "}", quoted.substring(1, quoted.length() - 1));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * A refusal of Keycloak as an exception whose message may be logged: the status and Keycloak's
   * error code or message, never the rest of its answer, which can echo what was sent (names,
   * addresses: personal data).
   */
  private static IllegalStateException failure(String what, HttpResponse<String> response) {
    return new club.bloom.tenancy.domain.IdentityProviderRefused(
        "Keycloak refused to "
            + what
            + ": HTTP "
            + response.statusCode()
            + errorOf(response.body()));
  }

  static String errorOf(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return "";
      }
      JsonObject error = value.asJsonObject();
      StringBuilder out = new StringBuilder();
      for (String key : java.util.List.of("error", "errorMessage", "field")) {
        if (error.get(key) instanceof jakarta.json.JsonString text) {
          out.append(' ').append(key).append('=').append(code(text.getString()));
        }
      }
      return out.toString();
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  // Keycloak's codes and messages are short identifiers or sentences of its own; keep them short.
  private static String code(String text) {
    String clean = text.replaceAll("[^A-Za-z0-9 _.:-]", "?");
    return clean.substring(0, Math.min(80, clean.length()));
  }
}
