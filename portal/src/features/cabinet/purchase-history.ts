import type { BloomApi, MemberPurchase, MemberPurchasePage, Problem } from '../../lib/api';
import { toProblem } from '../../lib/api';
import { h } from '../../lib/dom';
import { formatDate, formatDateTime, formatMoney, formatPoints } from '../../lib/format';

export const PAGE_SIZE = 50;

/** The member's purchases at all partners of the club, newest first, a page at a time. */
export function purchaseHistory(
  first: MemberPurchasePage,
  api: BloomApi,
  signal: AbortSignal,
  showProblem: (problem: Problem) => void,
): HTMLElement {
  const section = h(
    'section',
    { class: 'card history', attrs: { 'aria-label': 'История покупок' } },
    h('h2', {}, 'История покупок'),
  );
  if (first.items.length === 0) {
    section.append(h('p', { class: 'muted' }, 'Покупок пока нет.'));
    return section;
  }

  const body = h('tbody', {}, ...first.items.map(purchaseRow));
  section.append(
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'history__table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' } }, 'Дата'),
            h('th', { attrs: { scope: 'col' } }, 'Партнёр'),
            h('th', { attrs: { scope: 'col' } }, 'Категория'),
            h('th', { class: 'num', attrs: { scope: 'col' } }, 'Сумма'),
            h('th', { class: 'num', attrs: { scope: 'col' } }, 'Баллы'),
          ),
        ),
        body,
      ),
    ),
  );

  let cursor = first.nextCursor;
  if (cursor) {
    const more = h(
      'button',
      { class: 'button button--quiet', attrs: { type: 'button' } },
      'Показать ещё',
    );
    more.addEventListener('click', () => {
      more.disabled = true;
      api
        .listMyPurchases({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal })
        .then((page) => {
          body.append(...page.items.map(purchaseRow));
          cursor = page.nextCursor;
          if (cursor) more.disabled = false;
          else more.remove();
        })
        .catch((error: unknown) => {
          if (signal.aborted) return;
          more.disabled = false;
          showProblem(toProblem(error));
        });
    });
    section.append(more);
  }
  return section;
}

function purchaseRow(purchase: MemberPurchase): HTMLTableRowElement {
  const points = formatPoints(purchase.pointsEarned);
  return h(
    'tr',
    { testid: 'purchase-row' },
    h(
      'td',
      { class: 'history__date' },
      h(
        'time',
        { attrs: { datetime: purchase.occurredAt, title: formatDateTime(purchase.occurredAt) } },
        formatDate(purchase.occurredAt),
      ),
    ),
    h('td', { class: 'history__partner' }, purchase.partnerName),
    h('td', { class: 'history__category' }, purchase.categoryName ?? purchase.category),
    h('td', { class: 'history__amount num' }, formatMoney(purchase.amount)),
    h(
      'td',
      { class: 'history__points num', attrs: { title: 'Начислено баллов' } },
      purchase.pointsEarned > 0 ? `+${points}` : points,
    ),
  );
}
