package club.bloom.ledger.application;

import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.ledger.domain.SpentPointsPolicy;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;

/**
 * A club's currencies and ledger policy. Currencies are added or redefined, never removed: lots and
 * postings refer to them. The {@code points} currency always exists.
 */
@ApplicationScoped
@Transactional
public class LedgerConfiguration {
  @Inject LedgerSettings settings;

  /** Drops the purchase path's snapshots of the club once the change committed (ADR 0040). */
  @Inject jakarta.enterprise.event.Event<club.bloom.shared.domain.ConfigurationChanged> changed;

  private void changed(SchemaName club) {
    if (changed != null) {
      changed.fire(new club.bloom.shared.domain.ConfigurationChanged(club.value()));
    }
  }

  public List<Currency> defineCurrencies(SchemaName club, List<CurrencyDefinition> wanted) {
    var seen = new HashSet<String>();
    for (int i = 0; i < wanted.size(); i++) {
      if (!seen.add(wanted.get(i).code())) {
        throw InvalidInput.of("[" + i + "].code", "is listed twice");
      }
    }
    for (CurrencyDefinition d : wanted) {
      settings
          .currency(club, d.code())
          .ifPresentOrElse(
              c ->
                  c.define(
                      d.name(),
                      d.rubleValue(),
                      d.activationDays(),
                      d.inactivityMonths(),
                      d.onlyAtOtherPartners()),
              () ->
                  settings.add(
                      club,
                      new Currency(
                          d.code(),
                          d.name(),
                          d.rubleValue(),
                          d.activationDays(),
                          d.inactivityMonths(),
                          d.onlyAtOtherPartners())));
    }
    changed(club);
    return settings.currencies(club);
  }

  public List<Currency> currencies(SchemaName club) {
    return settings.currencies(club);
  }

  /** Sets the policy; a null limit leaves the redemption limit as it is. Returns the limit. */
  public java.math.BigDecimal setPolicy(
      SchemaName club, SpentPointsPolicy policy, java.math.BigDecimal maxRedeemPercent) {
    settings.setSpentPointsPolicy(club, policy);
    if (maxRedeemPercent != null) {
      settings.setMaxRedeemPercent(club, maxRedeemPercent);
    }
    return settings.maxRedeemPercent(club);
  }

  /** The policy in force. */
  public Policy policy(SchemaName club) {
    return new Policy(settings.spentPointsPolicy(club), settings.maxRedeemPercent(club));
  }

  /**
   * How refunds treat spent points, and the largest share of a receipt (percent) points may pay.
   */
  public record Policy(
      SpentPointsPolicy spentPointsOnRefund, java.math.BigDecimal maxRedeemPercent) {}

  /** One currency to define. */
  public record CurrencyDefinition(
      String code,
      String name,
      java.math.BigDecimal rubleValue,
      int activationDays,
      Integer inactivityMonths,
      boolean onlyAtOtherPartners) {}
}
