package club.bloom.nightly.application;

import club.bloom.tenancy.domain.Tenant;
import java.util.Map;

/**
 * A kind of nightly run, implemented by the context that owns it (tier re-evaluation in tiers,
 * point expiry in ledger) and found by CDI. The scheduler and the operator's "run now" both start
 * it through {@link NightlyRunner}, which holds the kind's lock for the club and records the run.
 *
 * @param <R> what one run answers (the operator's endpoint shows it)
 */
public interface NightlyJob<R> {
  /**
   * The kind's name, lower case with hyphens: it names the run in the records, the API ({@code
   * kind}) and the configuration ({@code bloom.nightly.<kind>.local-time}).
   */
  String kind();

  /**
   * Runs for one club now, to the state as of now; throws if it fails. It must be idempotent (ADR
   * 0012): a run stopped midway is completed by the next one.
   */
  R run(Tenant club);

  /** What a run's result counts, for its record: names in camel case, whole numbers. */
  Map<String, Long> counts(R result);
}
