package club.bloom.access.application;

import club.bloom.access.domain.AmbiguousOrganization;
import club.bloom.access.domain.ApiKey;
import club.bloom.access.domain.ApiKeyRepository;
import club.bloom.access.domain.ApiKeySecret;
import club.bloom.access.domain.Caller;
import club.bloom.access.domain.InvalidCredential;
import club.bloom.access.domain.Roles;
import club.bloom.access.domain.SecretHasher;
import club.bloom.access.domain.TenantSuspended;
import club.bloom.access.domain.TokenHolder;
import club.bloom.access.domain.TokenVerifier;
import club.bloom.access.domain.TokenVerifier.VerifiedToken;
import club.bloom.access.domain.VerifiedPerson;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tenancy.domain.TrustedIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a bearer credential into a {@link Caller}: an API key ({@code bk_…}) is checked by its
 * checksum, then by its peppered hash; any other bearer is a JWT whose issuer must be on the
 * allow-list and whose signature must verify with that issuer's keys (RS256). The tenant comes from
 * the key record or the allow-list entry, never from the request.
 */
@ApplicationScoped
public class CallerAuthentication {
  @Inject ApiKeyRepository keys;
  @Inject SecretHasher hasher;
  @Inject TokenVerifier tokens;
  @Inject TenantRegistry tenants;
  @Inject Clock clock;

  /**
   * The platform realm's machine clients: a token issued to one of them is its service account's
   * (ADR 0027). Each must allow the client-credentials grant only.
   */
  @Inject
  @ConfigProperty(name = "bloom.auth.service-account-clients", defaultValue = "bloom-ops")
  Set<String> serviceAccountClients;

  @Transactional
  public Caller authenticate(String bearer, String remoteAddress) {
    if (bearer.startsWith("bk_")) {
      return byApiKey(bearer, remoteAddress);
    }
    return byToken(bearer);
  }

  private Caller byApiKey(String text, String remoteAddress) {
    ApiKeySecret secret =
        ApiKeySecret.parse(text)
            .orElseThrow(() -> new InvalidCredential("The API key is malformed or mistyped"));
    ApiKey key =
        keys.findBySecretHash(hasher.hash(secret))
            .orElseThrow(() -> new InvalidCredential("Unknown API key"));
    Optional<InvalidCredential> refused = key.refusalAt(clock.instant());
    if (refused.isPresent()) {
      throw refused.get();
    }
    Tenant tenant =
        tenants
            .find(key.tenant())
            .map(CallerAuthentication::unlessSuspended)
            .filter(Tenant::isActive)
            .orElseThrow(() -> new InvalidCredential("The key's tenant is not active"));
    // Writes the key's row at most once a minute per address (ApiKey.used), not on every request.
    key.used(clock.instant(), remoteAddress);
    return new Caller(
        Caller.Credential.API_KEY,
        "api-key:" + key.id(),
        Optional.of(tenant.id()),
        Optional.of(tenant.kind()),
        key.scopes().stream().map(Roles::forScope).collect(java.util.stream.Collectors.toSet()),
        Optional.empty());
  }

  private Caller byToken(String token) {
    String issuer = tokens.issuerOf(token);
    TrustedIssuer trusted =
        tenants
            .trustedIssuer(issuer)
            .orElseThrow(() -> new InvalidCredential("Tokens of this issuer are not accepted"));
    VerifiedToken verified = tokens.verify(token, trusted.issuer(), trusted.realm());
    boolean platformRealm = trusted.tenant().isEmpty();
    TokenHolder holder = TokenHolder.of(verified, platformRealm, serviceAccountClients);
    if (holder == TokenHolder.SERVICE_ACCOUNT) {
      return serviceAccount(verified);
    }
    Optional<VerifiedPerson> person =
        holder == TokenHolder.PERSON
            ? Optional.of(
                new VerifiedPerson(
                    verified.email().orElseThrow(), verified.givenName(), verified.familyName()))
            : Optional.empty();
    if (platformRealm) {
      return platformCaller(verified, person);
    }
    Tenant tenant =
        tenants
            .find(trusted.tenant().get())
            .map(CallerAuthentication::unlessSuspended)
            .filter(Tenant::isActive)
            .orElseThrow(() -> new InvalidCredential("The token's club is not active"));
    return new Caller(
        Caller.Credential.JWT,
        verified.subject(),
        Optional.of(tenant.id()),
        Optional.of(tenant.kind()),
        person.isPresent() ? asPerson(only(verified.realmRoles(), Roles.CLUB_REALM)) : Set.of(),
        person);
  }

  /**
   * The platform realm's machine client (the operator's API access): it may hold only the
   * operator's role, and it belongs to no partner.
   */
  private static Caller serviceAccount(VerifiedToken verified) {
    Set<String> roles = new HashSet<>(only(verified.realmRoles(), Roles.PLATFORM_REALM));
    roles.retainAll(Set.of(Roles.PLATFORM_OPERATOR));
    return new Caller(
        Caller.Credential.SERVICE_ACCOUNT,
        verified.subject(),
        Optional.empty(),
        Optional.empty(),
        Set.copyOf(roles),
        Optional.empty());
  }

  /**
   * A login of the platform realm: an operator (no organization), or a partner's staff — a member
   * of the partner's organization, whose partner roles hold for that partner only. An organization
   * member is never an operator, and partner roles without an organization grant nothing. A login
   * whose address is not verified holds nothing.
   */
  private Caller platformCaller(VerifiedToken verified, Optional<VerifiedPerson> person) {
    Set<String> partnerOrganizations = new HashSet<>();
    for (String alias : verified.organizations()) {
      Tenant.partnerOfOrganization(alias).ifPresent(slug -> partnerOrganizations.add(alias));
    }
    if (partnerOrganizations.isEmpty()) {
      Set<String> roles = new HashSet<>(only(verified.realmRoles(), Roles.PLATFORM_REALM));
      roles.retainAll(Set.of(Roles.PLATFORM_OPERATOR));
      return new Caller(
          Caller.Credential.JWT,
          verified.subject(),
          Optional.empty(),
          Optional.empty(),
          person.isPresent() ? asPerson(roles) : Set.of(),
          person);
    }
    if (partnerOrganizations.size() > 1) {
      throw new AmbiguousOrganization();
    }
    Slug slug = Tenant.partnerOfOrganization(partnerOrganizations.iterator().next()).orElseThrow();
    Tenant partner =
        tenants
            .find(TenantKind.PARTNER, slug)
            .map(CallerAuthentication::unlessSuspended)
            .filter(Tenant::isActive)
            .orElseThrow(() -> new InvalidCredential("The login's partner is not active"));
    return new Caller(
        Caller.Credential.JWT,
        verified.subject(),
        Optional.of(partner.id()),
        Optional.of(partner.kind()),
        person.isPresent() ? asPerson(Roles.partnerStaff(verified.realmRoles())) : Set.of(),
        person);
  }

  /** A verified person's roles: the realm's, plus {@code person} (signed in, address proven). */
  private static Set<String> asPerson(Set<String> roles) {
    Set<String> out = new HashSet<>(roles);
    out.add(Roles.PERSON);
    return Set.copyOf(out);
  }

  // A suspended tenant's credentials are genuine: say why they are refused (403), not 401.
  private static Tenant unlessSuspended(Tenant tenant) {
    if (tenant.isSuspended()) {
      throw new TenantSuspended(tenant);
    }
    return tenant;
  }

  // A realm can only grant the roles of its kind: a club realm can never mint an operator.
  private static Set<String> only(Set<String> granted, Set<String> allowed) {
    Set<String> roles = new HashSet<>(granted);
    roles.retainAll(allowed);
    return Set.copyOf(roles);
  }
}
