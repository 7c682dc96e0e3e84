/**
 * Points currencies (name, value in rubles, activation delay, expiry after inactivity; added or
 * redefined one at a time, never removed) and the ledger policy (what a refund does with points
 * already spent, and the largest share of a receipt points may pay).
 */
import { toProblem, type Currency, type LedgerPolicy, type SpentPointsPolicy } from '../../lib/api';
import { h } from '../../lib/dom';
import type { ConsoleContext } from './context';
import {
  decimalOf,
  field,
  intOf,
  numberInput,
  placeErrors,
  remainder,
  savedNote,
  selectInput,
  textInput,
  type Field,
} from './form';

export function ledgerPanel(
  ctx: ConsoleContext,
  currencies: Currency[],
  policy: LedgerPolicy,
): HTMLElement {
  const list = h('div', { class: 'currency-list' });
  const render = (all: Currency[], saved?: string) => {
    list.replaceChildren(...all.map((c) => currencyForm(ctx, c, render, c.code === saved)));
  };
  render(currencies);
  return h(
    'section',
    { class: 'console-panel', testid: 'ledger-panel' },
    policyForm(ctx, policy),
    h(
      'div',
      { class: 'card' },
      h('h2', {}, 'Валюты баллов'),
      h(
        'p',
        { class: 'muted' },
        'Валюту нельзя удалить: на неё ссылаются начисления. Код задаётся при создании.',
      ),
      list,
      h('h3', {}, 'Новая валюта'),
      currencyForm(ctx, null, render),
    ),
  );
}

function policyForm(ctx: ConsoleContext, policy: LedgerPolicy): HTMLElement {
  const spent = field(
    'Если при возврате баллы уже потрачены',
    selectInput(
      [
        { value: 'DEBT', label: 'участник должен их клубу (погашаются из будущих начислений)' },
        { value: 'WRITE_OFF', label: 'клуб списывает их за свой счёт' },
      ],
      policy.spentPointsOnRefund,
    ),
    { testid: 'ledger-spent-points', class: 'field--wide' },
  );
  const maxRedeem = field(
    'Баллами можно оплатить до, % чека',
    textInput(policy.maxRedeemPercent ?? '', { inputmode: 'decimal' }),
    { testid: 'ledger-max-redeem', hint: 'Больше 0 и не больше 100.' },
  );
  const fields: Record<string, Field> = {
    spentPointsOnRefund: spent,
    maxRedeemPercent: maxRedeem,
  };
  const note = savedNote('ledger-saved');
  const save = h(
    'button',
    { class: 'button button--primary', testid: 'ledger-save', attrs: { type: 'submit' } },
    'Сохранить',
  );
  const form = h(
    'form',
    { class: 'card', testid: 'ledger-policy', attrs: { novalidate: '' } },
    h('h2', {}, 'Списание и возвраты'),
    h('div', { class: 'form-grid' }, spent.element, maxRedeem.element),
    h('div', { class: 'form-actions' }, save, note.element),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body: LedgerPolicy = { spentPointsOnRefund: spent.control.value as SpentPointsPolicy };
    const percent = decimalOf(maxRedeem.control);
    if (percent !== '') body.maxRedeemPercent = percent;
    save.disabled = true;
    note.show('');
    ctx.api
      .setLedgerPolicy(ctx.club, body, { signal: ctx.signal })
      .then((saved) => {
        placeErrors(fields, null);
        spent.control.value = saved.spentPointsOnRefund;
        maxRedeem.control.value = saved.maxRedeemPercent ?? '';
        note.show('Сохранено.');
      })
      .catch((error: unknown) => {
        if (ctx.signal.aborted) return;
        const problem = toProblem(error);
        const rest = remainder(problem, placeErrors(fields, problem));
        if (rest) ctx.showProblem(rest);
      })
      .finally(() => (save.disabled = false));
  });
  return form;
}

/** One currency's form (null: a new one); saving sends just that currency. */
function currencyForm(
  ctx: ConsoleContext,
  currency: Currency | null,
  onSaved: (all: Currency[], saved: string) => void,
  justSaved = false,
): HTMLElement {
  const key = currency?.code ?? 'new';
  const code = field(
    'Код',
    textInput(currency?.code ?? '', {
      spellcheck: 'false',
      ...(currency ? { readonly: '' } : {}),
    }),
    { testid: `currency-${key}-code` },
  );
  const name = field('Название', textInput(currency?.name ?? ''), {
    testid: `currency-${key}-name`,
  });
  const value = field(
    'Стоимость балла, ₽',
    textInput(currency?.rubleValue ?? '1', { inputmode: 'decimal' }),
    { testid: `currency-${key}-ruble-value` },
  );
  const activation = field(
    'Активация через, дней',
    numberInput(currency?.activationDays ?? 0, { min: '0', max: '365' }),
    { testid: `currency-${key}-activation-days` },
  );
  const inactivity = field(
    'Сгорают без покупок через, мес.',
    numberInput(currency?.inactivityMonths, { min: '1', max: '120' }),
    { testid: `currency-${key}-inactivity-months`, hint: 'Пусто — не сгорают.' },
  );
  const fields: Record<string, Field> = {
    code,
    name,
    rubleValue: value,
    activationDays: activation,
    inactivityMonths: inactivity,
  };
  const note = savedNote(`currency-${key}-saved`);
  const save = h(
    'button',
    { class: 'button', testid: `currency-${key}-save`, attrs: { type: 'submit' } },
    currency ? 'Сохранить' : 'Добавить валюту',
  );
  if (justSaved) note.show('Сохранено.');
  const form = h(
    'form',
    {
      class: 'currency-form',
      testid: 'currency-form',
      attrs: { novalidate: '', 'data-code': key },
    },
    h(
      'div',
      { class: 'form-grid form-grid--row' },
      code.element,
      name.element,
      value.element,
      activation.element,
      inactivity.element,
    ),
    h('div', { class: 'form-actions' }, save, note.element),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const months = intOf(inactivity.control);
    const body: Currency = {
      code: code.control.value.trim(),
      name: name.control.value.trim(),
      rubleValue: decimalOf(value.control),
      activationDays: intOf(activation.control) ?? 0,
      ...(months === undefined ? {} : { inactivityMonths: months }),
    };
    save.disabled = true;
    note.show('');
    ctx.api
      .defineCurrencies(ctx.club, [body], { signal: ctx.signal })
      .then((all) => {
        if (!currency) {
          // The new currency now has its own form in the list; this one is for the next.
          placeErrors(fields, null);
          code.control.value = '';
          name.control.value = '';
          save.disabled = false;
        }
        onSaved(all, body.code);
      })
      .catch((error: unknown) => {
        if (ctx.signal.aborted) return;
        const problem = toProblem(error);
        const rest = remainder(problem, placeErrors(fields, problem, '[0].'));
        if (rest) ctx.showProblem(rest);
        save.disabled = false;
      });
  });
  return form;
}
