package club.bloom.onboarding.domain;

import club.bloom.shared.domain.Conflict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A partner business asks to join a club (platform schema), with the categories it would like to
 * report and a message.
 *
 * <p>Lifecycle: {@code PENDING} until the club decides: {@code APPROVED} with the categories the
 * club allows (the partnership is made at the same time) or {@code DECLINED} with a reason. The
 * same decision twice changes nothing; the other decision after one is refused. At most one pending
 * request per club and partner.
 */
@Entity
@Table(schema = "platform", name = "join_request")
public class JoinRequest {
  @Id private UUID id;

  @Column(name = "club_id")
  private UUID clubId;

  @Column(name = "partner_id")
  private UUID partnerId;

  @Column(name = "wanted_categories")
  private String wantedCategories;

  private String message;

  @Enumerated(EnumType.STRING)
  private JoinRequestStatus status;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "approved_categories")
  private String approvedCategories;

  @Column(name = "decline_reason")
  private String declineReason;

  @Version private long version;

  protected JoinRequest() {}

  public static JoinRequest ask(
      UUID clubId,
      UUID partnerId,
      Set<String> wanted,
      Optional<String> message,
      String requestedBy,
      Instant now) {
    JoinRequest r = new JoinRequest();
    r.id = UUID.randomUUID();
    r.clubId = clubId;
    r.partnerId = partnerId;
    r.wantedCategories = String.join(",", new TreeSet<>(wanted));
    r.message = message.orElse(null);
    r.status = JoinRequestStatus.PENDING;
    r.requestedBy = requestedBy;
    r.createdAt = Stored.time(now);
    return r;
  }

  /**
   * The club approves with these categories. Returns false when it was approved already.
   *
   * @throws Conflict {@code join-request-decided} when it was declined
   */
  public boolean approve(Set<String> categories, String by, Instant now) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("an approval needs at least one category");
    }
    if (status == JoinRequestStatus.APPROVED) {
      return false;
    }
    if (status != JoinRequestStatus.PENDING) {
      throw decided("approved");
    }
    status = JoinRequestStatus.APPROVED;
    approvedCategories = String.join(",", new TreeSet<>(categories));
    decidedBy = by;
    decidedAt = Stored.time(now);
    return true;
  }

  /**
   * The club declines, optionally saying why. Returns false when it was declined already.
   *
   * @throws Conflict {@code join-request-decided} when it was approved
   */
  public boolean decline(Optional<String> reason, String by, Instant now) {
    if (status == JoinRequestStatus.DECLINED) {
      return false;
    }
    if (status != JoinRequestStatus.PENDING) {
      throw decided("declined");
    }
    status = JoinRequestStatus.DECLINED;
    declineReason = reason.orElse(null);
    decidedBy = by;
    decidedAt = Stored.time(now);
    return true;
  }

  private Conflict decided(String wanted) {
    return new Conflict(
        "join-request-decided",
        "Request already decided",
        "The request was " + status.code() + " and cannot be " + wanted + " now");
  }

  public UUID id() {
    return id;
  }

  public UUID clubId() {
    return clubId;
  }

  public UUID partnerId() {
    return partnerId;
  }

  public Set<String> wantedCategories() {
    return split(wantedCategories);
  }

  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  public JoinRequestStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> decidedAt() {
    return Optional.ofNullable(decidedAt);
  }

  public Set<String> approvedCategories() {
    return split(approvedCategories);
  }

  public Optional<String> declineReason() {
    return Optional.ofNullable(declineReason);
  }

  private static Set<String> split(String joined) {
    Set<String> out = new LinkedHashSet<>();
    if (joined != null && !joined.isEmpty()) {
      out.addAll(Arrays.asList(joined.split(",")));
    }
    return out;
  }
}
