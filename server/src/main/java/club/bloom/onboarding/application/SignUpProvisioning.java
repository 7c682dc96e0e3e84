package club.bloom.onboarding.application;

import club.bloom.billing.application.Subscriptions;
import club.bloom.billing.application.Subscriptions.ChangePlan;
import club.bloom.onboarding.application.SelfSignUp.SignUpVerified;
import club.bloom.onboarding.domain.ProvisioningFailure;
import club.bloom.onboarding.domain.SignUp;
import club.bloom.onboarding.domain.SignUpSecrets;
import club.bloom.onboarding.domain.SignUpStep;
import club.bloom.onboarding.domain.SignUps;
import club.bloom.tenancy.application.TenantProvisioning;
import club.bloom.tenancy.application.TenantRecords;
import club.bloom.tenancy.domain.IdentityProviderRefused;
import club.bloom.tenancy.domain.IdentityProviderUnavailable;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provisioning of a verified sign-up as a resumable state machine ({@link SignUpStep}): each step
 * is idempotent and runs outside a transaction (schema migration must, Keycloak is not
 * transactional); its completion commits on its own. One run at a time holds a sign-up (a lease in
 * the database, so also across replicas). A run that fails — Keycloak down, a crash — leaves the
 * last completed step and the error; the schedule resumes stalled sign-ups every minute, and the
 * operator can resume one at once.
 */
@ApplicationScoped
public class SignUpProvisioning {
  private static final Logger LOG = Logger.getLogger(SignUpProvisioning.class.getName());
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Duration STALLED_AFTER = Duration.ofSeconds(30);

  @Inject SignUps signUps;
  @Inject SignUpRecords records;
  @Inject SignUpSecrets secrets;
  @Inject TenantProvisioning provisioning;
  // Not the registry: its reads outside a transaction would be stale within one run (see find).
  @Inject TenantRecords tenants;
  @Inject Subscriptions subscriptions;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  @Inject
  @ConfigProperty(name = "bloom.signup.resume-interval-seconds", defaultValue = "60")
  long resumeIntervalSeconds;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  void onVerified(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignUpVerified verified) {
    executor.execute(() -> run(verified.id()));
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    scheduler.scheduleWithFixedDelay(
        this::resumeStalled, resumeIntervalSeconds, resumeIntervalSeconds, TimeUnit.SECONDS);
  }

  /** Resumes the sign-ups that stopped midway and that no run holds. */
  public void resumeStalled() {
    Instant now = clock.instant();
    try {
      signUps.stalled(now.minus(STALLED_AFTER), now).forEach(this::run);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "resuming stalled sign-ups failed; next time", e);
    }
  }

  /**
   * Runs the remaining steps of a sign-up now; false when another run holds it (or it is not
   * provisioning). Failures are recorded on the sign-up, not thrown.
   */
  public boolean run(UUID id) {
    Instant now = clock.instant();
    if (!signUps.lease(id, now, now.plus(LEASE))) {
      return false;
    }
    try {
      while (true) {
        SignUp signUp = records.load(id);
        Optional<SignUpStep> next = signUp.nextStep();
        if (next.isEmpty()) {
          return true;
        }
        perform(signUp, next.get());
        records.completed(id, next.get());
      }
    } catch (RuntimeException e) {
      String reference = UUID.randomUUID().toString();
      LOG.log(
          Level.WARNING,
          "sign-up " + id + " stopped (reference " + reference + "); it will be resumed",
          e);
      records.failed(id, reasonOf(e), reference);
      return true;
    } finally {
      signUps.release(id);
    }
  }

  private void perform(SignUp signUp, SignUpStep step) {
    switch (step) {
      case REGISTERED -> {
        Optional<Tenant> existing = tenants.find(signUp.kind(), new Slug(signUp.slug()));
        if (existing.isPresent()
            && !existing.get().id().value().equals(signUp.tenantId().orElse(null))
            && existing.get().isActive()) {
          throw new SlugGivenAway(signUp.slug());
        }
        Tenant tenant =
            provisioning.register(
                signUp.kind(),
                new Slug(signUp.slug()),
                signUp.name(),
                signUp.locale(),
                signUp.timeZone());
        records.tenantRegistered(signUp.id(), tenant.id().value());
      }
      case SCHEMA_MIGRATED -> provisioning.migrateSchema(tenant(signUp));
      case IDENTITY_CREATED -> provisioning.ensureIdentity(tenant(signUp));
      case ADMIN_INVITED ->
          provisioning.inviteAdmin(
              tenant(signUp),
              secrets.openEmail(
                  signUp
                      .adminEmailSealed()
                      .orElseThrow(() -> new IllegalStateException("the address is gone"))),
              consoleUrl(signUp));
      case PLAN_ASSIGNED ->
          subscriptions.change(
              new ChangePlan(
                  tenant(signUp), signUp.plan(), Optional.empty(), Optional.empty(), "sign-up"));
      case ACTIVATED -> provisioning.finish(tenant(signUp));
    }
  }

  private Tenant tenant(SignUp signUp) {
    return tenants
        .find(new TenantId(signUp.tenantId().orElseThrow()))
        .orElseThrow(() -> new IllegalStateException("the tenant of sign-up is missing"));
  }

  /** Where the new admin lands after setting a password. */
  String consoleUrl(SignUp signUp) {
    return signUp.kind() == TenantKind.CLUB
        ? portalUrl + "/#/c/" + signUp.slug() + "/console"
        : portalUrl + "/#/p/" + signUp.slug() + "/console";
  }

  /** What the progress pages show of a failure: a reason code, never the exception's text. */
  static ProvisioningFailure reasonOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IdentityProviderUnavailable) {
        return ProvisioningFailure.IDENTITY_PROVIDER_UNAVAILABLE;
      }
      if (t instanceof IdentityProviderRefused) {
        return ProvisioningFailure.IDENTITY_PROVIDER_REFUSED;
      }
      if (t instanceof SlugGivenAway) {
        return ProvisioningFailure.SLUG_TAKEN;
      }
    }
    return ProvisioningFailure.INTERNAL;
  }

  /** The sign-up's slug went to another tenant between application and provisioning. */
  static final class SlugGivenAway extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SlugGivenAway(String slug) {
      super("the slug " + slug + " was given to another tenant meanwhile");
    }
  }
}
