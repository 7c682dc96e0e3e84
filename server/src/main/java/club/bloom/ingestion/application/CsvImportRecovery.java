package club.bloom.ingestion.application;

import club.bloom.ingestion.domain.CsvImport;
import club.bloom.ingestion.domain.CsvImportRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Restarts imports whose job died (ADR 0041). Liberty does not restart a job whose server was
 * killed: its execution stays STARTED in the job repository, or is marked FAILED when that server
 * starts again. Every running job beats at each checkpoint (the import's {@code heartbeat_at});
 * every {@code bloom.imports.recovery-interval-seconds} each replica looks for queued or running
 * imports silent for longer than {@code bloom.imports.stale-after-seconds}, takes each with a
 * conditional update of its run number (one replica wins; the others see the new run and skip it)
 * and starts the next run, which resumes from the import's last checkpoint. A job that was only
 * slow and is still alive finds its run taken at its next checkpoint and stops without writing.
 */
@ApplicationScoped
public class CsvImportRecovery {
  private static final Logger LOG = Logger.getLogger(CsvImportRecovery.class.getName());

  @Inject CsvImportRepository imports;
  @Inject ImportJobs jobs;
  @Inject Clock clock;
  @Inject club.bloom.tenancy.application.PlatformBootstrap bootstrap;

  @Inject
  @ConfigProperty(name = "bloom.imports.stale-after-seconds", defaultValue = "60")
  long staleAfterSeconds;

  @Inject
  @ConfigProperty(name = "bloom.imports.recovery-interval-seconds", defaultValue = "10")
  long intervalSeconds;

  @Resource ManagedScheduledExecutorService scheduler;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    scheduler.scheduleWithFixedDelay(
        this::recover, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
  }

  /** One look: restarts every stale import this replica can take. */
  public void recover() {
    try {
      if (!bootstrap.isPlatformMigrated()) {
        return;
      }
      Instant now = clock.instant();
      Instant before = now.minus(Duration.ofSeconds(staleAfterSeconds));
      for (CsvImport stale : imports.stale(before)) {
        if (!imports.claim(stale.id(), stale.run(), before, now)) {
          continue;
        }
        int run = stale.run() + 1;
        long execution = jobs.start(stale.id(), stale.partner(), run, stale.executionId());
        imports.executionOf(stale.id(), run, execution);
        LOG.info(
            "csv import "
                + stale.id()
                + ": run "
                + run
                + " started (execution "
                + execution
                + ") after "
                + (stale.executionId() == null ? "no start" : "execution " + stale.executionId()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "csv import recovery: the next look tries again", e);
    }
  }
}
