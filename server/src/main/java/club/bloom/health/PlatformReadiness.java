package club.bloom.health;

import club.bloom.tenancy.application.PlatformBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the platform schema is migrated and the platform realm exists. */
@Readiness
@ApplicationScoped
public class PlatformReadiness implements HealthCheck {
  @Inject PlatformBootstrap bootstrap;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("platform").status(bootstrap.isReady());
    if (!bootstrap.isReady() && bootstrap.lastProblem() != null) {
      response.withData("problem", bootstrap.lastProblem());
    }
    return response.build();
  }
}
