package club.bloom.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * A points currency of the club (club schema), e.g. «Баллы» worth 1 ₽ each, or cross-credits.
 * Points granted in it become spendable after the activation delay and, if set, all expire after
 * months without a purchase.
 */
@Entity
@Table(name = "currency")
public class Currency {
  public static final String POINTS = "points";

  @Id private String code;
  private String name;

  @Column(name = "ruble_value")
  private BigDecimal rubleValue;

  @Column(name = "activation_days")
  private int activationDays;

  @Column(name = "inactivity_months")
  private Integer inactivityMonths;

  @Column(name = "only_at_other_partners")
  private boolean onlyAtOtherPartners;

  protected Currency() {}

  public Currency(
      String code,
      String name,
      BigDecimal rubleValue,
      int activationDays,
      Integer inactivityMonths,
      boolean onlyAtOtherPartners) {
    this.code = code;
    define(name, rubleValue, activationDays, inactivityMonths, onlyAtOtherPartners);
  }

  public final void define(
      String newName,
      BigDecimal value,
      int activation,
      Integer monthsWithoutPurchase,
      boolean otherPartnersOnly) {
    if (activation < 0) {
      throw new IllegalArgumentException("activation delay is never negative");
    }
    this.name = newName;
    this.rubleValue = value;
    this.activationDays = activation;
    this.inactivityMonths = monthsWithoutPurchase;
    this.onlyAtOtherPartners = otherPartnersOnly;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public BigDecimal rubleValue() {
    return rubleValue;
  }

  public Duration activationDelay() {
    return Duration.ofDays(activationDays);
  }

  public int activationDays() {
    return activationDays;
  }

  public Optional<Integer> inactivityMonths() {
    return Optional.ofNullable(inactivityMonths);
  }

  /** Whether points granted by a partner's purchase can be spent only at other partners. */
  public boolean onlyAtOtherPartners() {
    return onlyAtOtherPartners;
  }

  /**
   * Whether points of this lot may pay at the partner: always, unless the currency is spendable
   * only at other partners and the lot was granted by that partner's purchase.
   */
  public boolean spendableAt(PointLot lot, String partnerId) {
    return !onlyAtOtherPartners || !lot.partnerId().map(partnerId::equals).orElse(false);
  }
}
