package club.bloom.ledger.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The journal and lots of one club schema. */
public interface PointLedger {
  /** The member's points, under a lock on the member held until the transaction ends. */
  MemberPoints lock(SchemaName club, UUID memberId);

  /** The member's points for reading (no lock). */
  MemberPoints read(SchemaName club, UUID memberId);

  /**
   * The points of several members, under locks on all of them (taken in id order) held until the
   * transaction ends; a member without open lots has empty points.
   */
  java.util.Map<UUID, MemberPoints> lockAll(SchemaName club, List<UUID> memberIds);

  void record(SchemaName club, Movement movement);

  /**
   * The member's points for accruing only (ADR 0040): her debt per currency, and no lots — an
   * accrual needs nothing else, and a member's open lots grow with her purchases. The caller holds
   * the member's lock (a purchase locks her row first). Use {@link #lock} to spend or take back.
   */
  MemberPoints forAccrual(SchemaName club, UUID memberId);

  /**
   * Writes movements that only add rows (accruals: entries, postings, new lots; nothing they
   * changed in an existing lot) in one batch per table, with plain SQL (ADR 0040).
   *
   * @throws IllegalArgumentException a movement that takes points from a lot
   */
  void append(SchemaName club, List<Movement> movements);

  /**
   * The member's active points in the currency at {@code now} (what {@code MemberPoints.active}
   * says).
   */
  long active(SchemaName club, UUID memberId, String currency, Instant now);

  /** Writes the movements together (batched statements). */
  void recordAll(SchemaName club, List<Movement> movements);

  /**
   * Members holding points in the currency whose last purchase is older than {@code since} (or who
   * never bought).
   */
  List<UUID> membersInactiveSince(SchemaName club, String currency, Instant since);

  /**
   * What a purchase granted, per currency: the lots its accruals created (base and rule bonuses;
   * not points returned by its refunds, whose lots carry no purchase).
   */
  java.util.Map<String, Long> grantedFor(SchemaName club, String purchaseId);

  /** What reversals with these sources (refunds) took back in the currency. */
  long reversedBy(SchemaName club, String currency, java.util.Collection<String> sourceIds);

  /** Members with points left in lots whose expiry date has passed. */
  List<UUID> membersWithExpiredLots(SchemaName club, Instant now);
}
