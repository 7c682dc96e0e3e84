/**
 * The preview: a purchase and the member as before it, sent to `POST /rules/simulate`. While a
 * rule is being edited the simulation runs the saved rules with that draft in place (the request's
 * `ruleSet`), so the club sees what the unsaved rule would do among the others; otherwise it runs
 * the saved set. Nothing is posted. The answer lists the rules that fired with their points and
 * the skipped ones with the reason.
 */
import {
  ApiError,
  toProblem,
  type Category,
  type Currency,
  type EarningRuleSet,
  type EarningSimulation,
  type EarningSimulationRequest,
  type Problem,
  type Tier,
} from '../../lib/api';
import { h } from '../../lib/dom';
import { formatPoints } from '../../lib/format';
import type { ConsoleContext } from './context';
import {
  decimalOf,
  field,
  intOf,
  numberInput,
  placeErrors,
  selectInput,
  textInput,
  type Field,
} from './form';
import { currencyName, SKIP_REASONS } from './labels';

/** The draft to simulate: the whole set, the index of the edited rule, its code. */
export interface PreviewDraft {
  set: EarningRuleSet;
  index: number;
  code: string;
}

export interface PreviewOptions {
  categories: Category[];
  tiers: Tier[];
  currencies: Currency[];
  /** The draft while a rule is being edited, or null for the saved rules. */
  draft: () => PreviewDraft | null;
  /** Problems of the draft rule (fields under `ruleSet.rules[i].`), for the editor to show. */
  onDraftProblem: (problem: Problem | null, prefix: string) => Problem | null;
}

export interface Preview {
  element: HTMLElement;
  /** Says whether the next run uses a draft; the panel calls it when editing starts or stops. */
  refreshMode: () => void;
}

function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 16);
}

/** The tier whose base accrual a member with `code` earns: hers, or the lowest open one. */
function baseTier(tiers: Tier[], code: string): Tier | undefined {
  if (code) return tiers.find((t) => t.code === code);
  return [...tiers].sort((a, b) => a.rank - b.rank).find((t) => !t.invitationOnly);
}

export function rulePreview(ctx: ConsoleContext, options: PreviewOptions): Preview {
  const partner = field('Партнёр (код)', textInput('', { spellcheck: 'false' }), {
    testid: 'preview-partner',
    hint: 'Например, flora-studio.',
  });
  const category = field(
    'Категория',
    selectInput(
      options.categories.map((c) => ({ value: c.code, label: c.name })),
      options.categories[0]?.code ?? '',
    ),
    { testid: 'preview-category' },
  );
  const amount = field('Сумма, ₽', textInput('2000', { inputmode: 'decimal' }), {
    testid: 'preview-amount',
  });
  const occurredAt = field(
    'Дата и время',
    h('input', { class: 'input', attrs: { type: 'datetime-local' } }),
    { testid: 'preview-occurred-at', hint: 'В вашем часовом поясе; правила видят время клуба.' },
  );
  occurredAt.control.value = localNow();
  const tier = field(
    'Уровень участника',
    selectInput(
      [
        { value: '', label: 'без уровня' },
        ...options.tiers.map((t) => ({ value: t.code, label: t.name })),
      ],
      options.tiers[0]?.code ?? '',
    ),
    { testid: 'preview-tier' },
  );
  const purchasesCount = field('Покупок до этой', numberInput(0, { min: '0' }), {
    testid: 'preview-purchases-count',
  });
  const daysToBirthday = field(
    'Дней до дня рождения',
    numberInput(undefined, { min: '0', max: '365' }),
    { testid: 'preview-days-to-birthday', hint: 'Пусто — неизвестно.' },
  );
  const monthBoxes = options.categories.map((c) => {
    const input = h('input', { attrs: { type: 'checkbox', value: c.code } });
    return { input, element: h('label', { class: 'check' }, input, ` ${c.name}`) };
  });
  const segments = field('Сегменты', textInput('', { spellcheck: 'false' }), {
    testid: 'preview-segments',
    hint: 'Коды через запятую.',
  });
  const base = field('Базовые баллы уровня', numberInput(undefined, { min: '0' }), {
    testid: 'preview-base',
    hint: 'Считаются по проценту уровня; можно изменить.',
  });

  // The base follows the tier and the amount until someone types their own.
  let baseTyped = false;
  base.control.addEventListener('input', () => (baseTyped = true));
  const fillBase = () => {
    if (baseTyped) return;
    const percent = Number(baseTier(options.tiers, tier.control.value)?.accrualPercent ?? 0);
    const rubles = Number(decimalOf(amount.control));
    base.control.value =
      Number.isFinite(rubles) && rubles > 0 ? String(Math.floor((rubles * percent) / 100)) : '0';
  };
  tier.control.addEventListener('change', fillBase);
  amount.control.addEventListener('input', fillBase);
  fillBase();

  const fields: Record<string, Field> = {
    'purchase.partner': partner,
    'purchase.category': category,
    'purchase.amount.amount': amount,
    'purchase.amount': amount,
    'purchase.occurredAt': occurredAt,
    'member.tier': tier,
    'member.purchasesCount': purchasesCount,
    'member.daysToBirthday': daysToBirthday,
    'member.segments': segments,
    baseAccrualPoints: base,
  };

  const mode = h('p', { class: 'preview__mode muted', testid: 'preview-mode' });
  const result = h('div', { class: 'preview__result', testid: 'preview-result' });
  const run = h(
    'button',
    { class: 'button button--primary', testid: 'preview-run', attrs: { type: 'submit' } },
    'Проверить',
  );

  const refreshMode = () => {
    const draft = options.draft();
    mode.textContent = draft
      ? `Проверяются сохранённые правила вместе с редактируемым правилом${draft.code ? ` ${draft.code}` : ''} — оно ещё не сохранено.`
      : 'Проверяются сохранённые правила клуба.';
  };
  refreshMode();

  const request = (): EarningSimulationRequest => {
    const days = intOf(daysToBirthday.control);
    const draft = options.draft();
    const when = new Date(occurredAt.control.value);
    return {
      ...(draft ? { ruleSet: draft.set } : {}),
      purchase: {
        amount: { amount: decimalOf(amount.control), currency: 'RUB' },
        category: category.control.value,
        partner: partner.control.value.trim(),
        occurredAt: Number.isNaN(when.getTime()) ? occurredAt.control.value : when.toISOString(),
      },
      member: {
        tier: tier.control.value,
        purchasesCount: intOf(purchasesCount.control) ?? 0,
        daysToBirthday: days ?? -1,
        categoriesThisMonth: monthBoxes.filter((b) => b.input.checked).map((b) => b.input.value),
        segments: segments.control.value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      },
      baseAccrualPoints: intOf(base.control) ?? 0,
    };
  };

  const form = h(
    'form',
    { class: 'card preview', testid: 'rule-preview', attrs: { novalidate: '' } },
    h('h2', {}, 'Проверка на покупке'),
    h(
      'p',
      { class: 'muted' },
      'Какие правила сработают для покупки и почему. Ничего не начисляется.',
    ),
    mode,
    h(
      'div',
      { class: 'form-grid' },
      partner.element,
      category.element,
      amount.element,
      occurredAt.element,
      tier.element,
      purchasesCount.element,
      daysToBirthday.element,
      segments.element,
      h(
        'fieldset',
        { class: 'field field--wide checks', testid: 'preview-categories-this-month' },
        h('legend', { class: 'field__label' }, 'Категории, где уже были покупки в этом месяце'),
        ...monthBoxes.map((b) => b.element),
      ),
      base.element,
    ),
    h('div', { class: 'form-actions' }, run),
    result,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refreshMode();
    const body = request();
    const draft = options.draft();
    run.disabled = true;
    result.replaceChildren(h('p', { class: 'loading' }, 'Считаем…'));
    ctx.api
      .simulateEarning(ctx.club, body, { signal: ctx.signal })
      .then((simulation) => {
        placeErrors(fields, null);
        options.onDraftProblem(null, '');
        result.replaceChildren(outcome(simulation, options.currencies, draft?.code ?? null));
      })
      .catch((error: unknown) => {
        if (ctx.signal.aborted) return;
        const problem = toProblem(error);
        if (!(error instanceof ApiError) || problem.status !== 400) {
          result.replaceChildren();
          ctx.showProblem(problem);
          return;
        }
        // The draft's own problems go next to the editor's fields, the purchase's here.
        const prefix = draft ? `ruleSet.rules[${draft.index}].` : '';
        const rest = options.onDraftProblem(problem, prefix) ?? { ...problem, errors: [] };
        const left = placeErrors(fields, rest);
        const ruleTook = (problem.errors?.length ?? 0) > (rest.errors?.length ?? 0);
        result.replaceChildren(
          h(
            'p',
            { class: 'preview__failed', testid: 'preview-failed', attrs: { role: 'alert' } },
            ruleTook
              ? 'Проверка не выполнена: в правиле есть ошибки, они показаны в форме правила.'
              : 'Проверка не выполнена: исправьте отмеченные поля.',
          ),
          ...left.map((e) => h('p', { class: 'field__error' }, `${e.field}: ${e.reason}`)),
          ...((problem.errors ?? []).length === 0 && problem.detail
            ? [h('p', { class: 'field__error' }, problem.detail)]
            : []),
        );
      })
      .finally(() => (run.disabled = false));
  });

  return { element: form, refreshMode };
}

function outcome(
  simulation: EarningSimulation,
  currencies: Currency[],
  draftCode: string | null,
): HTMLElement {
  const total = new Map<string, number>();
  for (const grant of simulation.grants) {
    total.set(grant.currency, (total.get(grant.currency) ?? 0) + grant.points);
  }
  const totals = [...total]
    .map(([code, points]) => `${formatPoints(points)} ${currencyName(code, currencies)}`)
    .join(', ');
  const mark = (code: string) => (code === draftCode ? ' rule-row--draft' : '');

  return h(
    'div',
    {},
    h(
      'p',
      { class: 'preview__total', testid: 'preview-total' },
      totals ? `Бонусы сверх базовых баллов: ${totals}` : 'Бонусов сверх базовых баллов нет.',
    ),
    h('h3', {}, 'Сработали'),
    simulation.fired.length === 0
      ? h('p', { class: 'muted' }, 'Ни одно правило не сработало.')
      : h(
          'table',
          { class: 'table' },
          h(
            'tbody',
            {},
            ...simulation.fired.map((f) =>
              h(
                'tr',
                {
                  class: `preview__fired${mark(f.code)}`,
                  testid: 'preview-fired',
                  attrs: { 'data-code': f.code },
                },
                h('td', {}, h('strong', {}, f.name), h('div', { class: 'muted code' }, f.code)),
                h(
                  'td',
                  { class: 'num', testid: 'preview-points' },
                  `+${formatPoints(f.points)} ${currencyName(f.currency, currencies)}`,
                ),
                h('td', { class: 'explanation' }, f.explanation, f.capped ? ' (урезано)' : ''),
              ),
            ),
          ),
        ),
    h('h3', {}, 'Не сработали'),
    simulation.skipped.length === 0
      ? h('p', { class: 'muted' }, 'Все правила сработали.')
      : h(
          'table',
          { class: 'table' },
          h(
            'tbody',
            {},
            ...simulation.skipped.map((s) =>
              h(
                'tr',
                {
                  class: `preview__skipped${mark(s.code)}`,
                  testid: 'preview-skipped',
                  attrs: { 'data-code': s.code },
                },
                h('td', {}, h('strong', {}, s.name), h('div', { class: 'muted code' }, s.code)),
                h('td', { class: 'reason' }, SKIP_REASONS[s.reason] ?? s.reason),
                h('td', { class: 'explanation' }, s.explanation),
              ),
            ),
          ),
        ),
    h(
      'details',
      { class: 'preview__facts' },
      h('summary', {}, 'Факты, которые видят условия'),
      h('pre', { class: 'code-block' }, JSON.stringify(simulation.facts, null, 2)),
    ),
  );
}
