package club.bloom.idempotency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.bloom.shared.domain.InvalidInput;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {
  @Test
  void aUuidIsAGoodKey() {
    String uuid = UUID.randomUUID().toString();

    assertEquals(uuid, new IdempotencyKey(uuid).value());
  }

  @Test
  void eightAndTwoHundredFiftyFiveCharactersAreTheLimits() {
    new IdempotencyKey("a".repeat(8));
    new IdempotencyKey("~".repeat(255));
    new IdempotencyKey("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    assertInvalid("a".repeat(7));
    assertInvalid("a".repeat(256));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\t\t\t\t\t\t\t"})
  void aMissingKeyIsReportedAsRequired(String value) {
    InvalidInput e = assertThrows(InvalidInput.class, () -> new IdempotencyKey(value));

    assertEquals("Idempotency-Key", e.fields().get(0).field());
    assertEquals("is required for this operation", e.fields().get(0).reason());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"order 2026-11-24", "заказ-2026-11-24", "order\u00a02026-11-24", "tab\tin-key"})
  void spacesControlCharactersAndNonAsciiAreRejected(String value) {
    assertInvalid(value);
  }

  private static void assertInvalid(String value) {
    InvalidInput e = assertThrows(InvalidInput.class, () -> new IdempotencyKey(value));
    assertEquals(1, e.fields().size());
    assertEquals(IdempotencyKey.HEADER, e.fields().get(0).field());
    assertEquals("Idempotency-Key", IdempotencyKey.HEADER);
  }
}
