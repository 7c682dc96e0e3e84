package club.bloom.ledger.domain;

import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Points about to expire that were not announced yet ({@code point_expiry_notice}), in the caller's
 * transaction.
 */
public interface ExpiryNotices {
  /**
   * Records, per member, currency and expiry time, the points of active lots expiring after {@code
   * from} and no later than {@code until} that no earlier call recorded, and answers them.
   */
  List<PointsExpiringSoon> recordDue(
      SchemaName club, TenantId clubId, Instant from, Instant until, Instant now);

  /** Forgets announcements of expiries already past (they cannot be announced again). */
  int forgetBefore(SchemaName club, Instant before);
}
