import type { MemberCabinet, TierProgress } from '../../lib/api';
import { h } from '../../lib/dom';
import { otherBalances } from './balances';
import { formatPoints } from './format';

/**
 * How far the member is toward the next tier by spend: spent / (spent + left). A member at the top
 * tier has a full bar. The categories condition is told by the text the server writes.
 */
export function progressFraction(progress: TierProgress): number {
  if (!progress.nextTier) return 1;
  const spent = Number(progress.spentInWindow.amount);
  const left = Number(progress.amountLeft?.amount ?? 0);
  if (!Number.isFinite(spent) || !Number.isFinite(left) || spent + left <= 0) return 0;
  return Math.min(1, Math.max(0, spent / (spent + left)));
}

/** Pending points and debt, when there are any, under the balance. */
function pointsNote(cabinet: MemberCabinet): HTMLElement | null {
  const notes: string[] = [];
  if (cabinet.pointsPending)
    notes.push(`ещё ${formatPoints(cabinet.pointsPending)} скоро станут доступны`);
  if (cabinet.pointsDebt) notes.push(`долг ${formatPoints(cabinet.pointsDebt)} после возврата`);
  if (notes.length === 0) return null;
  return h('span', { class: 'fact__note', testid: 'points-note' }, notes.join('; '));
}

/** Points balance, current tier and the way to the next one. */
export function statusCard(cabinet: MemberCabinet): HTMLElement {
  const { progress, tier } = cabinet;
  const percent = Math.round(progressFraction(progress) * 100);
  const fill = h('div', { class: 'progress__fill' });
  fill.style.width = `${percent}%`;

  return h(
    'section',
    { class: 'card status', attrs: { 'aria-label': 'Баллы и уровень' } },
    h(
      'div',
      { class: 'status__facts' },
      h(
        'div',
        { class: 'fact' },
        h('span', { class: 'fact__label' }, 'Баллы'),
        h(
          'span',
          { class: 'fact__value', testid: 'points-balance' },
          formatPoints(cabinet.pointsBalance),
        ),
        pointsNote(cabinet),
      ),
      ...otherBalances(cabinet),
      h(
        'div',
        { class: 'fact' },
        h('span', { class: 'fact__label' }, 'Уровень'),
        h('span', { class: 'fact__value tier', testid: 'tier-name' }, tier.name),
      ),
    ),
    h(
      'div',
      { class: 'progress' },
      h(
        'div',
        {
          class: 'progress__bar',
          attrs: {
            role: 'progressbar',
            'aria-valuemin': '0',
            'aria-valuemax': '100',
            'aria-valuenow': String(percent),
            'aria-label': progress.nextTier
              ? `Прогресс до уровня «${progress.nextTier.name}»`
              : 'Высший уровень клуба',
          },
        },
        fill,
      ),
      h(
        'div',
        { class: 'progress__ends' },
        h('span', {}, tier.name),
        h('span', {}, progress.nextTier?.name ?? ''),
      ),
      h('p', { class: 'progress__text', testid: 'tier-progress' }, progress.text),
    ),
  );
}
