/**
 * Tiers: the ladder, lowest rank first, with what the club may tune on each tier (name, minimum
 * spend, categories, base accrual percent, top-N %), saved together (`PUT /tiers` replaces the
 * ladder); and the grace period before a downgrade (`PUT /tier-policy`). Codes, ranks and
 * invitation-only stay as they are: members' standings refer to them.
 */
import { toProblem, type Tier, type TierPolicy } from '../../lib/api';
import { h } from '../../lib/dom';
import { formatMoney } from '../../lib/format';
import type { ConsoleContext } from './context';
import {
  decimalOf,
  field,
  intOf,
  numberInput,
  placeErrors,
  remainder,
  savedNote,
  textInput,
  type Field,
} from './form';

interface TierRow {
  tier: Tier;
  fields: Record<string, Field>;
  element: HTMLTableRowElement;
}

export function tiersPanel(ctx: ConsoleContext, ladder: Tier[], policy: TierPolicy): HTMLElement {
  let rows: TierRow[] = [];
  const body = h('tbody');
  const note = savedNote('tiers-saved');

  const render = (tiers: Tier[]) => {
    rows = [...tiers].sort((a, b) => a.rank - b.rank).map(tierRow);
    body.replaceChildren(...rows.map((r) => r.element));
  };

  const save = h(
    'button',
    { class: 'button button--primary', testid: 'tiers-save', attrs: { type: 'submit' } },
    'Сохранить уровни',
  );
  const form = h(
    'form',
    { class: 'card', attrs: { novalidate: '' } },
    h('h2', {}, 'Уровни'),
    h(
      'p',
      { class: 'muted' },
      `Уровень даётся за траты и число категорий за ${ladder[0]?.windowMonths ?? 12} мес. `,
      'или попадание в верхние N % участников по тратам; база — процент от суммы покупки.',
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table tiers-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              'Уровень',
              'Название',
              'Траты от, ₽',
              'Категорий от',
              'База, %',
              'Верхние N %',
              'Вход',
            ].map((title) => h('th', { attrs: { scope: 'col' } }, title)),
          ),
        ),
        body,
      ),
    ),
    h('div', { class: 'form-actions' }, save, note.element),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const tiers = rows.map(readRow);
    save.disabled = true;
    note.show('');
    ctx.api
      .defineTiers(ctx.club, tiers, { signal: ctx.signal })
      .then((saved) => {
        render(saved);
        note.show('Уровни сохранены.');
      })
      .catch((error: unknown) => {
        if (ctx.signal.aborted) return;
        const problem = toProblem(error);
        let left = problem.errors ?? [];
        rows.forEach((row, i) => {
          left = placeErrors(row.fields, { ...problem, errors: left }, `[${i}].`);
        });
        const rest = remainder(problem, left);
        if (rest) ctx.showProblem({ ...rest, title: 'Уровни не сохранены' });
      })
      .finally(() => (save.disabled = false));
  });

  render(ladder);
  return h(
    'section',
    { class: 'console-panel', testid: 'tiers-panel' },
    form,
    gracePeriodForm(ctx, policy),
  );
}

function tierRow(tier: Tier): TierRow {
  const cell = (label: string, control: HTMLInputElement, testid: string) =>
    field(label, control, { testid: `tier-${tier.code}-${testid}`, class: 'field--cell' });
  const fields: Record<string, Field> = {
    name: cell('Название', textInput(tier.name), 'name'),
    'minSpend.amount': cell(
      'Траты от, ₽',
      textInput(tier.minSpend.amount, { inputmode: 'decimal' }),
      'min-spend',
    ),
    minCategories: cell(
      'Категорий от',
      numberInput(tier.minCategories, { min: '0' }),
      'min-categories',
    ),
    accrualPercent: cell(
      'База, %',
      textInput(tier.accrualPercent, { inputmode: 'decimal' }),
      'accrual-percent',
    ),
    topPercent: cell(
      'Верхние N %',
      textInput(tier.topPercent ?? '', { inputmode: 'decimal' }),
      'top-percent',
    ),
  };
  // `minSpend` errors name the object or its amount; both belong to the same cell.
  fields['minSpend'] = fields['minSpend.amount'] as Field;
  const cells = ['name', 'minSpend.amount', 'minCategories', 'accrualPercent', 'topPercent'];
  const element = h(
    'tr',
    { testid: 'tier-row', attrs: { 'data-code': tier.code } },
    h(
      'th',
      { attrs: { scope: 'row' } },
      h('strong', {}, tier.name),
      h('div', { class: 'muted code' }, `${tier.code}, ранг ${tier.rank}`),
      h('div', { class: 'muted' }, `сейчас от ${formatMoney(tier.minSpend)}`),
    ),
    ...cells.map((name) => h('td', {}, (fields[name] as Field).element)),
    h('td', {}, tier.invitationOnly ? 'по приглашению' : 'по условиям'),
  );
  return { tier, fields, element };
}

function readRow(row: TierRow): Tier {
  const value = (name: string) => (row.fields[name] as Field).control as HTMLInputElement;
  const top = decimalOf(value('topPercent'));
  const tier: Tier = {
    code: row.tier.code,
    name: value('name').value.trim(),
    rank: row.tier.rank,
    minSpend: { amount: decimalOf(value('minSpend.amount')), currency: row.tier.minSpend.currency },
    minCategories: intOf(value('minCategories')) ?? Number.NaN,
    accrualPercent: decimalOf(value('accrualPercent')),
    invitationOnly: row.tier.invitationOnly,
  };
  if (row.tier.windowMonths !== undefined) tier.windowMonths = row.tier.windowMonths;
  if (top !== '') tier.topPercent = top;
  return tier;
}

function gracePeriodForm(ctx: ConsoleContext, policy: TierPolicy): HTMLElement {
  const grace = field(
    'Дней до понижения',
    numberInput(policy.graceDays, { min: '0', max: '365' }),
    {
      testid: 'tier-grace-days',
      hint: 'Сколько дней участник сохраняет уровень, условиям которого больше не отвечает.',
    },
  );
  const note = savedNote('tier-policy-saved');
  const save = h(
    'button',
    { class: 'button', testid: 'tier-policy-save', attrs: { type: 'submit' } },
    'Сохранить',
  );
  const form = h(
    'form',
    { class: 'card inline-form', attrs: { novalidate: '' } },
    h('h2', {}, 'Понижение уровня'),
    grace.element,
    h('div', { class: 'form-actions' }, save, note.element),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    note.show('');
    ctx.api
      .setTierPolicy(
        ctx.club,
        { graceDays: intOf(grace.control) ?? Number.NaN },
        { signal: ctx.signal },
      )
      .then((saved) => {
        grace.control.value = String(saved.graceDays);
        placeErrors({ graceDays: grace }, null);
        note.show('Сохранено.');
      })
      .catch((error: unknown) => {
        if (ctx.signal.aborted) return;
        const problem = toProblem(error);
        const rest = remainder(problem, placeErrors({ graceDays: grace }, problem));
        if (rest) ctx.showProblem(rest);
      })
      .finally(() => (save.disabled = false));
  });
  return form;
}
