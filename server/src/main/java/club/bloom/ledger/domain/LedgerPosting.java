package club.bloom.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One line of a journal entry (club schema): a signed amount on one account. */
@Entity
@Table(name = "ledger_posting")
public class LedgerPosting {
  @Id private UUID id;

  @Column(name = "entry_id")
  private UUID entryId;

  @Enumerated(EnumType.STRING)
  private Account account;

  @Column(name = "member_id")
  private UUID memberId;

  private String currency;
  private long amount;

  @Column(name = "lot_id")
  private String lotId;

  protected LedgerPosting() {}

  LedgerPosting(
      UUID entryId, Account account, UUID memberId, String currency, long amount, UUID lotId) {
    this.id = UUID.randomUUID();
    this.entryId = entryId;
    this.account = account;
    this.memberId = memberId;
    this.currency = currency;
    this.amount = amount;
    this.lotId = lotId == null ? null : lotId.toString();
  }

  public Account account() {
    return account;
  }

  public String currency() {
    return currency;
  }

  public long amount() {
    return amount;
  }

  public UUID id() {
    return id;
  }

  public UUID entryId() {
    return entryId;
  }

  public UUID memberId() {
    return memberId;
  }

  /** The lot the posting moved points of (member-account postings), as stored. */
  public String lotId() {
    return lotId;
  }
}
