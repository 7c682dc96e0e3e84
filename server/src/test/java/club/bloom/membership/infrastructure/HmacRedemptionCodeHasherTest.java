package club.bloom.membership.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacRedemptionCodeHasherTest {
  private static final SecretKey CLUB_A = key(1);
  private static final SecretKey CLUB_B = key(2);
  private final UUID member = UUID.randomUUID();

  private static SecretKey key(int seed) {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) seed);
    return new SecretKeySpec(raw, "AES");
  }

  @Test
  void theSameCodeOfTheSameMemberHashesTheSame() {
    assertArrayEquals(
        HmacRedemptionCodeHasher.hash(CLUB_A, member, "123456"),
        HmacRedemptionCodeHasher.hash(CLUB_A, member, "123456"));
  }

  @Test
  void theHashDependsOnTheCodeTheMemberAndTheClubsKey() {
    byte[] hash = HmacRedemptionCodeHasher.hash(CLUB_A, member, "123456");

    assertFalse(Arrays.equals(hash, HmacRedemptionCodeHasher.hash(CLUB_A, member, "123457")));
    assertFalse(
        Arrays.equals(hash, HmacRedemptionCodeHasher.hash(CLUB_A, UUID.randomUUID(), "123456")));
    assertFalse(Arrays.equals(hash, HmacRedemptionCodeHasher.hash(CLUB_B, member, "123456")));
  }

  @Test
  void theHashIsAFullHmacAndHoldsNoTraceOfTheCode() {
    byte[] hash = HmacRedemptionCodeHasher.hash(CLUB_A, member, "123456");

    assertEquals(32, hash.length);
    assertFalse(
        new String(hash, StandardCharsets.ISO_8859_1).contains("123456"), "the code in clear");
  }
}
