package club.bloom.access.api;

import club.bloom.access.application.ApiKeyIssuing.IssuedKey;
import club.bloom.access.application.ApiKeyManagement;
import club.bloom.access.application.ApiKeyManagement.NewKey;
import club.bloom.access.application.ApiKeyManagement.Rotation;
import club.bloom.access.domain.ApiKey;
import club.bloom.access.domain.ApiKeyMode;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** The contract's API key shapes, shared by the club's and the partner's key endpoints. */
public final class ApiKeyDtos {
  private ApiKeyDtos() {}

  /** The contract's {@code NewApiKey}. */
  public record NewApiKeyDto(String mode, String label, List<String> scopes) {
    NewKey toCommand() {
      FieldChecks checks = new FieldChecks();
      ApiKeyMode mode = null;
      if (mode() == null || !(mode().equals("test") || mode().equals("live"))) {
        checks.fail("mode", "must be 'test' or 'live'");
      } else {
        mode = ApiKeyMode.of(mode());
      }
      if (scopes() == null || scopes().isEmpty()) {
        checks.fail("scopes", "must list at least one scope");
      } else if (scopes().stream().anyMatch(java.util.Objects::isNull)) {
        checks.fail("scopes", "must not contain null");
      }
      if (label() != null && label().length() > 80) {
        checks.fail("label", "must be at most 80 characters");
      }
      checks.throwIfAny();
      return new NewKey(mode, label(), List.copyOf(scopes()));
    }

    static NewKey parse(NewApiKeyDto body) {
      if (body == null) {
        throw InvalidInput.of("body", "is required");
      }
      return body.toCommand();
    }
  }

  /** The contract's {@code ApiKeyRotationRequest}; absent: the default overlap. */
  public record RotationRequestDto(Integer overlapHours) {
    static Duration overlap(RotationRequestDto body) {
      if (body == null || body.overlapHours() == null) {
        return ApiKeyManagement.DEFAULT_OVERLAP;
      }
      long max = ApiKeyManagement.MAX_OVERLAP.toHours();
      if (body.overlapHours() < 0 || body.overlapHours() > max) {
        throw InvalidInput.of("overlapHours", "must be between 0 and " + max + " hours");
      }
      return Duration.ofHours(body.overlapHours());
    }
  }

  /** The contract's {@code ApiKey}: never the secret nor its hash. */
  public record ApiKeyDto(
      UUID id,
      String prefix,
      String mode,
      String label,
      List<String> scopes,
      Instant createdAt,
      Instant expiresAt,
      UUID successor,
      Instant revokedAt,
      Instant lastUsedAt,
      String lastUsedIp,
      String status) {
    static ApiKeyDto of(ApiKey k, Instant now) {
      return new ApiKeyDto(
          k.id(),
          k.prefix(),
          k.mode().token(),
          k.label().orElse(null),
          List.copyOf(new TreeSet<>(k.scopes())),
          k.createdAt(),
          k.expiresAt().orElse(null),
          k.successor().orElse(null),
          k.revokedAt().orElse(null),
          k.lastUsedAt().orElse(null),
          k.lastUsedIp().orElse(null),
          k.isRevoked()
              ? "revoked"
              : k.isExpiredAt(now) ? "expired" : k.successor().isPresent() ? "rotating" : "active");
    }
  }

  /** The contract's {@code IssuedApiKey}: the secret, shown this once. */
  public record IssuedApiKeyDto(
      UUID id, String key, String prefix, String mode, String label, List<String> scopes) {
    static IssuedApiKeyDto of(IssuedKey issued) {
      return new IssuedApiKeyDto(
          issued.key().id(),
          issued.secret().value(),
          issued.key().prefix(),
          issued.key().mode().token(),
          issued.key().label().orElse(null),
          List.copyOf(new TreeSet<>(issued.key().scopes())));
    }
  }

  /** The contract's {@code ApiKeyRotation}. */
  public record RotationDto(ApiKeyDto rotated, IssuedApiKeyDto successor) {
    static RotationDto of(Rotation r, Instant now) {
      return new RotationDto(ApiKeyDto.of(r.rotated(), now), IssuedApiKeyDto.of(r.successor()));
    }
  }

  static UUID id(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("id", "must be a key id (a UUID)");
    }
  }
}
