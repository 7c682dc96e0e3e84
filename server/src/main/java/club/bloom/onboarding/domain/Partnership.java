package club.bloom.onboarding.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's membership in a club (platform schema): the categories it may report there, and
 * whether it takes the club's points as payment (off until the operator opts it in).
 *
 * <p>Lifecycle: made by the operator, by the partner redeeming the club's invitation code, or by
 * the club approving the partner's request ({@link JoinedVia}); active until the club ends it. An
 * ended partnership is kept (its purchases stay in the club's history) and refuses new purchases;
 * joining again makes it active again from that day, with the categories of the new terms.
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

  @Enumerated(EnumType.STRING)
  @Column(name = "joined_via")
  private JoinedVia joinedVia;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected Partnership() {}

  public Partnership(UUID clubId, UUID partnerId, Set<String> categories, Instant now) {
    this(clubId, partnerId, categories, JoinedVia.OPERATOR, now);
  }

  public Partnership(
      UUID clubId, UUID partnerId, Set<String> categories, JoinedVia via, Instant now) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("a partnership needs at least one category");
    }
    this.clubId = clubId;
    this.partnerId = partnerId;
    this.createdAt = Stored.time(now);
    this.joinedVia = via;
    allow(categories);
  }

  /** Whether the partner may report purchases in the club now. */
  public boolean isActive() {
    return endedAt == null;
  }

  /**
   * The partnership, if it is active.
   *
   * @throws PartnershipEnded when the club has ended it
   */
  public Partnership requireActive() {
    if (!isActive()) {
      throw new PartnershipEnded(endedAt);
    }
    return this;
  }

  /** The club ends the partnership. Returns false when it had ended already. */
  public boolean end(Instant now) {
    if (endedAt != null) {
      return false;
    }
    endedAt = Stored.time(now);
    return true;
  }

  /**
   * An ended partnership starts again from {@code now} with these categories; taking points as
   * payment is off again until the operator opts it in.
   */
  public void rejoin(Set<String> newCategories, JoinedVia via, Instant now) {
    if (isActive()) {
      throw new IllegalStateException("the partnership is active");
    }
    allow(newCategories);
    createdAt = Stored.time(now);
    endedAt = null;
    joinedVia = via;
    redemptionEnabled = false;
  }

  /** Since when the partnership is (or was, until it ended) active. */
  public Instant since() {
    return createdAt;
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  public JoinedVia joinedVia() {
    return joinedVia == null ? JoinedVia.OPERATOR : joinedVia;
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
