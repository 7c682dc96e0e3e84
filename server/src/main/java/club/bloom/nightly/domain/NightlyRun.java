package club.bloom.nightly.domain;

import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of one run of one kind for one club ({@code platform.nightly_run}): the night it is
 * for (the club's local date of the slot, and the slot's instant), why it started, which attempt of
 * that night it is, which replica ran it, when it started and ended, its outcome, and for a failure
 * a reason code and the class of the error (never a message: messages may carry data). Counts are
 * what the run did, named by the kind ({@code membersRead}, {@code pointsExpired}…).
 */
public record NightlyRun(
    UUID id,
    String kind,
    TenantId club,
    String clubSlug,
    LocalDate night,
    Instant scheduledFor,
    RunTrigger trigger,
    int attempt,
    String replica,
    Instant startedAt,
    Optional<Instant> finishedAt,
    RunOutcome outcome,
    Optional<FailureReason> failure,
    Map<String, Long> counts) {
  public NightlyRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(club, "club");
    Objects.requireNonNull(night, "night");
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(failure, "failure");
    counts = Map.copyOf(counts);
  }

  /** A run that starts now: RUNNING, nothing counted yet. */
  public static NightlyRun starting(
      String kind,
      TenantId club,
      NightlySchedule.Slot slot,
      RunTrigger trigger,
      int attempt,
      String replica,
      Instant now) {
    return new NightlyRun(
        UUID.randomUUID(),
        kind,
        club,
        null,
        slot.night(),
        slot.at(),
        trigger,
        attempt,
        replica,
        now,
        Optional.empty(),
        RunOutcome.RUNNING,
        Optional.empty(),
        Map.of());
  }
}
