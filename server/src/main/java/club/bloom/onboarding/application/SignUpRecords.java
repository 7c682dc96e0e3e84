package club.bloom.onboarding.application;

import club.bloom.onboarding.domain.ProvisioningFailure;
import club.bloom.onboarding.domain.SignUp;
import club.bloom.onboarding.domain.SignUpStep;
import club.bloom.onboarding.domain.SignUps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * The short transactions around provisioning steps: each step's completion (or failure) is
 * committed on its own, so the progress page sees it at once and a later run resumes after it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignUpRecords {
  @Inject SignUps signUps;
  @Inject Clock clock;

  public SignUp load(UUID id) {
    return signUps.find(id).orElseThrow(() -> new IllegalStateException("no sign-up " + id));
  }

  public void tenantRegistered(UUID id, UUID tenant) {
    load(id).tenantRegistered(tenant);
  }

  public void completed(UUID id, SignUpStep step) {
    load(id).completed(step, clock.instant());
  }

  public void failed(UUID id, ProvisioningFailure why, String reference) {
    load(id).failed(why, reference, clock.instant());
  }
}
