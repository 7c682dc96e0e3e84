package club.bloom.membership.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.membership.domain.ConfirmationCodeExpired;
import club.bloom.membership.domain.ConfirmationLocked;
import club.bloom.membership.domain.InvalidConfirmationCode;
import club.bloom.membership.domain.NoConfirmationCode;
import club.bloom.membership.domain.RedemptionCode;
import club.bloom.membership.domain.RedemptionCodeRepository;
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
  private final RedemptionConfirmation confirmation = new RedemptionConfirmation();

  @BeforeEach
  void wire() {
    ConfirmationAttempts attempts = new ConfirmationAttempts();
    attempts.codes = codes;
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
