package club.bloom.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A member's points account (club schema). Changed only by postings; never negative. */
@Entity
@Table(name = "point_account")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA)
public class PointAccount {
  @Id
  @Column(name = "member_id")
  private UUID memberId;

  private long balance;

  protected PointAccount() {}

  public static PointAccount open(UUID memberId) {
    PointAccount a = new PointAccount();
    a.memberId = memberId;
    a.balance = 0;
    return a;
  }

  /** Credits points earned by a purchase and returns the posting that records it. */
  public PointPosting credit(long points, String reason, UUID purchaseId, Instant at) {
    if (points < 0) {
      throw new IllegalArgumentException("a credit is never negative");
    }
    balance = Math.addExact(balance, points);
    return new PointPosting(memberId, points, reason, purchaseId, at);
  }

  public long balance() {
    return balance;
  }

  public UUID memberId() {
    return memberId;
  }
}
