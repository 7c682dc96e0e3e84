package club.bloom.membership.application;

import club.bloom.membership.domain.RedemptionCode;
import club.bloom.membership.domain.RedemptionCodeRepository;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a redemption code in a transaction of its own ({@code REQUIRES_NEW}), so that a wrong code
 * spends its attempt even though the redemption that sent it rolls back. The code's row is locked
 * while it is checked: concurrent guesses for one member queue, and five wrong ones are exactly
 * five.
 *
 * <p>It answers with a verdict rather than an exception, so that the spent attempt commits; the
 * caller throws. The caller must hold no lock on the code's row (it would wait for itself).
 */
@ApplicationScoped
public class ConfirmationAttempts {
  @Inject RedemptionCodeRepository codes;

  /** The verdict on the candidate, or empty when the member has no code. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Verdict> check(
      SchemaName club, UUID memberId, byte[] candidateHash, Instant now) {
    return codes
        .lock(club, memberId)
        .map(code -> new Verdict(code.check(candidateHash, now), code.attemptsLeft()));
  }

  /** What the check found, and the attempts left after it. */
  public record Verdict(RedemptionCode.Check check, int attemptsLeft) {}
}
