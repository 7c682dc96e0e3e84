package club.bloom.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+79161234567",
        "+7 916 123-45-67",
        "+7 (916) 123-45-67",
        "8 916 123-45-67",
        "89161234567",
        "9161234567",
        "  8(916)1234567 "
      })
  void russianNumbersAreReadInAnyCommonSpellingAsOneE164Number(String typed) {
    assertEquals(Optional.of(new PhoneNumber("+79161234567")), PhoneNumber.parse(typed));
  }

  @Test
  void aNumberWithAnotherCountryCodeKeepsItsCountry() {
    assertEquals("+4915112345678", PhoneNumber.parse("+49 1511 2345678").orElseThrow().e164());
    assertEquals("+375291234567", PhoneNumber.parse("+375 29 123-45-67").orElseThrow().e164());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "12345",
        "+7 916 123",
        "not a phone",
        "8 800 555",
        "+7 123 456-78-90",
        "+79161234567890123456789012345678901"
      })
  void whatIsNotAValidNumberIsRefused(String typed) {
    assertTrue(PhoneNumber.parse(typed).isEmpty(), typed);
  }

  @Test
  void theValueIsAlwaysE164() {
    assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("89161234567"));
    assertThrows(IllegalArgumentException.class, () -> new PhoneNumber(null));
  }

  @Test
  void theNumberNeverShowsInLogs() {
    assertEquals("PhoneNumber[redacted]", new PhoneNumber("+79161234567").toString());
  }
}
