package club.bloom.membership.domain;

import club.bloom.membership.domain.ConsentRecord.Action;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A member's consent answers measured against the club's current texts: which kinds are accepted,
 * withdrawn or still to answer, and what a new answer records.
 *
 * <ul>
 *   <li>A text counts as accepted only in its current version: a new version of the terms makes
 *       every member re-accept, and marketing accepted under an older text is asked again.
 *   <li>A withdrawal of marketing stays in force across later versions: the member is not asked
 *       again, and can opt in at any time.
 *   <li>Accepting names the version read, which must be the current one; accepting what is already
 *       accepted, or withdrawing what is already withdrawn, records nothing.
 *   <li>The terms cannot be withdrawn here: leaving the club is asked for from the club.
 * </ul>
 */
public final class ConsentHistory {
  /** Where a member stands with one kind of consent. */
  public enum Status {
    PENDING,
    ACCEPTED,
    WITHDRAWN
  }

  private final UUID memberId;
  private final Map<ConsentKind, ConsentDocument> current = new EnumMap<>(ConsentKind.class);
  private final List<ConsentRecord> records;

  /**
   * @param current the current (highest) version of each kind the club has published
   * @param records the member's records, in any order
   */
  public ConsentHistory(
      UUID memberId, Collection<ConsentDocument> current, Collection<ConsentRecord> records) {
    this.memberId = memberId;
    for (ConsentDocument d : current) {
      this.current.merge(d.kind(), d, (a, b) -> a.version() >= b.version() ? a : b);
    }
    this.records =
        records.stream().sorted(Comparator.comparing(ConsentRecord::recordedAt)).toList();
  }

  public Optional<ConsentDocument> current(ConsentKind kind) {
    return Optional.ofNullable(current.get(kind));
  }

  /** The member's latest answer of this kind, to any version. */
  public Optional<ConsentRecord> latest(ConsentKind kind) {
    ConsentRecord found = null;
    for (ConsentRecord r : records) {
      if (r.kind() == kind) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Empty when the club has published no text of this kind. */
  public Optional<Status> status(ConsentKind kind) {
    ConsentDocument doc = current.get(kind);
    if (doc == null) {
      return Optional.empty();
    }
    Optional<ConsentRecord> latest = latest(kind);
    if (latest.isEmpty()) {
      return Optional.of(Status.PENDING);
    }
    ConsentRecord r = latest.get();
    if (r.action() == Action.WITHDRAWN && !kind.required()) {
      return Optional.of(Status.WITHDRAWN);
    }
    if (r.version() == doc.version()) {
      return Optional.of(r.action() == Action.ACCEPTED ? Status.ACCEPTED : Status.WITHDRAWN);
    }
    return Optional.of(Status.PENDING);
  }

  /** Whether the member consents to this kind now (accepted its current version). */
  public boolean granted(ConsentKind kind) {
    return status(kind).filter(s -> s == Status.ACCEPTED).isPresent();
  }

  /** Texts the member has yet to answer, required ones first. */
  public List<ConsentDocument> pending() {
    return current.values().stream()
        .filter(d -> status(d.kind()).filter(s -> s == Status.PENDING).isPresent())
        .sorted(Comparator.comparing((ConsentDocument d) -> !d.kind().required()))
        .toList();
  }

  /** The required text the member must accept before acting, if any. */
  public Optional<ConsentDocument> requiredPending() {
    return pending().stream().filter(d -> d.kind().required()).findFirst();
  }

  /** Refuses (403) while a required text is pending. */
  public void requireRequiredAccepted() {
    requiredPending()
        .ifPresent(
            d -> {
              throw new ConsentRequired(d);
            });
  }

  /** The record of accepting this version, or empty when it is already accepted. */
  public Optional<ConsentRecord> accept(
      ConsentKind kind, int version, ConsentChannel channel, Instant now) {
    ConsentDocument doc = current.get(kind);
    if (doc == null) {
      throw new NoConsentDocument(kind);
    }
    if (version != doc.version()) {
      throw new ConsentOutdated(doc, version);
    }
    if (granted(kind)) {
      return Optional.empty();
    }
    return Optional.of(ConsentRecord.of(memberId, doc, Action.ACCEPTED, channel, now));
  }

  /** The record of withdrawing this kind, or empty when it is already withdrawn. */
  public Optional<ConsentRecord> withdraw(ConsentKind kind, ConsentChannel channel, Instant now) {
    if (kind.required()) {
      throw new RequiredConsentNotWithdrawable(kind);
    }
    ConsentDocument doc = current.get(kind);
    if (doc == null) {
      throw new NoConsentDocument(kind);
    }
    if (status(kind).filter(s -> s == Status.WITHDRAWN).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(ConsentRecord.of(memberId, doc, Action.WITHDRAWN, channel, now));
  }

  /** All the member's records, oldest first. */
  public List<ConsentRecord> records() {
    return records;
  }
}
