/** The console's words for the contract's codes. */
import type { Currency, EarningEffect, EffectKind, SkipReason } from '../../lib/api';

export const EFFECT_KINDS: { value: EffectKind; label: string }[] = [
  { value: 'ACCRUAL_PERCENT', label: '% от суммы покупки' },
  { value: 'MULTIPLIER', label: 'Множитель базовых баллов' },
  { value: 'FIXED_POINTS', label: 'Фиксированные баллы' },
];

export const SKIP_REASONS: Record<SkipReason, string> = {
  INACTIVE: 'выключено',
  SHADOWED: 'перекрыто исключающим правилом',
  CONDITION_FALSE: 'условие не выполнено',
  CONDITION_FAILED: 'условие не вычислилось',
  CAPPED: 'достигнут лимит начисления',
};

export function currencyName(code: string, currencies: Currency[]): string {
  return currencies.find((c) => c.code === code)?.name ?? code;
}

/** `3 % суммы`, `×1.5 к базовым`, `+300`, then the currency and expiry when not plain points. */
export function effectSummary(effect: EarningEffect, currencies: Currency[]): string {
  const value = effect.value.replace('.', ',');
  const amount =
    effect.kind === 'ACCRUAL_PERCENT'
      ? `${value} % суммы`
      : effect.kind === 'MULTIPLIER'
        ? `×${value} к базовым`
        : `+${value}`;
  const currency = currencyName(effect.currency ?? 'points', currencies);
  const expiry = effect.expiresInDays ? `, сгорают через ${effect.expiresInDays} дн.` : '';
  return `${amount} — ${currency}${expiry}`;
}
