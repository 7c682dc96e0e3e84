package club.bloom.access.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import club.bloom.access.domain.TokenVerifier.VerifiedToken;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who holds a token, as far as rights go (ADR 0027). */
class TokenHolderTest {
  private static final Set<String> MACHINES = Set.of("bloom-ops");

  private static VerifiedToken token(String azp, boolean verified, String email) {
    return new VerifiedToken(
        "http://kc/realms/r",
        "sub",
        Set.of("platform-operator", "club-admin"),
        Set.of(),
        azp,
        verified,
        Optional.ofNullable(email),
        Optional.of("Anna"),
        Optional.empty());
  }

  @Test
  void aLoginWithAVerifiedAddressIsAPerson() {
    assertEquals(
        TokenHolder.PERSON,
        TokenHolder.of(token("bloom-portal", true, "anna@example.org"), false, MACHINES));
    assertEquals(
        TokenHolder.PERSON,
        TokenHolder.of(token("bloom-portal", true, "ops@example.org"), true, MACHINES));
  }

  @Test
  void aLoginWhoseAddressIsNotVerifiedIsAnUnverifiedPerson() {
    assertEquals(
        TokenHolder.UNVERIFIED_PERSON,
        TokenHolder.of(token("bloom-portal", false, "victim@example.org"), false, MACHINES));
    assertEquals(
        TokenHolder.UNVERIFIED_PERSON,
        TokenHolder.of(token("bloom-tests", false, "victim@example.org"), true, MACHINES));
  }

  @Test
  void aVerifiedClaimWithoutAnAddressProvesNothing() {
    assertEquals(
        TokenHolder.UNVERIFIED_PERSON,
        TokenHolder.of(token("bloom-portal", true, null), false, MACHINES));
    assertEquals(
        TokenHolder.UNVERIFIED_PERSON,
        TokenHolder.of(token("bloom-portal", true, "  "), false, MACHINES));
  }

  @Test
  void thePlatformRealmsMachineClientIsAServiceAccountThoughItsAddressIsUnverified() {
    assertEquals(
        TokenHolder.SERVICE_ACCOUNT,
        TokenHolder.of(token("bloom-ops", false, null), true, MACHINES));
  }

  @Test
  void aClientOfTheSameNameInAClubRealmIsNobodysMachine() {
    assertEquals(
        TokenHolder.UNVERIFIED_PERSON,
        TokenHolder.of(token("bloom-ops", false, null), false, MACHINES));
  }

  @Test
  void anUndeclaredClientOfThePlatformRealmIsNoMachine() {
    assertEquals(
        TokenHolder.UNVERIFIED_PERSON,
        TokenHolder.of(token("another-client", false, null), true, MACHINES));
    assertEquals(
        TokenHolder.UNVERIFIED_PERSON, TokenHolder.of(token(null, false, null), true, MACHINES));
  }
}
