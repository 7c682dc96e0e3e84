package club.bloom.tiers.api;

import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.Dto.TierRef;
import club.bloom.tiers.application.ProgressView;

/** The contract's {@code TierProgress}. */
public record ProgressDto(
    MoneyDto spentInWindow,
    int categoriesInWindow,
    TierRef nextTier,
    MoneyDto amountLeft,
    Integer categoriesLeft,
    String text) {
  public static ProgressDto of(ProgressView p) {
    return new ProgressDto(
        MoneyDto.of(p.spentInWindow()),
        p.categoriesInWindow(),
        p.nextTierCode() == null ? null : new TierRef(p.nextTierCode(), p.nextTierName()),
        MoneyDto.of(p.amountLeft()),
        p.categoriesLeft(),
        p.text());
  }
}
