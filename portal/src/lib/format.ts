/** How the portal shows money, dates and points: Russian conventions, the reader's time zone. */
import type { Money } from './api';

const LOCALE = 'ru-RU';

/** `{amount: '1500.00', currency: 'RUB'}` → `1 500,00 ₽`. */
export function formatMoney(money: Money): string {
  const amount = Number(money.amount);
  try {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency: money.currency }).format(
      amount,
    );
  } catch {
    // An unknown currency code: still show the amount rather than nothing.
    return `${new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2 }).format(amount)} ${money.currency}`;
  }
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeStyle: 'short' });

/** `2025-03-14T10:15:00Z` → `14.03.2025` (in the member's time zone). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const pointsFormat = new Intl.NumberFormat(LOCALE);

export function formatPoints(points: number): string {
  return pointsFormat.format(points);
}
