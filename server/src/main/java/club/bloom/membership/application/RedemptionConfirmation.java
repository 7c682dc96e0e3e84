package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.membership.domain.ConfirmationCodeExpired;
import club.bloom.membership.domain.ConfirmationLocked;
import club.bloom.membership.domain.InvalidConfirmationCode;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.NoConfirmationCode;
import club.bloom.membership.domain.PassportTotp;
import club.bloom.membership.domain.PassportTotpRepository;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.membership.domain.RedemptionCode;
import club.bloom.membership.domain.RedemptionCodeHasher;
import club.bloom.membership.domain.RedemptionCodeRepository;
import club.bloom.membership.domain.TotpCodes;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The member's confirmation of a redemption: a one-time six-digit code the signed-in member asks
 * for in the cabinet and tells the cashier, valid five minutes and five attempts, consumed by the
 * redemption it confirms. Only its keyed hash is stored.
 *
 * <p>The code is shown in the cabinet, or sent to the member's e-mail instead (then the answer
 * carries only the masked address): the mail goes after the code's transaction commits. A member
 * who turned on the passport's TOTP may confirm with its current code instead ({@link
 * PassportTotp}).
 */
@ApplicationScoped
public class RedemptionConfirmation {
  private static final int CODE_SPACE = 1_000_000;

  @Inject SignedInMember signedInMember;
  @Inject RedemptionCodeRepository codes;
  @Inject RedemptionCodeHasher hasher;
  @Inject ConfirmationAttempts attempts;
  @Inject MemberConsents consents;
  @Inject Clock clock;
  @Inject PersonalDataVault vault;
  @Inject PassportTotpRepository totps;
  @Inject TotpCodes totpCodes;
  @Inject Event<OutgoingMail> mail;

  private final SecureRandom random = new SecureRandom();

  /**
   * Turns on the passport's TOTP for the signed-in member with a new key (replacing any previous
   * one, which also unlocks it), and answers the key for the member's authenticator or wallet.
   * Refused (403) until the member has accepted the club's current terms.
   */
  @Transactional
  public TotpKey enrolTotp(Caller caller) {
    SignedInMember.Membership signedIn = signedInMember.of(caller);
    Tenant club = signedIn.club();
    Member member = signedIn.member();
    consents.requireAccepted(club.schema(), member.id());
    byte[] secret = totpCodes.newSecret();
    totps.replace(
        club.schema(),
        PassportTotp.enrol(
            member.id(),
            vault.sealSecret(club.schema(), member.id(), ConfirmationAttempts.TOTP_PURPOSE, secret),
            clock.instant()));
    return totpKey(club, member, secret);
  }

  /** The signed-in member's TOTP key, for the cabinet to show its codes; empty when off. */
  @Transactional
  public Optional<TotpKey> totp(Caller caller) {
    SignedInMember.Membership signedIn = signedInMember.of(caller);
    Tenant club = signedIn.club();
    Member member = signedIn.member();
    return totps
        .find(club.schema(), member.id())
        .map(
            t ->
                totpKey(
                    club,
                    member,
                    vault.openSecret(
                        club.schema(),
                        member.id(),
                        ConfirmationAttempts.TOTP_PURPOSE,
                        t.sealedSecret())));
  }

  /** Turns the signed-in member's TOTP off; false when it was off. */
  @Transactional
  public boolean disableTotp(Caller caller) {
    SignedInMember.Membership signedIn = signedInMember.of(caller);
    return totps.remove(signedIn.club().schema(), signedIn.member().id());
  }

  private TotpKey totpKey(Tenant club, Member member, byte[] secret) {
    return new TotpKey(
        totpCodes.uri(club.name(), member.passport().value(), secret),
        totpCodes.base32(secret),
        6,
        30);
  }

  /** The passport's TOTP key as authenticator apps take it. */
  public record TotpKey(String uri, String secret, int digits, int periodSeconds) {}

  /**
   * A new code for the signed-in member; it replaces any previous one. Delivered by e-mail, the
   * answer has no code, only where it went. Refused (403) until the member has accepted the club's
   * current terms.
   *
   * @throws InvalidInput e-mail delivery for a member without an e-mail address (400 {@code
   *     delivery})
   */
  @Transactional
  public IssuedCode requestCode(Caller caller, Delivery delivery) {
    SignedInMember.Membership signedIn = signedInMember.of(caller);
    Tenant club = signedIn.club();
    Member member = signedIn.member();
    consents.requireAccepted(club.schema(), member.id());
    String code = String.format(Locale.ROOT, "%06d", random.nextInt(CODE_SPACE));
    RedemptionCode issued =
        RedemptionCode.issue(
            member.id(), hasher.hash(club.schema(), member.id(), code), clock.instant());
    codes.replace(club.schema(), issued);
    if (delivery == Delivery.SCREEN) {
      return new IssuedCode(code, issued.expiresAt(), delivery, null);
    }
    String email = vault.open(club.schema(), member.id(), member.sealedPersonalData()).email();
    if (email == null || email.isBlank()) {
      throw InvalidInput.of("delivery", "the member has no e-mail address; use screen");
    }
    mail.fire(codeMail(club, email, code, issued.expiresAt()));
    return new IssuedCode(null, issued.expiresAt(), delivery, OutgoingMail.masked(email));
  }

  private static OutgoingMail codeMail(Tenant club, String to, String code, Instant expiresAt) {
    ZoneId zone = ZoneId.of(club.timeZone());
    String until = DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(expiresAt);
    boolean russian = club.locale() == null || club.locale().startsWith("ru");
    String subject =
        russian ? "Код для оплаты баллами: " + code : "Your code to pay with points: " + code;
    String text =
        russian
            ? "Ваш код для оплаты баллами в клубе «"
                + club.name()
                + "»: "
                + code
                + "\n\nКод действует до "
                + until
                + " и подходит для одной оплаты. Назовите его только кассиру партнёра клуба.\n"
            : "Your code to pay with points in "
                + club.name()
                + ": "
                + code
                + "\n\nIt is valid until "
                + until
                + " for one payment. Tell it only to the cashier of a club partner.\n";
    return new OutgoingMail("redemption-code", to, subject, text);
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
        attempts.check(club, memberId, code, candidate, now).orElseThrow(NoConfirmationCode::new);
    switch (verdict.check()) {
      case ACCEPTED -> {
        if (!verdict.byTotp() && !codes.consume(club, memberId, candidate)) {
          throw new NoConfirmationCode();
        }
      }
      case WRONG -> throw new InvalidConfirmationCode(verdict.attemptsLeft());
      case EXPIRED -> throw new ConfirmationCodeExpired();
      case LOCKED -> throw new ConfirmationLocked();
    }
  }

  /** Where the member wants the code: on the screen, or by e-mail. */
  public enum Delivery {
    SCREEN,
    EMAIL
  }

  /** A code and until when it is valid; by e-mail, no code but the masked address it went to. */
  public record IssuedCode(String code, Instant expiresAt, Delivery delivery, String sentTo) {}
}
