package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.membership.domain.ConfirmationCodeExpired;
import club.bloom.membership.domain.ConfirmationLocked;
import club.bloom.membership.domain.InvalidConfirmationCode;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.NoConfirmationCode;
import club.bloom.membership.domain.RedemptionCode;
import club.bloom.membership.domain.RedemptionCodeHasher;
import club.bloom.membership.domain.RedemptionCodeRepository;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The member's confirmation of a redemption: a one-time six-digit code the signed-in member asks
 * for in the cabinet and tells the cashier, valid five minutes and five attempts, consumed by the
 * redemption it confirms. Only its keyed hash is stored.
 *
 * <p>The code is shown in the cabinet only. Sending it by e-mail (the issue's other channel) waits
 * for outgoing mail, which Bloom does not have yet; TOTP from the passport is not built either.
 */
@ApplicationScoped
public class RedemptionConfirmation {
  private static final int CODE_SPACE = 1_000_000;

  @Inject TenantRegistry tenants;
  @Inject MemberRepository members;
  @Inject RedemptionCodeRepository codes;
  @Inject RedemptionCodeHasher hasher;
  @Inject ConfirmationAttempts attempts;
  @Inject MemberConsents consents;
  @Inject Clock clock;

  private final SecureRandom random = new SecureRandom();

  /**
   * A new code for the signed-in member; it replaces any previous one. Refused (403) until the
   * member has accepted the club's current terms.
   */
  @Transactional
  public IssuedCode requestCode(Caller caller) {
    Tenant club =
        caller
            .tenant()
            .flatMap(tenants::find)
            .orElseThrow(() -> new NotFound("no-membership", "No membership", "Not a club member"));
    Member member =
        members
            .findBySubject(club.schema(), caller.subject())
            .orElseThrow(
                () ->
                    new NotFound(
                        "no-membership",
                        "No membership",
                        "This login has no member profile in " + club.name()));
    consents.requireAccepted(club.schema(), member.id());
    String code = String.format(Locale.ROOT, "%06d", random.nextInt(CODE_SPACE));
    RedemptionCode issued =
        RedemptionCode.issue(
            member.id(), hasher.hash(club.schema(), member.id(), code), clock.instant());
    codes.replace(club.schema(), issued);
    return new IssuedCode(code, issued.expiresAt());
  }

  /**
   * Confirms a redemption with the code the cashier sent, inside the redemption's transaction: the
   * code is consumed with it (and restored if it rolls back). A wrong code spends an attempt in a
   * transaction of its own, which stays spent whatever happens to the redemption.
   *
   * <p>Call it before locking anything of the member (see {@link ConfirmationAttempts}).
   *
   * @throws InvalidConfirmationCode the code does not match (422)
   * @throws ConfirmationCodeExpired the code is older than five minutes (422)
   * @throws ConfirmationLocked five wrong codes were sent (422)
   * @throws NoConfirmationCode the member has no code, or it was just used (422)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void confirm(SchemaName club, UUID memberId, String code) {
    Instant now = clock.instant();
    byte[] candidate = hasher.hash(club, memberId, code);
    ConfirmationAttempts.Verdict verdict =
        attempts.check(club, memberId, candidate, now).orElseThrow(NoConfirmationCode::new);
    switch (verdict.check()) {
      case ACCEPTED -> {
        if (!codes.consume(club, memberId, candidate)) {
          throw new NoConfirmationCode();
        }
      }
      case WRONG -> throw new InvalidConfirmationCode(verdict.attemptsLeft());
      case EXPIRED -> throw new ConfirmationCodeExpired();
      case LOCKED -> throw new ConfirmationLocked();
    }
  }

  /** A code to show the member, and until when it is valid. */
  public record IssuedCode(String code, Instant expiresAt) {}
}
