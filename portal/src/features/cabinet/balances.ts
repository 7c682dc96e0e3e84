import type { CurrencyBalance, MemberCabinet } from '../../lib/api';
import { h } from '../../lib/dom';
import { formatDate, formatPoints } from './format';

/** What to say under a balance: where it can be spent, what expires next, what is pending or owed. */
export function balanceNote(balance: CurrencyBalance): string | null {
  const notes: string[] = [];
  if (balance.onlyAtOtherPartners) notes.push('у других партнёров клуба');
  if (balance.nextExpiry)
    notes.push(
      `${formatPoints(balance.nextExpiry.points)} сгорят ${formatDate(balance.nextExpiry.at)}`,
    );
  if (balance.pending) notes.push(`ещё ${formatPoints(balance.pending)} скоро станут доступны`);
  if (balance.debt) notes.push(`долг ${formatPoints(balance.debt)} после возврата`);
  return notes.length === 0 ? null : notes.join('; ');
}

/**
 * The member's balances in the club's currencies other than points (e.g. cross-credits), each as a
 * fact beside the points; a currency the member has nothing in is left out.
 */
export function otherBalances(cabinet: MemberCabinet): HTMLElement[] {
  return (cabinet.balances ?? [])
    .filter((b) => b.currency !== 'points' && (b.active > 0 || b.pending > 0 || b.debt > 0))
    .map((b) => {
      const note = balanceNote(b);
      return h(
        'div',
        { class: 'fact', testid: `balance-${b.currency}` },
        h('span', { class: 'fact__label' }, b.name),
        h('span', { class: 'fact__value' }, formatPoints(b.active)),
        note ? h('span', { class: 'fact__note' }, note) : null,
      );
    });
}
