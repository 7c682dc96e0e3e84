package club.bloom.nightly.application;

import club.bloom.nightly.domain.Backoff;
import club.bloom.nightly.domain.NightlySchedule;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The nightly runs' configuration (read once, at start):
 *
 * <ul>
 *   <li>{@code bloom.nightly.local-time} (default {@code 03:30}): the local time, in each club's
 *       time zone, of every kind's nightly run; {@code bloom.nightly.<kind>.local-time} overrides
 *       it for one kind. {@code HH:mm} or {@code HH:mm:ss}.
 *   <li>{@code bloom.nightly.check-interval-seconds} (300): the longest the scheduler sleeps
 *       between looks; it also wakes at every slot and at the end of every back-off.
 *   <li>{@code bloom.nightly.retry-first-seconds} (300), {@code bloom.nightly.retry-max-seconds}
 *       (3600), {@code bloom.nightly.max-attempts} (5): retries of a failed night.
 *   <li>{@code bloom.nightly.enabled} (true): whether this replica schedules runs at all (the
 *       operator's "run now" works either way).
 *   <li>{@code bloom.nightly.replica-name}: how this replica signs its runs (default host/pid).
 * </ul>
 *
 * A bad value stops the application from starting, naming the key.
 */
@ApplicationScoped
public class NightlySettings {
  static final String PREFIX = "bloom.nightly.";

  @Inject Config config;

  @Inject
  @ConfigProperty(name = "bloom.nightly.local-time", defaultValue = "03:30")
  String localTime;

  @Inject
  @ConfigProperty(name = "bloom.nightly.check-interval-seconds", defaultValue = "300")
  long checkIntervalSeconds;

  @Inject
  @ConfigProperty(name = "bloom.nightly.retry-first-seconds", defaultValue = "300")
  long retryFirstSeconds;

  @Inject
  @ConfigProperty(name = "bloom.nightly.retry-max-seconds", defaultValue = "3600")
  long retryMaxSeconds;

  @Inject
  @ConfigProperty(name = "bloom.nightly.max-attempts", defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "bloom.nightly.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "bloom.nightly.replica-name")
  Optional<String> replicaName;

  private LocalTime defaultTime;
  private Backoff backoff;
  private String replica;
  private final Map<String, LocalTime> kindTimes = new ConcurrentHashMap<>();

  public NightlySettings() {}

  /**
   * Settings given directly, for a runner outside the container (tests, and the second runner of
   * the ITs): every kind at {@code localTime}, this replica signing as {@code replica}.
   */
  public NightlySettings(
      LocalTime localTime, Duration checkInterval, Backoff backoff, String replica) {
    this.defaultTime = localTime;
    this.checkIntervalSeconds = checkInterval.toSeconds();
    this.backoff = backoff;
    this.replica = replica;
    this.enabled = true;
  }

  @PostConstruct
  void init() {
    defaultTime = parse("bloom.nightly.local-time", localTime);
    if (checkIntervalSeconds < 1) {
      throw new IllegalArgumentException("bloom.nightly.check-interval-seconds must be at least 1");
    }
    try {
      backoff =
          new Backoff(
              Duration.ofSeconds(retryFirstSeconds),
              Duration.ofSeconds(retryMaxSeconds),
              maxAttempts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bloom.nightly.retry-first-seconds, retry-max-seconds, max-attempts: " + e.getMessage(),
          e);
    }
    replica = replicaName.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(this::hostAndPid);
    if (replica.length() > 100) {
      replica = replica.substring(0, 100);
    }
  }

  /** The nights of a kind of run for a club: the kind's local time in the club's time zone. */
  public NightlySchedule schedule(String kind, Tenant club) {
    return new NightlySchedule(ZoneId.of(club.timeZone()), localTime(kind));
  }

  /** The kind's local time: its own key, else {@code bloom.nightly.local-time}. */
  public LocalTime localTime(String kind) {
    return kindTimes.computeIfAbsent(
        kind,
        k -> {
          String key = PREFIX + k + ".local-time";
          if (config == null) {
            return defaultTime;
          }
          return config
              .getOptionalValue(key, String.class)
              .map(v -> parse(key, v))
              .orElse(defaultTime);
        });
  }

  public Duration checkInterval() {
    return Duration.ofSeconds(checkIntervalSeconds);
  }

  public Backoff backoff() {
    return backoff;
  }

  public boolean enabled() {
    return enabled;
  }

  /** How this replica signs the runs it records. */
  public String replica() {
    return replica;
  }

  private static LocalTime parse(String key, String value) {
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + " must be a local time such as 03:30 or 03:30:00, not '" + value + "'", e);
    }
  }

  private String hostAndPid() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "/" + ProcessHandle.current().pid();
  }
}
