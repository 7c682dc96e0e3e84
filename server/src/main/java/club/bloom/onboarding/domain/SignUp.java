package club.bloom.onboarding.domain;

import club.bloom.shared.domain.Conflict;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A club's or a partner business's sign-up (platform schema), from the application to an active
 * tenant: {@code AWAITING_VERIFICATION} until the admin follows the e-mailed link (within a day),
 * then {@code PROVISIONING} step by step ({@link SignUpStep}), then {@code READY}. The admin's
 * address is kept sealed only until provisioning has used it.
 */
@Entity
@Table(schema = "platform", name = "signup")
public class SignUp {
  /** How long a verification link works. */
  public static final Duration LINK_LIFETIME = Duration.ofHours(24);

  /** The least time between two verification mails of one sign-up. */
  public static final Duration MAIL_PAUSE = Duration.ofSeconds(60);

  /** The most verification mails one sign-up sends. */
  public static final int MAX_MAILS = 5;

  /** How long after verification the link still shows the progress (and the first key). */
  public static final Duration PROGRESS_LIFETIME = Duration.ofDays(7);

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private TenantKind kind;

  private String slug;
  private String name;
  private String plan;
  private String locale;

  @Column(name = "time_zone")
  private String timeZone;

  @Column(name = "admin_email_sealed")
  private byte[] adminEmailSealed;

  @Column(name = "admin_email_masked")
  private String adminEmailMasked;

  @Column(name = "email_hash")
  private byte[] emailHash;

  @Column(name = "ip_hash")
  private byte[] ipHash;

  @Column(name = "terms_version")
  private String termsVersion;

  @Column(name = "terms_accepted_at")
  private Instant termsAcceptedAt;

  @Column(name = "token_hash")
  private byte[] tokenHash;

  @Column(name = "token_expires_at")
  private Instant tokenExpiresAt;

  @Enumerated(EnumType.STRING)
  private SignUpStatus status;

  @Enumerated(EnumType.STRING)
  private SignUpStep step;

  private int attempts;

  /** A {@link ProvisioningFailure} code, never exception text (issue 9). */
  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_error_reference")
  private String lastErrorReference;

  // Nullable uuid: mapped as text (EclipseLink 4.0's UUID converter fails on null).
  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "first_key_shown_at")
  private Instant firstKeyShownAt;

  @Column(name = "mails_sent")
  private int mailsSent;

  @Column(name = "last_mail_at")
  private Instant lastMailAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected SignUp() {}

  /** A new application; the caller mails the link with the token whose hash is given. */
  public static SignUp apply(Application a, byte[] tokenHash, Instant now) {
    SignUp s = new SignUp();
    s.id = UUID.randomUUID();
    s.kind = a.kind();
    s.slug = a.slug();
    s.name = a.name();
    s.plan = a.plan();
    s.locale = a.locale();
    s.timeZone = a.timeZone();
    s.adminEmailSealed = a.sealedEmail().clone();
    s.adminEmailMasked = a.maskedEmail();
    s.emailHash = a.emailHash().clone();
    s.ipHash = a.ipHash().clone();
    s.termsVersion = a.termsVersion();
    s.termsAcceptedAt = now;
    s.status = SignUpStatus.AWAITING_VERIFICATION;
    s.createdAt = now;
    s.link(tokenHash, now);
    return s;
  }

  /**
   * A new link for a repeated application (same slug, same address) before verification: the
   * previous link stops working. At most {@link #MAX_MAILS} mails, {@link #MAIL_PAUSE} apart.
   *
   * @throws TooManySignUps when mailing again now is not allowed
   */
  public void resend(byte[] newTokenHash, Instant now) {
    if (status != SignUpStatus.AWAITING_VERIFICATION) {
      throw new Conflict(
          "slug-taken",
          "Slug taken",
          "'" + slug + "' is already being set up; follow the link sent to " + adminEmailMasked);
    }
    if (mailsSent >= MAX_MAILS) {
      throw new TooManySignUps(
          "this sign-up has sent " + MAX_MAILS + " verification mails; apply again tomorrow",
          Duration.between(now, createdAt.plus(LINK_LIFETIME)));
    }
    Instant next = lastMailAt.plus(MAIL_PAUSE);
    if (now.isBefore(next)) {
      throw new TooManySignUps(
          "a verification mail was sent less than a minute ago", Duration.between(now, next));
    }
    link(newTokenHash, now);
  }

  private void link(byte[] newTokenHash, Instant now) {
    tokenHash = newTokenHash.clone();
    tokenExpiresAt = now.plus(LINK_LIFETIME);
    mailsSent++;
    lastMailAt = now;
    updatedAt = now;
  }

  /**
   * Follows the link: provisioning may start.
   *
   * @throws LinkExpired the link is older than a day (410)
   * @throws Conflict the link was already followed ({@code link-used}, 409)
   */
  public void verify(Instant now) {
    if (status == SignUpStatus.EXPIRED
        || (status == SignUpStatus.AWAITING_VERIFICATION && !now.isBefore(tokenExpiresAt))) {
      status = SignUpStatus.EXPIRED;
      updatedAt = now;
      throw new LinkExpired();
    }
    if (status != SignUpStatus.AWAITING_VERIFICATION) {
      throw new Conflict(
          "link-used",
          "Link already used",
          "This sign-up was verified at " + verifiedAt + "; its progress is shown with the link");
    }
    status = SignUpStatus.PROVISIONING;
    verifiedAt = now;
    updatedAt = now;
  }

  /** Whether the link still shows this sign-up's progress. */
  public boolean linkShowsProgress(Instant now) {
    return switch (status) {
      case AWAITING_VERIFICATION -> now.isBefore(tokenExpiresAt);
      case PROVISIONING, READY -> now.isBefore(verifiedAt.plus(PROGRESS_LIFETIME));
      case EXPIRED -> false;
    };
  }

  /** The next step to perform, or empty when there is none (not provisioning, or done). */
  public Optional<SignUpStep> nextStep() {
    if (status != SignUpStatus.PROVISIONING) {
      return Optional.empty();
    }
    return Optional.ofNullable(step == null ? SignUpStep.REGISTERED : step.next());
  }

  /** Records a completed step; the last one makes the sign-up ready and forgets the address. */
  public void completed(SignUpStep done, Instant now) {
    if (nextStep().filter(done::equals).isEmpty()) {
      throw new IllegalStateException("step " + done + " is not next after " + step);
    }
    step = done;
    lastError = null;
    lastErrorReference = null;
    updatedAt = now;
    if (done.next() == null) {
      status = SignUpStatus.READY;
      completedAt = now;
      adminEmailSealed = null;
    }
  }

  /**
   * A failed attempt at the next step: why (a code the progress pages word) and the reference of
   * the log entry that holds the exception; a later run resumes.
   */
  public void failed(ProvisioningFailure why, String reference, Instant now) {
    attempts++;
    lastError = why.code();
    lastErrorReference = reference;
    updatedAt = now;
  }

  public void tenantRegistered(UUID tenant) {
    this.tenantId = tenant.toString();
  }

  /**
   * The partner's first API key may be shown now, once.
   *
   * @throws Conflict not a ready partner sign-up, or the key was shown already
   */
  public void showFirstKey(Instant now) {
    if (kind != TenantKind.PARTNER || status != SignUpStatus.READY) {
      throw new Conflict(
          "not-ready",
          "Not ready",
          "The first API key is issued to a partner once its sign-up is ready");
    }
    if (firstKeyShownAt != null) {
      throw new Conflict(
          "key-already-shown",
          "Key already shown",
          "The first API key was shown at "
              + firstKeyShownAt
              + " and is not shown again; the partner's admin issues new keys in the console");
    }
    firstKeyShownAt = now;
    updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public TenantKind kind() {
    return kind;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String plan() {
    return plan;
  }

  public String locale() {
    return locale;
  }

  public String timeZone() {
    return timeZone;
  }

  public Optional<byte[]> adminEmailSealed() {
    return Optional.ofNullable(adminEmailSealed).map(byte[]::clone);
  }

  public String adminEmailMasked() {
    return adminEmailMasked;
  }

  public byte[] emailHash() {
    return emailHash.clone();
  }

  public byte[] ipHash() {
    return ipHash.clone();
  }

  public byte[] tokenHash() {
    return tokenHash.clone();
  }

  public SignUpStatus status() {
    return status;
  }

  public Optional<SignUpStep> step() {
    return Optional.ofNullable(step);
  }

  public int attempts() {
    return attempts;
  }

  /** Why the last attempt failed, if the next step has not succeeded since. */
  public Optional<ProvisioningFailure> lastError() {
    return Optional.ofNullable(lastError).map(ProvisioningFailure::ofCode);
  }

  /** The reference of the log entry of the last failure. */
  public Optional<String> lastErrorReference() {
    return Optional.ofNullable(lastErrorReference);
  }

  public Optional<UUID> tenantId() {
    return Optional.ofNullable(tenantId).map(UUID::fromString);
  }

  public Optional<Instant> firstKeyShownAt() {
    return Optional.ofNullable(firstKeyShownAt);
  }

  public String termsVersion() {
    return termsVersion;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant tokenExpiresAt() {
    return tokenExpiresAt;
  }

  public Optional<Instant> verifiedAt() {
    return Optional.ofNullable(verifiedAt);
  }

  public Optional<Instant> completedAt() {
    return Optional.ofNullable(completedAt);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** What an application carries, checked and prepared by the application service. */
  public record Application(
      TenantKind kind,
      String slug,
      String name,
      String plan,
      String locale,
      String timeZone,
      byte[] sealedEmail,
      String maskedEmail,
      byte[] emailHash,
      byte[] ipHash,
      String termsVersion) {}
}
