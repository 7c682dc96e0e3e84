package club.bloom.tiers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A tier as configured by the club (club schema). */
@Entity
@Table(name = "tier")
public class Tier {
  @Id private String code;
  private String name;
  private int rank;

  @Column(name = "min_spend")
  private BigDecimal minSpend;

  @Column(name = "min_categories")
  private int minCategories;

  @Column(name = "window_months")
  private int windowMonths;

  @Column(name = "accrual_percent")
  private BigDecimal accrualPercent;

  @Column(name = "invitation_only")
  private boolean invitationOnly;

  @Column(name = "top_percent")
  private BigDecimal topPercent;

  protected Tier() {}

  public Tier(TierRule rule) {
    this.code = rule.code();
    apply(rule);
  }

  public final void apply(TierRule rule) {
    name = rule.name();
    rank = rule.rank();
    minSpend = rule.minSpend().amount();
    minCategories = rule.minCategories();
    windowMonths = rule.windowMonths();
    accrualPercent = rule.accrualPercent();
    invitationOnly = rule.invitationOnly();
    topPercent = rule.topPercent();
  }

  public TierRule rule() {
    return new TierRule(
        code,
        name,
        rank,
        new club.bloom.shared.domain.Money(minSpend, club.bloom.shared.domain.Money.RUB),
        minCategories,
        windowMonths,
        accrualPercent,
        invitationOnly,
        topPercent);
  }

  public String code() {
    return code;
  }
}
