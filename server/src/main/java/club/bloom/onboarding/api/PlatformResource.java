package club.bloom.onboarding.api;

import club.bloom.access.application.ApiKeyIssuing;
import club.bloom.access.application.ApiKeyIssuing.IssueApiKey;
import club.bloom.access.application.ApiKeyIssuing.IssuedKey;
import club.bloom.access.domain.ApiKeyMode;
import club.bloom.access.domain.Roles;
import club.bloom.onboarding.application.PartnerLinking;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.application.TenantProvisioning;
import club.bloom.tenancy.application.TenantProvisioning.ProvisionClub;
import club.bloom.tenancy.application.TenantProvisioning.ProvisionPartner;
import club.bloom.tenancy.application.TenantRecords;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Operator endpoints: provisioning is idempotent (PUT), key issuing takes an Idempotency-Key. */
@Path("/platform")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class PlatformResource {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

  @Inject TenantProvisioning provisioning;
  @Inject TenantRecords records;
  @Inject PartnerLinking linking;
  @Inject ApiKeyIssuing keys;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "bloom.keycloak.public-url",
      defaultValue = "http://localhost:8180")
  String keycloakPublicUrl;

  @PUT
  @Path("/clubs/{club}")
  public ClubDto provisionClub(@PathParam("club") String slug, ClubProvisioningDto body) {
    Slug clubSlug = Params.slug("club", slug);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String name = checks.required("name", body.name(), 120);
    String email =
        checks.matches("adminEmail", body.adminEmail(), EMAIL, "must be an e-mail address");
    String locale = body.locale() == null ? "ru" : body.locale();
    if (!locale.matches("^[a-z]{2}$")) {
      checks.fail("locale", "must be a two-letter language code such as ru");
    }
    String zone = body.timeZone() == null ? "Europe/Moscow" : body.timeZone();
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      checks.fail("timeZone", "must be an IANA time zone such as Europe/Moscow");
    }
    if (body.adminPassword() != null && body.adminPassword().length() < 8) {
      checks.fail("adminPassword", "must be at least 8 characters");
    }
    checks.throwIfAny();
    Tenant club =
        provisioning.provisionClub(
            new ProvisionClub(
                clubSlug,
                name,
                locale,
                zone,
                email.toLowerCase(java.util.Locale.ROOT),
                Optional.ofNullable(body.adminPassword())));
    return ClubDto.of(club, keycloakPublicUrl + "/realms/" + club.realm().orElse(""));
  }

  @PUT
  @Path("/partners/{partner}")
  public PartnerDto provisionPartner(
      @PathParam("partner") String slug, PartnerProvisioningDto body) {
    Slug partnerSlug = Params.slug("partner", slug);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String name = checks.required("name", body.name(), 120);
    checks.throwIfAny();
    Tenant partner = provisioning.provisionPartner(new ProvisionPartner(partnerSlug, name));
    return PartnerDto.of(partner);
  }

  @PUT
  @Path("/clubs/{club}/partners/{partner}")
  public PartnershipDto link(
      @PathParam("club") String club,
      @PathParam("partner") String partner,
      PartnershipTermsDto body) {
    Slug clubSlug = Params.slug("club", club);
    Slug partnerSlug = Params.slug("partner", partner);
    if (body == null || body.categories() == null || body.categories().isEmpty()) {
      throw InvalidInput.of("categories", "must list at least one category");
    }
    FieldChecks checks = new FieldChecks();
    for (int i = 0; i < body.categories().size(); i++) {
      checks.matches(
          "categories[" + i + "]", body.categories().get(i), CODE, "must be a category code");
    }
    checks.throwIfAny();
    Partnership p =
        linking.link(
            clubSlug,
            partnerSlug,
            new LinkedHashSet<>(body.categories()),
            Optional.ofNullable(body.redemptionEnabled()));
    return new PartnershipDto(
        club, partner, List.copyOf(new java.util.TreeSet<>(p.categories())), p.redemptionEnabled());
  }

  @POST
  @Path("/partners/{partner}/api-keys")
  public Response issueKey(@PathParam("partner") String partner, ApiKeyRequestDto body) {
    Slug partnerSlug = Params.slug("partner", partner);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    ApiKeyMode mode = null;
    if (body.mode() == null || !(body.mode().equals("test") || body.mode().equals("live"))) {
      checks.fail("mode", "must be 'test' or 'live'");
    } else {
      mode = ApiKeyMode.of(body.mode());
    }
    if (body.scopes() == null || body.scopes().isEmpty()) {
      checks.fail("scopes", "must list at least one scope");
    } else {
      for (int i = 0; i < body.scopes().size(); i++) {
        if (!Roles.API_KEY_SCOPES.contains(body.scopes().get(i))) {
          checks.fail(
              "scopes[" + i + "]", "must be one of " + String.join(", ", Roles.API_KEY_SCOPES));
        }
      }
    }
    if (body.label() != null && body.label().length() > 80) {
      checks.fail("label", "must be at most 80 characters");
    }
    checks.throwIfAny();
    Tenant tenant =
        records
            .find(TenantKind.PARTNER, partnerSlug)
            .filter(Tenant::isActive)
            .orElseThrow(
                () -> new NotFound("unknown-partner", "Unknown partner", "No partner " + partner));
    // Each call issues a new key (a supplied test secret is registered once). Replaying a stored
    // result would mean storing the secret: a retry after a lost response issues another key.
    IssuedKey issued =
        keys.issue(
            new IssueApiKey(
                tenant.id(),
                mode,
                body.label(),
                Set.copyOf(body.scopes()),
                Optional.ofNullable(body.secret())));
    return Response.status(201)
        .entity(
            new IssuedApiKeyDto(
                issued.key().id(),
                issued.secret().value(),
                issued.key().prefix(),
                issued.key().mode().token(),
                issued.key().label().orElse(null),
                List.copyOf(new java.util.TreeSet<>(issued.key().scopes()))))
        .build();
  }

  /** The contract's {@code ClubProvisioning}. */
  public record ClubProvisioningDto(
      String name, String locale, String timeZone, String adminEmail, String adminPassword) {}

  /** The contract's {@code Club}. */
  public record ClubDto(
      String slug, String name, String schema, String realm, String issuer, String status) {
    static ClubDto of(Tenant t, String issuer) {
      return new ClubDto(
          t.slug().value(),
          t.name(),
          t.schema().value(),
          t.realm().orElse(""),
          issuer,
          t.status().name());
    }
  }

  /** The contract's {@code PartnerProvisioning}. */
  public record PartnerProvisioningDto(String name) {}

  /** The contract's {@code Partner}. */
  public record PartnerDto(
      String slug, String name, String schema, String organization, String status) {
    static PartnerDto of(Tenant t) {
      return new PartnerDto(
          t.slug().value(),
          t.name(),
          t.schema().value(),
          t.organizationId().orElse(null),
          t.status().name());
    }
  }

  /**
   * The contract's {@code PartnershipTerms}; {@code redemptionEnabled} absent leaves the opt-in as
   * it is.
   */
  public record PartnershipTermsDto(List<String> categories, Boolean redemptionEnabled) {}

  /** The contract's {@code Partnership}. */
  public record PartnershipDto(
      String club, String partner, List<String> categories, boolean redemptionEnabled) {}

  /** The contract's {@code ApiKeyRequest}. */
  public record ApiKeyRequestDto(String mode, String label, List<String> scopes, String secret) {}

  /** The contract's {@code IssuedApiKey}. */
  public record IssuedApiKeyDto(
      UUID id, String key, String prefix, String mode, String label, List<String> scopes) {}
}
