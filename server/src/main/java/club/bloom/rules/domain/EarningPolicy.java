package club.bloom.rules.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * The club-wide part of earning (club schema, one row): the cap on the accrual percent per receipt,
 * none if null. See {@link RuleSet} for how the cap applies.
 */
@Entity
@Table(name = "earning_policy")
public class EarningPolicy {
  /** The id of the one row. */
  public static final int ID = 1;

  @Id private int id;

  @Column(name = "max_accrual_percent")
  private BigDecimal maxAccrualPercent;

  /** Incremented by every change of the club's rule set (its ETag). */
  private long revision;

  protected EarningPolicy() {}

  public EarningPolicy(BigDecimal maxAccrualPercent) {
    this.id = ID;
    this.maxAccrualPercent = maxAccrualPercent;
  }

  public void capAt(BigDecimal percent) {
    this.maxAccrualPercent = percent;
  }

  /** The rule set changed: one revision more. */
  public void revised() {
    revision++;
  }

  public long revision() {
    return revision;
  }

  public BigDecimal maxAccrualPercent() {
    return maxAccrualPercent;
  }
}
