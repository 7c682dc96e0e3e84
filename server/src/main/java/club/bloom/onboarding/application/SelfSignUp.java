package club.bloom.onboarding.application;

import club.bloom.access.application.ApiKeyIssuing;
import club.bloom.access.application.ApiKeyIssuing.IssueApiKey;
import club.bloom.access.application.ApiKeyIssuing.IssuedKey;
import club.bloom.access.domain.ApiKeyMode;
import club.bloom.onboarding.domain.SignUp;
import club.bloom.onboarding.domain.SignUp.Application;
import club.bloom.onboarding.domain.SignUpSecrets;
import club.bloom.onboarding.domain.SignUpStatus;
import club.bloom.onboarding.domain.SignUps;
import club.bloom.onboarding.domain.TooManySignUps;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Self-service sign-up of clubs and partner businesses (issue #4): the application, the e-mailed
 * verification link, the progress the new admin watches, and a partner's first API key, shown once.
 * Provisioning itself is {@link SignUpProvisioning}'s.
 *
 * <p>Nothing is created for a tenant before the link is followed. Repeating an application (same
 * slug, same address) mails a new link instead of failing; another address gets {@code slug-taken}.
 * Applications are limited per client address and per e-mail address per hour.
 */
@ApplicationScoped
public class SelfSignUp {
  private static final Duration HOUR = Duration.ofHours(1);

  /** What a partner's first key may do: report and read its purchases. */
  static final Set<String> FIRST_KEY_SCOPES = Set.of("purchases:write", "purchases:read");

  @Inject SignUps signUps;
  @Inject SignUpSecrets secrets;
  @Inject TenantRegistry tenants;
  @Inject club.bloom.billing.domain.PlanCatalogue plans;
  @Inject ApiKeyIssuing keys;
  @Inject Event<OutgoingMail> mail;
  @Inject Event<SignUpVerified> verified;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  @Inject
  @ConfigProperty(name = "bloom.platform.terms-version", defaultValue = "2026-11")
  String termsVersion;

  @Inject
  @ConfigProperty(name = "bloom.signup.per-client-per-hour", defaultValue = "10")
  int perClientPerHour;

  @Inject
  @ConfigProperty(name = "bloom.signup.per-email-per-hour", defaultValue = "3")
  int perEmailPerHour;

  /** The platform terms in force, which an application must accept. */
  public String termsVersion() {
    return termsVersion;
  }

  /**
   * Applies (or repeats an application, which mails a new link).
   *
   * @throws Conflict {@code slug-taken}
   * @throws TooManySignUps over the limits (429)
   */
  @Transactional
  public Applied apply(Apply command, String clientAddress) {
    Instant now = clock.instant();
    if (plans.find(command.plan()).isEmpty()) {
      throw club.bloom.shared.domain.InvalidInput.of(
          "plan",
          "is not a plan; one of: "
              + String.join(", ", plans.all().stream().map(p -> p.code()).toList()));
    }
    String email = command.email().strip().toLowerCase(Locale.ROOT);
    byte[] emailHash = secrets.emailHash(email);
    signUps.expireStale(now);
    if (tenants.find(command.kind(), new Slug(command.slug())).isPresent()) {
      throw slugTaken(command.slug());
    }
    String token = secrets.newToken();
    Optional<SignUp> live = signUps.lockLive(command.kind(), command.slug());
    if (live.isPresent()) {
      SignUp existing = live.get();
      if (!Arrays.equals(existing.emailHash(), emailHash)) {
        throw slugTaken(command.slug());
      }
      existing.resend(secrets.tokenHash(token), now);
      mail.fire(verificationMail(existing, email, token));
      return new Applied(existing, true);
    }
    byte[] clientHash = secrets.ipHash(clientAddress);
    if (signUps.countByIpSince(clientHash, now.minus(HOUR)) >= perClientPerHour) {
      throw new TooManySignUps(
          "at most " + perClientPerHour + " sign-ups an hour from one address", HOUR);
    }
    if (signUps.countByEmailSince(emailHash, now.minus(HOUR)) >= perEmailPerHour) {
      throw new TooManySignUps(
          "at most " + perEmailPerHour + " sign-ups an hour for one e-mail address", HOUR);
    }
    SignUp signUp =
        SignUp.apply(
            new Application(
                command.kind(),
                command.slug(),
                command.name(),
                command.plan(),
                command.locale(),
                command.timeZone(),
                secrets.sealEmail(email),
                OutgoingMail.masked(email),
                emailHash,
                clientHash,
                termsVersion),
            secrets.tokenHash(token),
            now);
    try {
      signUps.add(signUp);
    } catch (PersistenceException e) {
      // The live-slug unique index: another application for the slug committed meanwhile.
      throw slugTaken(command.slug());
    }
    mail.fire(verificationMail(signUp, email, token));
    return new Applied(signUp, false);
  }

  private static Conflict slugTaken(String slug) {
    return new Conflict(
        "slug-taken", "Slug taken", "'" + slug + "' is taken; choose another address");
  }

  /**
   * Follows the link: provisioning starts once this commits.
   *
   * @throws NotFound {@code unknown-link}
   * @throws club.bloom.onboarding.domain.LinkExpired after a day (410)
   * @throws Conflict {@code link-used}
   */
  @Transactional
  public SignUp verify(String token) {
    SignUp signUp = signUps.lockByToken(secrets.tokenHash(token)).orElseThrow(SelfSignUp::unknown);
    signUp.verify(clock.instant());
    verified.fire(new SignUpVerified(signUp.id()));
    return signUp;
  }

  /** The sign-up the link's token shows, while it shows it. */
  @Transactional
  public SignUp progress(String token) {
    return signUps
        .lockByToken(secrets.tokenHash(token))
        .filter(s -> s.linkShowsProgress(clock.instant()))
        .orElseThrow(SelfSignUp::unknown);
  }

  /**
   * A ready partner's first API key, shown once.
   *
   * @throws Conflict {@code not-ready} or {@code key-already-shown}
   */
  @Transactional
  public IssuedKey firstKey(String token) {
    SignUp signUp = progress(token);
    signUp.showFirstKey(clock.instant());
    return keys.issue(
        new IssueApiKey(
            new TenantId(signUp.tenantId().orElseThrow()),
            ApiKeyMode.LIVE,
            "first key (sign-up)",
            FIRST_KEY_SCOPES,
            Optional.empty()));
  }

  private static NotFound unknown() {
    return new NotFound(
        "unknown-link",
        "Unknown link",
        "No sign-up has this link (it may have been replaced by a newer one)");
  }

  private OutgoingMail verificationMail(SignUp signUp, String to, String token) {
    String link = portalUrl + "/#/signup/verify/" + token;
    boolean russian = signUp.locale().startsWith("ru");
    String what =
        signUp.kind() == TenantKind.CLUB
            ? (russian ? "клуба" : "club")
            : (russian ? "партнёра" : "partner business");
    String subject =
        russian
            ? "Подтвердите регистрацию «" + signUp.name() + "» в Bloom"
            : "Confirm the sign-up of " + signUp.name() + " on Bloom";
    String text =
        russian
            ? "Здравствуйте!\n\nЧтобы завершить регистрацию "
                + what
                + " «"
                + signUp.name()
                + "» (адрес "
                + signUp.slug()
                + "), откройте ссылку в течение 24 часов:\n\n"
                + link
                + "\n\nЕсли вы не регистрировались в Bloom, просто удалите это письмо.\n"
            : "Hello,\n\nTo finish the sign-up of the "
                + what
                + " "
                + signUp.name()
                + " ("
                + signUp.slug()
                + "), open this link within 24 hours:\n\n"
                + link
                + "\n\nIf you did not sign up for Bloom, delete this mail.\n";
    return new OutgoingMail("signup-verification", to, subject, text);
  }

  /** Command: an application, checked by the resource. */
  public record Apply(
      TenantKind kind,
      String slug,
      String name,
      String email,
      String plan,
      String locale,
      String timeZone) {}

  /** The outcome: the sign-up, and whether this was a repeat that mailed a new link. */
  public record Applied(SignUp signUp, boolean repeated) {}

  /** Fired when a link was followed; provisioning starts after the commit. */
  public record SignUpVerified(UUID id) {}

  /** The statuses in which the link shows progress, for the resource's wording. */
  public static boolean isLive(SignUpStatus status) {
    return status != SignUpStatus.EXPIRED;
  }
}
