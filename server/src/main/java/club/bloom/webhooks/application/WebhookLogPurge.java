package club.bloom.webhooks.application;

import club.bloom.tenancy.application.PlatformBootstrap;
import club.bloom.webhooks.domain.WebhookLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every hour, deletes messages and attempts older than the log's keeping time (30 days). */
@ApplicationScoped
public class WebhookLogPurge {
  private static final Logger LOG = Logger.getLogger(WebhookLogPurge.class.getName());
  private static final int BATCH = 1000;

  @Inject WebhookLog log;
  @Inject PlatformBootstrap bootstrap;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.webhooks.keep-log-days", defaultValue = "30")
  long keepDays;

  @Resource ManagedScheduledExecutorService scheduler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    scheduler.scheduleWithFixedDelay(this::purge, 15, 60, TimeUnit.MINUTES);
  }

  void purge() {
    try {
      if (!bootstrap.isPlatformMigrated()) {
        return;
      }
      int purged;
      do {
        purged = log.purge(clock.instant().minus(Duration.ofDays(keepDays)), BATCH);
      } while (purged == BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhooks: purge of the delivery log failed; next hour", e);
    }
  }
}
