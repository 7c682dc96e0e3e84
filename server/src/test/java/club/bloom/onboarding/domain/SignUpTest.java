package club.bloom.onboarding.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.onboarding.domain.SignUp.Application;
import club.bloom.shared.domain.Conflict;
import club.bloom.tenancy.domain.TenantKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignUpTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  static SignUp partner() {
    return SignUp.apply(
        new Application(
            TenantKind.PARTNER,
            "flora",
            "Flora",
            "start",
            "ru",
            "Europe/Moscow",
            new byte[] {1, 2},
            "a***@flora.ru",
            new byte[] {3},
            new byte[] {4},
            "2026-11"),
        new byte[] {9},
        T0);
  }

  @Test
  void aNewSignUpAwaitsVerificationWithALinkForADay() {
    SignUp s = partner();
    assertEquals(SignUpStatus.AWAITING_VERIFICATION, s.status());
    assertEquals(T0.plus(Duration.ofHours(24)), s.tokenExpiresAt());
    assertTrue(s.nextStep().isEmpty(), "nothing is provisioned before verification");
    assertTrue(s.linkShowsProgress(T0.plus(Duration.ofHours(23))));
  }

  @Test
  void aRepeatedApplicationMailsANewLinkAMinuteApartAtMostFiveTimes() {
    SignUp s = partner();
    TooManySignUps soon =
        assertThrows(TooManySignUps.class, () -> s.resend(new byte[] {8}, T0.plusSeconds(10)));
    assertEquals("50", soon.headers().get("Retry-After"));
    Instant at = T0;
    for (int mail = 2; mail <= SignUp.MAX_MAILS; mail++) {
      at = at.plusSeconds(61);
      s.resend(new byte[] {(byte) mail}, at);
      assertArrayEquals(new byte[] {(byte) mail}, s.tokenHash());
    }
    Instant later = at.plusSeconds(61);
    assertThrows(TooManySignUps.class, () -> s.resend(new byte[] {42}, later));
  }

  @Test
  void verifyingStartsProvisioningOnceAndAnExpiredLinkIsGone() {
    SignUp s = partner();
    s.verify(T0.plusSeconds(5));
    assertEquals(SignUpStatus.PROVISIONING, s.status());
    assertEquals(Optional.of(SignUpStep.REGISTERED), s.nextStep());
    Conflict used = assertThrows(Conflict.class, () -> s.verify(T0.plusSeconds(6)));
    assertEquals("link-used", used.type());

    SignUp late = partner();
    assertThrows(LinkExpired.class, () -> late.verify(T0.plus(Duration.ofHours(24))));
  }

  @Test
  void stepsCompleteInOrderAndTheLastMakesItReadyAndForgetsTheAddress() {
    SignUp s = partner();
    s.verify(T0);
    assertThrows(IllegalStateException.class, () -> s.completed(SignUpStep.SCHEMA_MIGRATED, T0));
    s.failed(ProvisioningFailure.IDENTITY_PROVIDER_UNAVAILABLE, "ref-1", T0);
    assertEquals(1, s.attempts());
    assertEquals(Optional.of(ProvisioningFailure.IDENTITY_PROVIDER_UNAVAILABLE), s.lastError());
    assertEquals(Optional.of("ref-1"), s.lastErrorReference());
    for (SignUpStep step : SignUpStep.values()) {
      assertEquals(Optional.of(step), s.nextStep());
      s.completed(step, T0);
    }
    assertEquals(SignUpStatus.READY, s.status());
    assertTrue(s.lastError().isEmpty());
    assertTrue(s.lastErrorReference().isEmpty());
    assertTrue(s.adminEmailSealed().isEmpty());
    assertTrue(s.nextStep().isEmpty());
  }

  @Test
  void aReadyPartnersFirstKeyIsShownOnceAndNeverForAClubOrBeforeReady() {
    SignUp s = partner();
    Conflict early = assertThrows(Conflict.class, () -> s.showFirstKey(T0));
    assertEquals("not-ready", early.type());
    s.verify(T0);
    for (SignUpStep step : SignUpStep.values()) {
      s.completed(step, T0);
    }
    s.tenantRegistered(UUID.randomUUID());
    s.showFirstKey(T0);
    Conflict twice = assertThrows(Conflict.class, () -> s.showFirstKey(T0));
    assertEquals("key-already-shown", twice.type());
  }
}
