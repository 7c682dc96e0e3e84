package club.bloom.access.application;

import club.bloom.access.application.ApiKeyIssuing.IssueApiKey;
import club.bloom.access.application.ApiKeyIssuing.IssuedKey;
import club.bloom.access.domain.ApiKey;
import club.bloom.access.domain.ApiKeyMode;
import club.bloom.access.domain.ApiKeyRepository;
import club.bloom.access.domain.Roles;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A tenant's own admins manage the tenant's API keys: issue (the secret is shown once), list (never
 * the secret or its hash), rotate with an overlap window, revoke at once. The tenant is the one the
 * edge resolved for the caller; a key of another tenant is not found.
 */
@ApplicationScoped
public class ApiKeyManagement {
  /** The overlap of a rotation when none is asked for. */
  public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

  /** The longest overlap a rotation may ask for. */
  public static final Duration MAX_OVERLAP = Duration.ofDays(7);

  @Inject ApiKeyRepository keys;
  @Inject ApiKeyIssuing issuing;
  @Inject Clock clock;

  @Transactional
  public List<ApiKey> list(Tenant tenant) {
    return keys.ofTenant(tenant.id());
  }

  @Transactional
  public IssuedKey create(Tenant tenant, NewKey command) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> allowed = Roles.apiKeyScopesOf(tenant.kind());
    for (int i = 0; i < command.scopes().size(); i++) {
      String scope = command.scopes().get(i);
      if (!allowed.contains(scope)) {
        problems.add(
            new FieldProblem(
                "scopes[" + i + "]",
                "a "
                    + (tenant.kind() == club.bloom.tenancy.domain.TenantKind.CLUB
                        ? "club"
                        : "partner")
                    + "'s key may carry only "
                    + String.join(", ", new TreeSet<>(allowed))));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return issuing.issue(
        new IssueApiKey(
            tenant.id(),
            command.mode(),
            command.label(),
            Set.copyOf(command.scopes()),
            Optional.empty()));
  }

  /**
   * Issues a successor with the same label, mode and scopes; the rotated key keeps working for
   * {@code overlap}, then is refused as expired. A revoked, expired or already rotated key: 409.
   */
  @Transactional
  public Rotation rotate(Tenant tenant, UUID id, Duration overlap) {
    if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
      throw InvalidInput.of(
          "overlapHours", "must be between 0 and " + MAX_OVERLAP.toHours() + " hours");
    }
    ApiKey old = keys.lock(tenant.id(), id).orElseThrow(() -> unknownKey(id));
    Instant now = clock.instant();
    // Prepared, not stored: a refused rotation (409) issues nothing.
    IssuedKey successor =
        issuing.prepare(tenant.id(), old.mode(), old.label().orElse(null), old.scopes());
    old.rotateTo(successor.key(), now, overlap);
    keys.add(successor.key());
    return new Rotation(old, successor);
  }

  /** Revokes the key at once; revoking it again changes nothing. */
  @Transactional
  public ApiKey revoke(Tenant tenant, UUID id) {
    ApiKey key = keys.lock(tenant.id(), id).orElseThrow(() -> unknownKey(id));
    key.revoke(clock.instant());
    return key;
  }

  private static NotFound unknownKey(UUID id) {
    return new NotFound("unknown-api-key", "Unknown API key", "No API key " + id + " here");
  }

  /** Command: a new key of the tenant. */
  public record NewKey(ApiKeyMode mode, String label, List<String> scopes) {}

  /** The rotated key (now expiring) and its successor with its secret (to show once). */
  public record Rotation(ApiKey rotated, IssuedKey successor) {}
}
