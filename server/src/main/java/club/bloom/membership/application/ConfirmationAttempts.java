package club.bloom.membership.application;

import club.bloom.membership.domain.PassportTotp;
import club.bloom.membership.domain.PassportTotpRepository;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.membership.domain.RedemptionCode;
import club.bloom.membership.domain.RedemptionCode.Check;
import club.bloom.membership.domain.RedemptionCodeRepository;
import club.bloom.membership.domain.TotpCodes;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks what the cashier sent — the member's one-time code or the passport's TOTP — in a
 * transaction of its own ({@code REQUIRES_NEW}), so that a wrong code spends its attempt even
 * though the redemption that sent it rolls back, and a TOTP step once accepted stays used. The
 * member's rows are locked while they are checked: concurrent guesses for one member queue, and
 * five wrong ones are exactly five.
 *
 * <p>The TOTP is tried first (accepting it costs the one-time code nothing); then the one-time
 * code. A wrong candidate costs an attempt of each that could have accepted it. The verdict is the
 * one-time code's while it is current, else the TOTP's.
 *
 * <p>It answers with a verdict rather than an exception, so that the spent attempt commits; the
 * caller throws. The caller must hold no lock on these rows (it would wait for itself).
 */
@ApplicationScoped
public class ConfirmationAttempts {
  /** Sealed-secret purpose of the passport's TOTP key. */
  static final String TOTP_PURPOSE = "passport-totp";

  @Inject RedemptionCodeRepository codes;
  @Inject PassportTotpRepository totps;
  @Inject TotpCodes totpCodes;
  @Inject PersonalDataVault vault;

  /** The verdict on the candidate, or empty when the member has neither a code nor a TOTP. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Verdict> check(
      SchemaName club, UUID memberId, String candidate, byte[] candidateHash, Instant now) {
    Optional<RedemptionCode> oneTime = codes.lock(club, memberId);
    Optional<PassportTotp> totp = totps.lock(club, memberId);
    if (oneTime.isEmpty() && totp.isEmpty()) {
      return Optional.empty();
    }
    if (totp.isPresent()) {
      byte[] secret = vault.openSecret(club, memberId, TOTP_PURPOSE, totp.get().sealedSecret());
      if (totp.get().accepts(candidate, now, totpCodes, secret)) {
        return Optional.of(new Verdict(Check.ACCEPTED, PassportTotp.ATTEMPTS, true));
      }
    }
    Check codeCheck = oneTime.map(c -> c.check(candidateHash, now)).orElse(Check.EXPIRED);
    if (codeCheck == Check.ACCEPTED) {
      return Optional.of(new Verdict(Check.ACCEPTED, oneTime.get().attemptsLeft(), false));
    }
    Optional<Check> totpCheck = totp.map(PassportTotp::failed);
    if (oneTime.isPresent() && codeCheck != Check.EXPIRED) {
      return Optional.of(new Verdict(codeCheck, oneTime.get().attemptsLeft(), false));
    }
    if (totpCheck.isPresent()) {
      return Optional.of(new Verdict(totpCheck.get(), totp.get().attemptsLeft(), true));
    }
    return Optional.of(new Verdict(Check.EXPIRED, 0, false));
  }

  /** What the check found, the attempts left after it, and whether it was the TOTP's. */
  public record Verdict(Check check, int attemptsLeft, boolean byTotp) {}
}
