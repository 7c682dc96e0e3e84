package club.bloom.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The record of one merge: which member absorbed which, who did it, when, what moved. */
@Entity
@Table(name = "member_merge")
public class MemberMerge {
  /** Why the members were merged. */
  public enum Reason {
    /** A login that already had a member claimed a counter registration. */
    CLAIM,
    /** The club's admin merged them. */
    ADMIN
  }

  @Id private UUID id;

  @Column(name = "survivor_id")
  private UUID survivorId;

  @Column(name = "absorbed_id")
  private UUID absorbedId;

  @Column(name = "absorbed_passport")
  private String absorbedPassport;

  @Enumerated(EnumType.STRING)
  private Reason reason;

  @Column(name = "merged_by")
  private String mergedBy;

  @Column(name = "merged_at")
  private Instant mergedAt;

  @Column(name = "purchases_moved")
  private int purchasesMoved;

  @Column(name = "ledger_entries_moved")
  private int ledgerEntriesMoved;

  @Column(name = "lots_moved")
  private int lotsMoved;

  protected MemberMerge() {}

  public static MemberMerge of(
      Member survivor, Member absorbed, Reason reason, String by, MembersMerged moved) {
    MemberMerge m = new MemberMerge();
    m.id = UUID.randomUUID();
    m.survivorId = survivor.id();
    m.absorbedId = absorbed.id();
    m.absorbedPassport = absorbed.passport().value();
    m.reason = reason;
    m.mergedBy = by;
    m.mergedAt = moved.at();
    m.purchasesMoved = moved.count(MembersMerged.PURCHASES);
    m.ledgerEntriesMoved = moved.count(MembersMerged.LEDGER_ENTRIES);
    m.lotsMoved = moved.count(MembersMerged.LOTS);
    return m;
  }

  public UUID id() {
    return id;
  }

  public UUID survivorId() {
    return survivorId;
  }

  public UUID absorbedId() {
    return absorbedId;
  }

  public String absorbedPassport() {
    return absorbedPassport;
  }

  public Reason reason() {
    return reason;
  }

  public String mergedBy() {
    return mergedBy;
  }

  public Instant mergedAt() {
    return mergedAt;
  }

  public int purchasesMoved() {
    return purchasesMoved;
  }

  public int ledgerEntriesMoved() {
    return ledgerEntriesMoved;
  }

  public int lotsMoved() {
    return lotsMoved;
  }
}
