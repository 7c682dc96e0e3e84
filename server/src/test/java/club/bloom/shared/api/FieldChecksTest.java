package club.bloom.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldChecksTest {
  private final FieldChecks checks = new FieldChecks();

  private List<FieldProblem> problems() {
    return assertThrows(InvalidInput.class, checks::throwIfAny).fields();
  }

  @Test
  void aValidRequestPassesAndYieldsItsValues() {
    assertEquals("Anna", checks.required("firstName", "  Anna ", 40));
    assertEquals(Money.rub("1999.99"), checks.positiveMoney("amount", "1999.99", "RUB"));
    assertEquals(
        OffsetDateTime.parse("2026-11-24T10:15:00+03:00"),
        checks.dateTime("purchasedAt", "2026-11-24T10:15:00+03:00"));
    assertEquals(LocalDate.of(1990, 3, 8), checks.optionalDate("birthDate", "1990-03-08"));
    assertNull(checks.optionalDate("birthDate", null));
    assertEquals("abc", checks.present("x", "abc"));

    checks.throwIfAny();
  }

  @Test
  void everyProblemIsCollectedAndNamesItsField() {
    checks.required("receiptNumber", null, 64);
    checks.positiveMoney("amount", "12.345", "rub");
    checks.dateTime("purchasedAt", "yesterday");
    checks.optionalDate("birthDate", "08.03.1990");
    checks.present("categories", null);
    checks.matches(
        "passport", "nope", Pattern.compile("^[0-9A-Z-]{14}$"), "is not a passport code");
    checks.fail("member", "is not enrolled");

    InvalidInput e = assertThrows(InvalidInput.class, checks::throwIfAny);

    assertEquals(
        List.of(
            "receiptNumber",
            "amount.amount",
            "amount.currency",
            "purchasedAt",
            "birthDate",
            "categories",
            "passport",
            "member"),
        e.fields().stream().map(FieldProblem::field).toList());
    assertEquals("8 fields are invalid", e.getMessage());
  }

  @Test
  void aSingleProblemIsTheDetail() {
    checks.required("receiptNumber", " ", 64);

    InvalidInput e = assertThrows(InvalidInput.class, checks::throwIfAny);

    assertEquals("receiptNumber: is required", e.getMessage());
  }

  @Test
  void aTooLongValueIsRejectedWithItsLimit() {
    assertNull(checks.required("receiptNumber", "x".repeat(65), 64));

    assertEquals(
        List.of(new FieldProblem("receiptNumber", "must be at most 64 characters")), problems());
  }

  @ParameterizedTest
  @CsvSource({
    "0,        must be greater than 0",
    "0.00,     must be greater than 0",
    "-5.00,    must be greater than 0",
    "1.234,    must be a decimal with at most 2 fraction digits",
    "1e3,      must be a decimal with at most 2 fraction digits",
    "'1 000',  must be a decimal with at most 2 fraction digits",
    "1234567890123, must be a decimal with at most 2 fraction digits"
  })
  void anAmountMustBeAPositiveDecimalWithKopecksAtMost(String amount, String reason) {
    assertNull(checks.positiveMoney("amount", amount, "RUB"));

    assertEquals(List.of(new FieldProblem("amount.amount", reason)), problems());
  }

  @ParameterizedTest
  @CsvSource({
    "USD, only RUB is supported",
    "rub, must be an ISO 4217 code such as RUB",
    "RUBL, must be an ISO 4217 code such as RUB"
  })
  void onlyRublesAreAccepted(String currency, String reason) {
    assertNull(checks.positiveMoney("amount", "10.00", currency));

    assertEquals(List.of(new FieldProblem("amount.currency", reason)), problems());
  }

  @Test
  void amountAndCurrencyAreBothRequired() {
    assertNull(checks.positiveMoney("amount", null, null));

    assertEquals(
        List.of(
            new FieldProblem("amount.amount", "is required"),
            new FieldProblem("amount.currency", "is required")),
        problems());
  }

  @Test
  void aDateTimeWithoutOffsetIsRejected() {
    assertNull(checks.dateTime("purchasedAt", "2026-11-24T10:15:00"));

    assertEquals("purchasedAt", problems().get(0).field());
  }

  @Test
  void aMissingDateTimeIsRequired() {
    assertNull(checks.dateTime("purchasedAt", null));

    assertEquals(List.of(new FieldProblem("purchasedAt", "is required")), problems());
  }
}
