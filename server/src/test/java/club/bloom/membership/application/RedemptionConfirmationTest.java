package club.bloom.membership.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.membership.domain.ConfirmationCodeExpired;
import club.bloom.membership.domain.ConfirmationLocked;
import club.bloom.membership.domain.InvalidConfirmationCode;
import club.bloom.membership.domain.NoConfirmationCode;
import club.bloom.membership.domain.PassportTotp;
import club.bloom.membership.domain.PassportTotpRepository;
import club.bloom.membership.domain.PersonalData;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.membership.domain.RedemptionCode;
import club.bloom.membership.domain.RedemptionCodeRepository;
import club.bloom.membership.domain.TotpCodes;
import club.bloom.membership.infrastructure.JavaOtpTotpCodes;
import club.bloom.tenancy.domain.SchemaName;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confirming a redemption with the member's code. The separate transaction of a spent attempt is
 * the container's business (RedemptionIT); here, what each code leads to.
 */
class RedemptionConfirmationTest {
  private static final SchemaName CLUB = new SchemaName("club_bloom_care");
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final UUID member = UUID.randomUUID();
  private final InMemoryCodes codes = new InMemoryCodes();
  private final InMemoryTotps totps = new InMemoryTotps();
  private final TotpCodes totpCodes = new JavaOtpTotpCodes();
  private final byte[] totpKey = totpCodes.newSecret();
  private final RedemptionConfirmation confirmation = new RedemptionConfirmation();

  @BeforeEach
  void wire() {
    ConfirmationAttempts attempts = new ConfirmationAttempts();
    attempts.codes = codes;
    attempts.totps = totps;
    attempts.totpCodes = totpCodes;
    attempts.vault = new SealingIsIdentity();
    confirmation.codes = codes;
    confirmation.attempts = attempts;
    confirmation.hasher =
        (club, memberId, code) ->
            (club + "/" + memberId + "/" + code).getBytes(StandardCharsets.UTF_8);
    at(T0);
    codes.replace(
        CLUB, RedemptionCode.issue(member, confirmation.hasher.hash(CLUB, member, "123456"), T0));
  }

  private void at(Instant now) {
    confirmation.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  @Test
  void theRightCodeConfirmsOnceAndIsConsumed() {
    confirmation.confirm(CLUB, member, "123456");

    assertTrue(codes.byMember.isEmpty());
    assertThrows(NoConfirmationCode.class, () -> confirmation.confirm(CLUB, member, "123456"));
  }

  @Test
  void aWrongCodeIsRefusedSpendsAnAttemptAndSaysHowManyAreLeft() {
    InvalidConfirmationCode wrong =
        assertThrows(
            InvalidConfirmationCode.class, () -> confirmation.confirm(CLUB, member, "654321"));

    assertEquals("invalid-confirmation-code", wrong.type());
    assertTrue(wrong.getMessage().contains("4 attempts left"), wrong.getMessage());
    assertEquals(4, codes.byMember.get(member).attemptsLeft());
    confirmation.confirm(CLUB, member, "123456");
  }

  @Test
  void afterFiveWrongCodesEvenTheRightOneIsLockedOut() {
    for (int i = 0; i < 5; i++) {
      assertThrows(
          InvalidConfirmationCode.class, () -> confirmation.confirm(CLUB, member, "000000"));
    }

    ConfirmationLocked locked =
        assertThrows(ConfirmationLocked.class, () -> confirmation.confirm(CLUB, member, "123456"));
    assertEquals("confirmation-locked", locked.type());
    assertEquals(1, codes.byMember.size(), "a locked code stays until the member asks anew");
  }

  @Test
  void aNewCodeReplacesTheOldOneWithFreshAttempts() {
    for (int i = 0; i < 5; i++) {
      assertThrows(
          InvalidConfirmationCode.class, () -> confirmation.confirm(CLUB, member, "000000"));
    }
    codes.replace(
        CLUB, RedemptionCode.issue(member, confirmation.hasher.hash(CLUB, member, "777777"), T0));

    assertThrows(InvalidConfirmationCode.class, () -> confirmation.confirm(CLUB, member, "123456"));
    confirmation.confirm(CLUB, member, "777777");
  }

  @Test
  void anExpiredCodeIsRefusedWithoutSpendingAnAttempt() {
    at(T0.plus(Duration.ofMinutes(5)));

    ConfirmationCodeExpired expired =
        assertThrows(
            ConfirmationCodeExpired.class, () -> confirmation.confirm(CLUB, member, "123456"));
    assertEquals("confirmation-code-expired", expired.type());
    assertEquals(5, codes.byMember.get(member).attemptsLeft());
  }

  @Test
  void aMemberWithoutACodeCannotConfirm() {
    UUID other = UUID.randomUUID();

    NoConfirmationCode none =
        assertThrows(NoConfirmationCode.class, () -> confirmation.confirm(CLUB, other, "123456"));
    assertEquals("no-confirmation-code", none.type());
  }

  @Test
  void aCodeUsedByAConcurrentRedemptionConfirmsNothing() {
    codes.stolen = true;

    assertThrows(NoConfirmationCode.class, () -> confirmation.confirm(CLUB, member, "123456"));
  }

  private String totpAt(Instant at) {
    for (int n = 0; n < 1_000_000; n++) {
      String candidate = String.format("%06d", n);
      if (totpCodes.matches(totpKey, totpCodes.step(at), candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no code");
  }

  private void turnOnTotp() {
    totps.replace(CLUB, PassportTotp.enrol(member, totpKey, T0));
  }

  @Test
  void thePassportsTotpConfirmsEachCodeOnceAndLeavesTheOneTimeCodeAlone() {
    turnOnTotp();
    Instant now = T0.plusSeconds(95);
    at(now);
    String code = totpAt(now);

    confirmation.confirm(CLUB, member, code);

    assertEquals(RedemptionCode.ATTEMPTS, codes.byMember.get(member).attemptsLeft());
    assertThrows(InvalidConfirmationCode.class, () -> confirmation.confirm(CLUB, member, code));
    confirmation.confirm(CLUB, member, "123456"); // the one-time code still works
  }

  @Test
  void aTotpOneStepOldIsAcceptedForClockDriftButNotTwo() {
    turnOnTotp();
    Instant now = T0.plusSeconds(300);
    at(now);
    String twoStepsAgo = totpAt(now.minusSeconds(60));
    String oneStepAgo = totpAt(now.minusSeconds(30));

    if (!twoStepsAgo.equals(oneStepAgo) && !twoStepsAgo.equals(totpAt(now))) {
      assertThrows(
          InvalidConfirmationCode.class, () -> confirmation.confirm(CLUB, member, twoStepsAgo));
    }
    confirmation.confirm(CLUB, member, oneStepAgo);
  }

  @Test
  void fiveWrongCodesLockTheTotpUntilTheMemberTurnsItOnAgain() {
    codes.byMember.clear();
    turnOnTotp();
    at(T0.plusSeconds(1000));
    String right = totpAt(T0.plusSeconds(1000));
    String wrong = right.equals("000000") ? "000001" : "000000";
    for (int i = 1; i <= PassportTotp.ATTEMPTS; i++) {
      InvalidConfirmationCode e =
          assertThrows(
              InvalidConfirmationCode.class, () -> confirmation.confirm(CLUB, member, wrong));
      int left = PassportTotp.ATTEMPTS - i;
      assertTrue(
          left == 0
              ? e.getMessage().contains("no attempts left")
              : e.getMessage().contains(left + " attempt"),
          e.getMessage());
    }
    assertThrows(ConfirmationLocked.class, () -> confirmation.confirm(CLUB, member, right));

    turnOnTotp();
    confirmation.confirm(CLUB, member, right);
  }

  @Test
  void aWrongCodeCostsAnAttemptOfBothTheOneTimeCodeAndTheTotp() {
    turnOnTotp();
    at(T0.plusSeconds(60));
    String wrong = "123456".equals(totpAt(T0.plusSeconds(60))) ? "654321" : "000000";
    if (totpCodes.matches(totpKey, totpCodes.step(T0.plusSeconds(60)) - 1, wrong)
        || totpCodes.matches(totpKey, totpCodes.step(T0.plusSeconds(60)) + 1, wrong)) {
      return; // the random key made the "wrong" code right: nothing to show
    }

    assertThrows(InvalidConfirmationCode.class, () -> confirmation.confirm(CLUB, member, wrong));

    assertEquals(RedemptionCode.ATTEMPTS - 1, codes.byMember.get(member).attemptsLeft());
    assertEquals(PassportTotp.ATTEMPTS - 1, totps.byMember.get(member).attemptsLeft());
  }

  /** TOTP keys of one club. */
  private static final class InMemoryTotps implements PassportTotpRepository {
    final Map<UUID, PassportTotp> byMember = new HashMap<>();

    @Override
    public Optional<PassportTotp> lock(SchemaName club, UUID memberId) {
      return Optional.ofNullable(byMember.get(memberId));
    }

    @Override
    public Optional<PassportTotp> find(SchemaName club, UUID memberId) {
      return lock(club, memberId);
    }

    @Override
    public void replace(SchemaName club, PassportTotp totp) {
      byMember.put(totp.memberId(), totp);
    }

    @Override
    public boolean remove(SchemaName club, UUID memberId) {
      return byMember.remove(memberId) != null;
    }
  }

  /** The real vault needs the club's data key; sealing is not what these tests are about. */
  private static final class SealingIsIdentity implements PersonalDataVault {
    @Override
    public byte[] seal(SchemaName club, UUID memberId, PersonalData data) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PersonalData open(SchemaName club, UUID memberId, byte[] sealed) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] sealSecret(SchemaName club, UUID memberId, String purpose, byte[] secret) {
      return secret.clone();
    }

    @Override
    public byte[] openSecret(SchemaName club, UUID memberId, String purpose, byte[] sealed) {
      return sealed.clone();
    }

    @Override
    public byte[] phoneIndex(SchemaName club, String normalizedPhone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] emailIndex(SchemaName club, String normalizedEmail) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] fingerprint(SchemaName club, PersonalData data) {
      throw new UnsupportedOperationException();
    }
  }

  /** Codes of one club; {@code stolen} makes consuming lose the race to another redemption. */
  private static final class InMemoryCodes implements RedemptionCodeRepository {
    final Map<UUID, RedemptionCode> byMember = new HashMap<>();
    boolean stolen;

    @Override
    public Optional<RedemptionCode> lock(SchemaName club, UUID memberId) {
      return Optional.ofNullable(byMember.get(memberId));
    }

    @Override
    public void replace(SchemaName club, RedemptionCode code) {
      byMember.put(code.memberId(), code);
    }

    @Override
    public boolean consume(SchemaName club, UUID memberId, byte[] codeHash) {
      RedemptionCode code = byMember.get(memberId);
      if (stolen || code == null || !Arrays.equals(code.codeHash(), codeHash)) {
        return false;
      }
      byMember.remove(memberId);
      return true;
    }
  }
}
