package club.bloom.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One movement of value in the journal (club schema); immutable once written. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {
  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Enumerated(EnumType.STRING)
  private EntryKind kind;

  private String reason;

  @Column(name = "source_id")
  private String sourceId;

  @Column(name = "posted_at")
  private Instant postedAt;

  protected LedgerEntry() {}

  LedgerEntry(UUID memberId, EntryKind kind, String reason, String sourceId, Instant at) {
    this.id = UUID.randomUUID();
    this.memberId = memberId;
    this.kind = kind;
    this.reason = reason;
    this.sourceId = sourceId;
    this.postedAt = at;
  }

  public UUID id() {
    return id;
  }

  public EntryKind kind() {
    return kind;
  }

  public String reason() {
    return reason;
  }

  public UUID memberId() {
    return memberId;
  }

  public String sourceId() {
    return sourceId;
  }

  public Instant postedAt() {
    return postedAt;
  }
}
