package club.bloom.access.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {
  private static final String DEMO_KEY = "bk_test_DemoFloraStudio2026BloomCare000120UKhr";

  @Test
  void theDemoPartnersKeyIsWellFormed() {
    ApiKeySecret secret = ApiKeySecret.parse(DEMO_KEY).orElseThrow();

    assertEquals(DEMO_KEY, secret.value());
    assertEquals(ApiKeyMode.TEST, secret.mode());
    assertEquals("bk_test_DemoFl", secret.prefix());
  }

  @ParameterizedTest
  @EnumSource(ApiKeyMode.class)
  void aGeneratedKeyCarriesItsModeAndParsesBack(ApiKeyMode mode) {
    ApiKeySecret secret = ApiKeySecret.generate(mode);

    assertTrue(
        Pattern.matches("bk_" + mode.token() + "_[0-9A-Za-z]{38}", secret.value()), secret.value());
    assertEquals(mode, secret.mode());
    assertEquals(Optional.of(secret), ApiKeySecret.parse(secret.value()));
    assertEquals(secret.value().substring(0, 14), secret.prefix());
  }

  @Test
  void twoGeneratedKeysDiffer() {
    assertNotEquals(ApiKeySecret.generate(ApiKeyMode.LIVE), ApiKeySecret.generate(ApiKeyMode.LIVE));
  }

  @Test
  void theSecretIsNeverPrintedWhole() {
    ApiKeySecret secret = new ApiKeySecret(DEMO_KEY);

    assertEquals("bk_test_DemoFl…", secret.toString());
    assertFalse(secret.toString().contains("BloomCare"));
  }

  @Test
  void aWrongChecksumIsRejected() {
    assertEquals(
        Optional.empty(), ApiKeySecret.parse("bk_test_DemoFloraStudio2026BloomCare000120UKhs"));
  }

  @Test
  void aTypoInTheBodyIsRejected() {
    assertEquals(
        Optional.empty(), ApiKeySecret.parse("bk_test_DemoFloraStudio2026BloomCare000220UKhr"));
  }

  @Test
  void aTestKeyCannotBePassedOffAsALiveOne() {
    assertEquals(
        Optional.empty(), ApiKeySecret.parse("bk_live_DemoFloraStudio2026BloomCare000120UKhr"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "bk_test_DemoFloraStudio2026BloomCare000120UKh",
        "bk_test_DemoFloraStudio2026BloomCare000120UKhrr",
        "bk_test_DemoFloraStudio2026BloomCare0001",
        "bk_prod_DemoFloraStudio2026BloomCare000120UKhr",
        "bk_TEST_DemoFloraStudio2026BloomCare000120UKhr",
        "BK_test_DemoFloraStudio2026BloomCare000120UKhr",
        "bk_test_DemoFloraStudio2026BloomCare-00120UKhr",
        " bk_test_DemoFloraStudio2026BloomCare000120UKhr",
        "bk_test_DemoFloraStudio2026BloomCare000120UKhr\n"
      })
  void malformedTextIsNotAKey(String text) {
    assertEquals(Optional.empty(), ApiKeySecret.parse(text));
  }

  @Test
  void theConstructorRejectsAMalformedKey() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ApiKeySecret("bk_test_DemoFloraStudio2026BloomCare000120UKhs"));
  }
}
