package club.bloom.membership.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacRegistrationLinksTest {
  private static final SecretKey CLUB_A = key(1);
  private static final SecretKey CLUB_B = key(2);
  private final UUID registration = UUID.randomUUID();

  private static SecretKey key(int seed) {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) seed);
    return new SecretKeySpec(raw, "AES");
  }

  @Test
  void aRegistrationAlwaysGivesTheSameTokenSoARetryShowsTheSameLink() {
    assertEquals(
        HmacRegistrationLinks.token(CLUB_A, registration),
        HmacRegistrationLinks.token(CLUB_A, registration));
  }

  @Test
  void tokensAre256BitsInUrlSafeBase64() {
    String token = HmacRegistrationLinks.token(CLUB_A, registration);
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
  }

  @Test
  void anotherRegistrationOrClubGivesAnotherToken() {
    String token = HmacRegistrationLinks.token(CLUB_A, registration);
    assertNotEquals(token, HmacRegistrationLinks.token(CLUB_A, UUID.randomUUID()));
    assertNotEquals(token, HmacRegistrationLinks.token(CLUB_B, registration));
  }

  @Test
  void theStoredHashIsTheSha256OfTheToken() throws Exception {
    String token = HmacRegistrationLinks.token(CLUB_A, registration);
    assertArrayEquals(
        java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes()),
        new HmacRegistrationLinks().hash(token));
  }
}
