/**
 * The form of one earning rule: code, name, priority, the CEL condition, the effect, exclusive
 * and active. It knows nothing of saving: the rules panel reads the draft, sends it and hands the
 * server's problem back to be placed next to the fields (the condition's reason with its line and
 * column, and the source line with a caret under it).
 */
import type { Currency, EarningRule, EffectKind, FieldError, Problem } from '../../lib/api';
import { h } from '../../lib/dom';
import { celSourceView } from './cel-position';
import {
  checkbox,
  decimalOf,
  field,
  intOf,
  numberInput,
  placeErrors,
  selectInput,
  textInput,
  type Field,
} from './form';
import { EFFECT_KINDS } from './labels';

/** A rule as edited, and the code it had when editing started (null for a new rule). */
export interface RuleDraft {
  original: string | null;
  rule: EarningRule;
}

export interface RuleEditor {
  element: HTMLElement;
  /** The rule as the form holds it now (unsaved). */
  draft: () => RuleDraft;
  /**
   * Places the problem's errors for this rule (fields under `prefix`, e.g. `rules[3].`) next to
   * the fields; answers the ones it could not place. Null clears the errors.
   */
  showProblem: (problem: Problem | null, prefix: string) => FieldError[];
  /** Disables the buttons while a request is under way. */
  setBusy: (busy: boolean) => void;
}

export interface RuleEditorOptions {
  /** The rule to edit, or null for a new one. */
  rule: EarningRule | null;
  currencies: Currency[];
  /** A priority for a new rule (after the others). */
  nextPriority: number;
  onSave: () => void;
  onCancel: () => void;
}

const FACTS: [string, string][] = [
  ['purchase.amount', 'сумма в рублях (double): purchase.amount > 1000.0'],
  ['purchase.amount_kopecks', 'точная сумма в копейках (int)'],
  ['purchase.category', "код категории: purchase.category == 'florist'"],
  ['purchase.partner', 'код партнёра (slug)'],
  ['purchase.hour', '0–23, время клуба'],
  ['purchase.day_of_week', '1 = понедельник … 7 = воскресенье'],
  ['purchase.date', "'YYYY-MM-DD', сравнивается как текст"],
  ['member.tier', "код уровня, '' если нет"],
  ['member.days_to_birthday', '0 = сегодня, -1 если неизвестно'],
  ['member.first_in_category_this_month', 'первая покупка в категории в этом месяце (bool)'],
  ['member.purchases_count', 'покупок до этой'],
  ['member.categories_this_month', 'категории покупок этого месяца (list)'],
  ['member.segments', 'сегменты участника (list)'],
];

export function ruleEditor(options: RuleEditorOptions): RuleEditor {
  const existing = options.rule;
  const code = field(
    'Код',
    textInput(existing?.code ?? '', {
      autocomplete: 'off',
      spellcheck: 'false',
      ...(existing ? { readonly: '' } : {}),
    }),
    {
      testid: 'rule-code',
      hint: existing
        ? 'Код правила не меняется; чтобы переименовать, создайте новое правило.'
        : 'Латиница в нижнем регистре, цифры и дефисы: spring-bonus.',
    },
  );
  const name = field('Название', textInput(existing?.name ?? ''), { testid: 'rule-name' });
  const priority = field(
    'Приоритет',
    numberInput(existing?.priority ?? options.nextPriority, { min: '0', max: '9999' }),
    { testid: 'rule-priority', hint: 'Меньше — раньше.' },
  );
  const conditionInput = h('textarea', {
    class: 'input input--code',
    attrs: { rows: '4', spellcheck: 'false', autocomplete: 'off' },
  });
  conditionInput.value = existing?.condition ?? 'true';
  const condition = field('Условие (CEL)', conditionInput, {
    testid: 'rule-condition',
    class: 'field--wide',
    hint: 'Выражение типа bool; true — правило действует всегда.',
    errorDetail: (reason) => celSourceView(conditionInput, reason),
  });
  const kind = field(
    'Эффект',
    selectInput(
      EFFECT_KINDS.map((k) => ({ value: k.value, label: k.label })),
      existing?.effect.kind ?? 'FIXED_POINTS',
    ),
    { testid: 'rule-effect-kind' },
  );
  const value = field('Значение', textInput(existing?.effect.value ?? ''), {
    testid: 'rule-effect-value',
    hint: '% — до 100; множитель — от 1 до 10; баллы — целое число.',
  });
  const currency = field(
    'Валюта',
    selectInput(
      options.currencies.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
      existing?.effect.currency ?? 'points',
    ),
    { testid: 'rule-effect-currency' },
  );
  const expires = field(
    'Сгорают через, дней',
    numberInput(existing?.effect.expiresInDays, { min: '1', max: '3650' }),
    { testid: 'rule-effect-expires', hint: 'Пусто — по правилам валюты.' },
  );
  const exclusive = checkbox(
    existing?.exclusive ?? false,
    'rule-exclusive',
    'Исключающее: если сработало, следующие правила не проверяются',
  );
  const active = checkbox(existing?.active ?? true, 'rule-active', 'Включено');

  const fields: Record<string, Field> = {
    code,
    name,
    priority,
    condition,
    'effect.kind': kind,
    'effect.value': value,
    'effect.currency': currency,
    'effect.expiresInDays': expires,
  };

  const save = h(
    'button',
    {
      class: 'button button--primary',
      testid: 'rule-save',
      attrs: { type: 'submit' },
    },
    'Сохранить правило',
  );
  const cancel = h(
    'button',
    {
      class: 'button button--quiet',
      testid: 'rule-cancel',
      attrs: { type: 'button' },
      onClick: options.onCancel,
    },
    'Отмена',
  );

  const form = h(
    'form',
    { class: 'card rule-editor', testid: 'rule-editor', attrs: { novalidate: '' } },
    h('h2', {}, existing ? `Правило «${existing.name}»` : 'Новое правило'),
    h(
      'div',
      { class: 'form-grid' },
      code.element,
      name.element,
      priority.element,
      condition.element,
      h(
        'details',
        { class: 'facts-help field--wide' },
        h('summary', {}, 'Что можно проверять в условии'),
        h(
          'table',
          { class: 'facts-help__table' },
          h(
            'tbody',
            {},
            ...FACTS.map(([fact, meaning]) =>
              h('tr', {}, h('td', {}, h('code', {}, fact)), h('td', {}, meaning)),
            ),
          ),
        ),
        h(
          'p',
          { class: 'field__hint' },
          'Целые и дробные числа сравниваются через < и >, но для == нужен тот же тип (1000.0). ',
          'Доступны && || ! in, has(), exists(), all(), map(), filter().',
        ),
      ),
      kind.element,
      value.element,
      currency.element,
      expires.element,
      h('div', { class: 'field field--wide checks' }, exclusive.element, active.element),
    ),
    h('div', { class: 'form-actions' }, save, cancel),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.onSave();
  });

  const draft = (): RuleDraft => {
    const expiry = intOf(expires.control);
    const rule: EarningRule = {
      code: code.control.value.trim(),
      name: name.control.value.trim(),
      // An empty or non-numeric priority goes as null: the server names the field.
      priority: intOf(priority.control) ?? Number.NaN,
      exclusive: exclusive.input.checked,
      condition: conditionInput.value,
      effect: {
        kind: kind.control.value as EffectKind,
        value: decimalOf(value.control),
        currency: currency.control.value,
        ...(expiry === undefined ? {} : { expiresInDays: expiry }),
      },
      active: active.input.checked,
    };
    return { original: existing?.code ?? null, rule };
  };

  return {
    element: form,
    draft,
    showProblem: (problem, prefix) => placeErrors(fields, problem, prefix),
    setBusy: (busy) => {
      save.disabled = busy;
    },
  };
}

/** The set with the draft in place of the rule it edits (or added); the draft's index in it. */
export function withDraft(
  rules: EarningRule[],
  draft: RuleDraft,
): { rules: EarningRule[]; index: number } {
  const others = rules.filter((r) => r.code !== draft.original);
  return { rules: [...others, draft.rule], index: others.length };
}
