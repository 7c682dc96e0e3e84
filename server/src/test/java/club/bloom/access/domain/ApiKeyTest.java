package club.bloom.access.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.tenancy.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private static final TenantId TENANT = new TenantId(UUID.randomUUID());

  private static ApiKey key(TenantId tenant, Instant at) {
    ApiKeySecret secret = ApiKeySecret.generate(ApiKeyMode.LIVE);
    return ApiKey.issue(tenant, secret, new byte[] {1, 2, 3}, "POS", Set.of("purchases:write"), at);
  }

  @Test
  void aNewKeyWorksWithoutEnd() {
    ApiKey key = key(TENANT, T0);

    assertTrue(key.isActiveAt(T0.plus(Duration.ofDays(3650))));
    assertEquals(Optional.empty(), key.expiresAt());
  }

  @Test
  void aRotatedKeyWorksUntilItsOverlapEndsThenIsRefusedAsExpired() {
    ApiKey old = key(TENANT, T0);
    ApiKey successor = key(TENANT, T0.plusSeconds(60));

    old.rotateTo(successor, T0.plusSeconds(60), Duration.ofHours(24));

    Instant end = T0.plusSeconds(60).plus(Duration.ofHours(24));
    assertEquals(Optional.of(end), old.expiresAt());
    assertEquals(Optional.of(successor.id()), old.successor());
    assertTrue(old.isActiveAt(end.minusMillis(1)));
    InvalidCredential refused = old.refusalAt(end).orElseThrow();
    assertEquals("api-key-expired", refused.type());
    assertTrue(refused.getMessage().contains("rotated, use its successor"), refused.getMessage());
    assertTrue(successor.isActiveAt(end.plus(Duration.ofDays(30))));
  }

  @Test
  void aRotationWithoutOverlapEndsTheOldKeyAtOnce() {
    ApiKey old = key(TENANT, T0);

    old.rotateTo(key(TENANT, T0), T0, Duration.ZERO);

    assertFalse(old.isActiveAt(T0));
  }

  @Test
  void aKeyIsRotatedOnlyOnce() {
    ApiKey old = key(TENANT, T0);
    old.rotateTo(key(TENANT, T0), T0, Duration.ofHours(1));

    KeyNotRotatable again =
        assertThrows(
            KeyNotRotatable.class, () -> old.rotateTo(key(TENANT, T0), T0, Duration.ofHours(1)));
    assertEquals("key-already-rotated", again.type());
  }

  @Test
  void aRevokedKeyCannotBeRotated() {
    ApiKey old = key(TENANT, T0);
    old.revoke(T0);

    KeyNotRotatable refused =
        assertThrows(
            KeyNotRotatable.class, () -> old.rotateTo(key(TENANT, T0), T0, Duration.ofHours(1)));
    assertEquals("key-revoked", refused.type());
  }

  @Test
  void aSuccessorBelongsToTheSameTenant() {
    ApiKey old = key(TENANT, T0);
    ApiKey foreign = key(new TenantId(UUID.randomUUID()), T0);

    assertThrows(
        IllegalArgumentException.class, () -> old.rotateTo(foreign, T0, Duration.ofHours(1)));
    assertEquals(Optional.empty(), old.successor());
  }

  @Test
  void revocationTakesEffectAtOnceAndIsIdempotent() {
    ApiKey key = key(TENANT, T0);

    key.revoke(T0.plusSeconds(5));
    key.revoke(T0.plusSeconds(50));

    assertEquals(Optional.of(T0.plusSeconds(5)), key.revokedAt(), "the first revocation stays");
    InvalidCredential refused = key.refusalAt(T0.plusSeconds(5)).orElseThrow();
    assertEquals("api-key-revoked", refused.type());
  }

  @Test
  void aRevokedRotatingKeyIsRefusedAsRevokedBeforeItsWindowEnds() {
    ApiKey old = key(TENANT, T0);
    old.rotateTo(key(TENANT, T0), T0, Duration.ofHours(24));

    old.revoke(T0.plusSeconds(10));

    assertEquals("api-key-revoked", old.refusalAt(T0.plusSeconds(10)).orElseThrow().type());
  }

  @Test
  void usesAreRecordedAtMostOnceAMinuteFromTheSameAddress() {
    ApiKey key = key(TENANT, T0);

    assertTrue(key.used(T0, "10.0.0.1"), "the first use");
    assertFalse(key.used(T0.plusSeconds(30), "10.0.0.1"), "within a minute, same address");
    assertEquals(Optional.of(T0), key.lastUsedAt());
    assertTrue(key.used(T0.plusSeconds(60), "10.0.0.1"), "a minute later");
    assertEquals(Optional.of(T0.plusSeconds(60)), key.lastUsedAt());
  }

  @Test
  void aUseFromAnotherAddressIsAlwaysRecorded() {
    ApiKey key = key(TENANT, T0);
    key.used(T0, "10.0.0.1");

    assertTrue(key.used(T0.plusSeconds(1), "10.0.0.2"));

    assertEquals(Optional.of("10.0.0.2"), key.lastUsedIp());
    assertEquals(Optional.of(T0.plusSeconds(1)), key.lastUsedAt());
  }

  @Test
  void aClubsKeyMayCarryOnlyImportsAndReports() {
    assertEquals(
        Set.of("imports:write", "reports:read"),
        Roles.apiKeyScopesOf(club.bloom.tenancy.domain.TenantKind.CLUB));
    assertTrue(
        Roles.apiKeyScopesOf(club.bloom.tenancy.domain.TenantKind.PARTNER)
            .containsAll(Set.of("purchases:write", "imports:write", "reports:read")));
    assertEquals("imports-write", Roles.forScope("imports:write"));
    assertEquals(Roles.REPORTS_READ, Roles.forScope("reports:read"));
  }
}
