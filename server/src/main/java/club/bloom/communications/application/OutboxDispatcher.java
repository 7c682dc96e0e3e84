package club.bloom.communications.application;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.ClaimedMessage;
import club.bloom.communications.domain.Delivery;
import club.bloom.communications.domain.DeliveryChannel;
import club.bloom.communications.domain.Outbox;
import club.bloom.communications.domain.OutboxStats;
import club.bloom.communications.domain.Payload;
import club.bloom.communications.domain.PayloadSeal;
import club.bloom.communications.domain.RetryPolicy;
import club.bloom.tenancy.application.PlatformBootstrap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox, on every replica: it claims due rows in batches ({@link Outbox#claim}, so
 * replicas never attempt one row at the same time), opens each payload, hands it to its channel and
 * records the result under the claim — delivered (payload erased), retried later by the {@link
 * RetryPolicy}, or failed for good (payload erased, a SEVERE log line naming the row, its kind and
 * the reason, never an address).
 *
 * <p>It runs when a transaction that wrote rows commits on this replica ({@link #wake}, off the
 * request's thread) and on a fixed delay ({@code bloom.outbox.poll-interval-ms}), which delivers
 * rows written on other replicas or due for a retry; one drain at a time per replica. A row is
 * attempted only while at least half of its lease is left, so that an attempt (bounded by the SMTP
 * timeouts) ends within the lease; otherwise it is released untried. Every hour it purges finished
 * rows past their keeping time; every half minute it refreshes the figures the health check shows.
 */
@ApplicationScoped
public class OutboxDispatcher {
  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
  private static final int PURGE_BATCH = 1000;

  @Inject Outbox outbox;
  @Inject PayloadSeal seal;
  @Inject Instance<DeliveryChannel> channelBeans;
  @Inject PlatformBootstrap bootstrap;

  @Inject
  @ConfigProperty(name = "bloom.outbox.poll-interval-ms", defaultValue = "2000")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = "bloom.outbox.batch-size", defaultValue = "20")
  int batchSize;

  @Inject
  @ConfigProperty(name = "bloom.outbox.lease-seconds", defaultValue = "120")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "bloom.outbox.retry-first-seconds", defaultValue = "5")
  long retryFirstSeconds;

  @Inject
  @ConfigProperty(name = "bloom.outbox.retry-max-seconds", defaultValue = "3600")
  long retryMaxSeconds;

  @Inject
  @ConfigProperty(name = "bloom.outbox.give-up-after-hours", defaultValue = "72")
  long giveUpAfterHours;

  @Inject
  @ConfigProperty(name = "bloom.outbox.keep-delivered-hours", defaultValue = "48")
  long keepDeliveredHours;

  @Inject
  @ConfigProperty(name = "bloom.outbox.keep-failed-days", defaultValue = "30")
  long keepFailedDays;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicReference<OutboxStats> lastStats = new AtomicReference<>();
  private RetryPolicy policy;
  private Duration lease;
  private String replica;
  // One drain at a time uses it (and java.util.Random is thread-safe anyway).
  RandomGenerator random = new Random();
  LongSupplier nanoTime = System::nanoTime;
  BooleanSupplier platformReady;

  @PostConstruct
  void init() {
    // The outbox lives in platform: it need not wait for tenant schemas or Keycloak.
    platformReady = bootstrap::isPlatformMigrated;
    configure(channelBeans);
  }

  /** Reads the configuration into the policy, the lease and the channels (tests call it too). */
  void configure(Iterable<DeliveryChannel> deliveryChannels) {
    policy =
        new RetryPolicy(
            Duration.ofSeconds(retryFirstSeconds),
            Duration.ofSeconds(retryMaxSeconds),
            Duration.ofHours(giveUpAfterHours));
    lease = Duration.ofSeconds(leaseSeconds);
    replica = replicaName();
    channels.clear();
    for (DeliveryChannel channel : deliveryChannels) {
      channels.put(channel.channel(), channel);
    }
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    scheduler.scheduleWithFixedDelay(
        this::drain, pollIntervalMs, pollIntervalMs, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::refreshStats, 5, 30, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(this::purge, 10, 60, TimeUnit.MINUTES);
  }

  /**
   * Asks for a drain soon, on a managed thread (never the caller's): a transaction that wrote rows
   * calls it once committed. While a drain runs, it only makes that drain look again.
   */
  public void wake() {
    again.set(true);
    if (!running.get()) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        // Shutting down, or the executor is saturated: the next poll delivers the row.
        LOG.log(Level.FINE, "outbox: wake-up not scheduled", e);
      }
    }
  }

  /** Delivers due rows until none is left; one drain at a time on this replica. */
  public void drain() {
    while (running.compareAndSet(false, true)) {
      try {
        do {
          again.set(false);
          while (drainBatch() == batchSize) {
            // a full batch: more may be due
          }
        } while (again.get());
      } catch (RuntimeException e) {
        // The database is down, or the platform not migrated yet: the next poll tries again.
        LOG.log(Level.WARNING, "outbox: drain stopped; the next poll resumes", e);
      } finally {
        running.set(false);
      }
      if (!again.get()) {
        return;
      }
    }
  }

  /** Claims one batch and attempts it; answers how many rows were claimed. */
  int drainBatch() {
    if (!platformReady.getAsBoolean()) {
      return 0;
    }
    List<ClaimedMessage> batch = outbox.claim(replica, batchSize, lease);
    long claimedAt = nanoTime.getAsLong();
    long attemptBefore = claimedAt + lease.toNanos() / 2;
    for (ClaimedMessage message : batch) {
      if (nanoTime.getAsLong() - attemptBefore > 0) {
        // Too little of the lease is left for a whole attempt: another claim will take it.
        outbox.release(message.id(), message.claim());
        continue;
      }
      attempt(message, claimedAt);
    }
    return batch.size();
  }

  private void attempt(ClaimedMessage message, long claimedAtNanos) {
    Delivery result;
    Payload payload;
    try {
      payload = seal.open(message.id(), message.channel(), message.kind(), message.sealedPayload());
    } catch (PayloadSeal.UnreadablePayload e) {
      fail(message, "payload cannot be opened (" + e.getMessage() + ")");
      return;
    }
    DeliveryChannel channel = channels.get(message.channel());
    if (channel == null) {
      result = Delivery.transientFailure("no channel for " + message.channel());
    } else {
      try {
        result = channel.deliver(message.id(), payload);
      } catch (RuntimeException e) {
        result = Delivery.transientFailure(e.getClass().getName());
      }
    }
    // The database's time at the claim plus what passed here: every replica decides on one clock.
    Instant now = message.claimedAt().plusNanos(Math.max(0, nanoTime.getAsLong() - claimedAtNanos));
    RetryPolicy.Next next =
        policy.next(result, message.attempt(), message.createdAt(), now, random);
    if (next instanceof RetryPolicy.Next.Done) {
      if (!outbox.delivered(message.id(), message.claim())) {
        lostClaim(message);
      }
    } else if (next instanceof RetryPolicy.Next.Retry retry) {
      LOG.warning(
          () ->
              "outbox: "
                  + message
                  + " attempt "
                  + message.attempt()
                  + " failed, next in "
                  + retry.delay().toSeconds()
                  + " s: "
                  + retry.reason());
      if (!outbox.retry(message.id(), message.claim(), retry.delay(), retry.reason())) {
        lostClaim(message);
      }
    } else if (next instanceof RetryPolicy.Next.GiveUp giveUp) {
      fail(message, giveUp.reason());
      if (channel != null) {
        boolean exhausted = result instanceof Delivery.Failed f && !f.permanent();
        try {
          channel.gaveUp(message.id(), payload, exhausted, giveUp.reason());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "outbox: the channel's give-up step failed for " + message, e);
        }
      }
    }
  }

  private void fail(ClaimedMessage message, String reason) {
    LOG.severe(
        () ->
            "outbox: "
                + message
                + " FAILED after "
                + message.attempt()
                + " attempts since "
                + message.createdAt()
                + ": "
                + reason);
    if (!outbox.failed(message.id(), message.claim(), reason)) {
      lostClaim(message);
    }
  }

  private void lostClaim(ClaimedMessage message) {
    LOG.warning(
        () ->
            "outbox: the lease on "
                + message
                + " ran out before its result was recorded; another claim has it (it may be sent"
                + " twice, under the same message id)");
  }

  void refreshStats() {
    try {
      if (platformReady.getAsBoolean()) {
        lastStats.set(outbox.stats());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "outbox: figures not refreshed", e);
    }
  }

  void purge() {
    try {
      if (!platformReady.getAsBoolean()) {
        return;
      }
      int purged;
      int total = 0;
      do {
        purged =
            outbox.purge(
                Duration.ofHours(keepDeliveredHours), Duration.ofDays(keepFailedDays), PURGE_BATCH);
        total += purged;
      } while (purged == PURGE_BATCH);
      if (total > 0) {
        int n = total;
        LOG.info(() -> "outbox: purged " + n + " finished rows");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox: purge failed; next hour", e);
    }
  }

  /** The figures last read (every 30 s), for the health check; empty before the first read. */
  public Optional<OutboxStats> stats() {
    return Optional.ofNullable(lastStats.get());
  }

  private static String replicaName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String name = host + "/" + ProcessHandle.current().pid();
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
