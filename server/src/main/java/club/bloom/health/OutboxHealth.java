package club.bloom.health;

import club.bloom.communications.application.OutboxDispatcher;
import club.bloom.communications.domain.OutboxStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The outbox's figures for operations ({@code GET /health/live}): rows waiting, the age of the
 * oldest, rows failed in the last 24 hours (ADR 0032). Always UP — undelivered mail is not a reason
 * to restart a replica or take it out of the load balancer — and read from the dispatcher's last
 * reading (every 30 s), so the probe never queries the database.
 */
@Liveness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
  @Inject OutboxDispatcher dispatcher;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("outbox").up();
    Optional<OutboxStats> stats = dispatcher.stats();
    if (stats.isEmpty()) {
      return response.withData("figures", "not read yet").build();
    }
    OutboxStats s = stats.get();
    response.withData("pending", s.pending()).withData("failedLast24h", s.failedLastDay());
    s.oldestPending().ifPresent(age -> response.withData("oldestPendingSeconds", age.toSeconds()));
    return response.build();
  }
}
