package club.bloom.onboarding.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's membership in a club (platform schema): the categories it may report there, and
 * whether it takes the club's points as payment (off until the operator opts it in).
 */
@Entity
@Table(schema = "platform", name = "partnership")
@IdClass(Partnership.Key.class)
public class Partnership {
  @Id
  @Column(name = "club_id")
  private UUID clubId;

  @Id
  @Column(name = "partner_id")
  private UUID partnerId;

  private String categories;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "redemption_enabled")
  private boolean redemptionEnabled;

  protected Partnership() {}

  public Partnership(UUID clubId, UUID partnerId, Set<String> categories, Instant now) {
    this.clubId = clubId;
    this.partnerId = partnerId;
    this.createdAt = now;
    allow(categories);
  }

  public final void allow(Set<String> newCategories) {
    this.categories = String.join(",", new java.util.TreeSet<>(newCategories));
  }

  public Set<String> categories() {
    return new LinkedHashSet<>(Arrays.asList(categories.split(",")));
  }

  public boolean mayReport(String category) {
    return categories().contains(category);
  }

  /** Lets the partner take the club's points as payment, or stops it. */
  public void enableRedemption(boolean enabled) {
    this.redemptionEnabled = enabled;
  }

  public boolean redemptionEnabled() {
    return redemptionEnabled;
  }

  public UUID clubId() {
    return clubId;
  }

  public UUID partnerId() {
    return partnerId;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID clubId;
    UUID partnerId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.clubId.equals(clubId) && k.partnerId.equals(partnerId);
    }

    @Override
    public int hashCode() {
      return clubId.hashCode() * 31 + partnerId.hashCode();
    }
  }
}
