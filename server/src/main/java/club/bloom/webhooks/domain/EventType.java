package club.bloom.webhooks.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a webhook reports. Partners receive only events about their own receipts (and imports);
 * clubs receive events about their members. Adding a type: a constant here, a mapper from the
 * domain event to the message's data and an observer ({@code WebhookObservers}), and the contract's
 * {@code webhooks} section.
 */
public enum EventType {
  PURCHASE_RECORDED("purchase.recorded", true, true),
  REFUND_RECORDED("refund.recorded", true, true),
  REDEMPTION_RECORDED("redemption.recorded", true, true),
  MEMBER_TIER_CHANGED("member.tier_changed", false, true),
  POINTS_EXPIRING("points.expiring", false, true),
  IMPORT_FINISHED("import.finished", true, false);

  private final String wireName;
  private final boolean forPartners;
  private final boolean forClubs;

  EventType(String wireName, boolean forPartners, boolean forClubs) {
    this.wireName = wireName;
    this.forPartners = forPartners;
    this.forClubs = forClubs;
  }

  /** The name in the message's {@code type} and in an endpoint's subscription. */
  public String wireName() {
    return wireName;
  }

  public boolean forPartners() {
    return forPartners;
  }

  public boolean forClubs() {
    return forClubs;
  }

  public boolean availableTo(boolean club) {
    return club ? forClubs : forPartners;
  }

  public static Optional<EventType> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
