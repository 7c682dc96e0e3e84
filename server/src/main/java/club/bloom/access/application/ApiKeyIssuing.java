package club.bloom.access.application;

import club.bloom.access.domain.ApiKey;
import club.bloom.access.domain.ApiKeyMode;
import club.bloom.access.domain.ApiKeyRepository;
import club.bloom.access.domain.ApiKeySecret;
import club.bloom.access.domain.SecretHasher;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues API keys. The secret is returned once and only its peppered hash is stored. */
@ApplicationScoped
public class ApiKeyIssuing {
  @Inject ApiKeyRepository keys;
  @Inject SecretHasher hasher;
  @Inject Clock clock;

  /**
   * Development installations may register a supplied {@code bk_test_} secret so that demo
   * credentials are fixed and documented (ADR 0006). Off unless configured.
   */
  @Inject
  @ConfigProperty(name = "bloom.api-keys.accept-supplied-test-secrets", defaultValue = "false")
  boolean acceptSuppliedTestSecrets;

  @Transactional
  public IssuedKey issue(IssueApiKey command) {
    ApiKeySecret secret =
        command
            .suppliedSecret()
            .map(s -> supplied(s, command.mode()))
            .orElseGet(() -> ApiKeySecret.generate(command.mode()));
    byte[] hash = hasher.hash(secret);
    Optional<ApiKey> existing = keys.findBySecretHash(hash);
    if (existing.isPresent()) {
      if (!existing.get().tenant().equals(command.tenant())) {
        throw InvalidInput.of("secret", "is already in use");
      }
      return new IssuedKey(existing.get(), secret);
    }
    ApiKey key =
        ApiKey.issue(
            command.tenant(), secret, hash, command.label(), command.scopes(), clock.instant());
    keys.add(key);
    return new IssuedKey(key, secret);
  }

  /**
   * A new key with a generated secret, not yet stored: the caller adds it in the same transaction
   * (a rotation links it to its predecessor first).
   */
  public IssuedKey prepare(TenantId tenant, ApiKeyMode mode, String label, Set<String> scopes) {
    ApiKeySecret secret = ApiKeySecret.generate(mode);
    return new IssuedKey(
        ApiKey.issue(tenant, secret, hasher.hash(secret), label, scopes, clock.instant()), secret);
  }

  private ApiKeySecret supplied(String text, ApiKeyMode mode) {
    if (!acceptSuppliedTestSecrets) {
      throw InvalidInput.of("secret", "supplied secrets are not accepted by this installation");
    }
    if (mode != ApiKeyMode.TEST) {
      throw InvalidInput.of("secret", "only test keys may be supplied");
    }
    return ApiKeySecret.parse(text)
        .filter(s -> s.mode() == ApiKeyMode.TEST)
        .orElseThrow(
            () ->
                InvalidInput.of("secret", "must be a well-formed bk_test_ key with its checksum"));
  }

  /** Command: issue a key for a tenant. */
  public record IssueApiKey(
      TenantId tenant,
      ApiKeyMode mode,
      String label,
      Set<String> scopes,
      Optional<String> suppliedSecret) {}

  /** The issued key and its secret (to show once). */
  public record IssuedKey(ApiKey key, ApiKeySecret secret) {}
}
