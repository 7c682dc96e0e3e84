package club.bloom.idempotency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotentExecutionTest {
  /** A command shaped like the ones resources pass in. */
  public record RecordPurchase(String receiptNumber, String amount, List<String> categories) {}

  private static final RecordPurchase PURCHASE =
      new RecordPurchase("R-1001", "1999.99", List.of("florist", "home"));

  @Test
  void theHashIsAHexSha256() {
    assertTrue(IdempotentExecution.hash("record-purchase", PURCHASE).matches("[0-9a-f]{64}"));
  }

  @Test
  void theSameRequestHashesTheSameEveryTime() {
    assertEquals(
        IdempotentExecution.hash("record-purchase", PURCHASE),
        IdempotentExecution.hash(
            "record-purchase",
            new RecordPurchase("R-1001", "1999.99", List.of("florist", "home"))));
  }

  @Test
  void aDifferentBodyHashesDifferently() {
    String original = IdempotentExecution.hash("record-purchase", PURCHASE);

    assertNotEquals(
        original,
        IdempotentExecution.hash(
            "record-purchase",
            new RecordPurchase("R-1001", "1999.98", List.of("florist", "home"))));
    assertNotEquals(
        original,
        IdempotentExecution.hash(
            "record-purchase",
            new RecordPurchase("R-1001", "1999.99", List.of("home", "florist"))));
  }

  @Test
  void theSameBodyUnderAnotherOperationHashesDifferently() {
    assertNotEquals(
        IdempotentExecution.hash("record-purchase", PURCHASE),
        IdempotentExecution.hash("enrol-member", PURCHASE));
  }

  @Test
  void theOperationAndTheBodyCannotBleedIntoEachOther() {
    assertNotEquals(IdempotentExecution.hash("a", "\"b"), IdempotentExecution.hash("a\"", "b"));
  }
}
