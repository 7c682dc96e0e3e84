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

/** One movement of points (club schema), append-only. */
@Entity
@Table(name = "point_posting")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA)
public class PointPosting {
  public static final String PURCHASE = "PURCHASE";

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  private long points;
  private String reason;

  // Nullable uuid column kept as text: EclipseLink 4.0 fails converting a NULL uuid to UUID.
  @Column(name = "purchase_id")
  private String purchaseId;

  @Column(name = "posted_at")
  private Instant postedAt;

  protected PointPosting() {}

  PointPosting(UUID memberId, long points, String reason, UUID purchaseId, Instant at) {
    this.id = UUID.randomUUID();
    this.memberId = memberId;
    this.points = points;
    this.reason = reason;
    this.purchaseId = purchaseId == null ? null : purchaseId.toString();
    this.postedAt = at;
  }

  public long points() {
    return points;
  }
}
