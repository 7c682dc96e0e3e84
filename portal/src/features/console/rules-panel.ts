/**
 * Earning rules: the list in evaluation order, the editor of one rule, switching a rule on or
 * off, deleting it, the cap per receipt, and the preview.
 *
 * The API replaces the whole set (`PUT /rules`), so every change here is made to the set as the
 * server has it just before (read again first), with only the one rule changed: an edit never
 * sends back stale copies of the other rules. A refused set changes nothing on the server; the
 * reasons for the edited rule go next to its fields, the rest into a banner.
 */
import {
  ApiError,
  toProblem,
  type Category,
  type Currency,
  type EarningRule,
  type EarningRuleSet,
  type Problem,
  type Tier,
} from '../../lib/api';
import { h } from '../../lib/dom';
import type { ConsoleContext } from './context';
import { decimalOf, field, placeErrors, remainder, savedNote, textInput } from './form';
import { effectSummary } from './labels';
import { ruleEditor, withDraft, type RuleEditor } from './rule-editor';
import { rulePreview } from './rule-preview';

export interface RulesData {
  set: EarningRuleSet;
  categories: Category[];
  tiers: Tier[];
  currencies: Currency[];
}

/** The evaluation order of the contract: priority, then code. */
function ordered(rules: EarningRule[]): EarningRule[] {
  return [...rules].sort((a, b) => a.priority - b.priority || a.code.localeCompare(b.code));
}

export function rulesPanel(ctx: ConsoleContext, data: RulesData): HTMLElement {
  let set = data.set;
  let editor: RuleEditor | null = null;

  const note = savedNote('rules-saved');
  const body = h('tbody');
  const editorSlot = h('div', { class: 'editor-slot' });
  const capText = h('span', { testid: 'rules-cap' });

  const preview = rulePreview(ctx, {
    categories: data.categories,
    tiers: data.tiers,
    currencies: data.currencies,
    draft: () => {
      if (!editor) return null;
      const draft = editor.draft();
      const { rules, index } = withDraft(set.rules, draft);
      return { set: { ...set, rules }, index, code: draft.rule.code };
    },
    onDraftProblem: (problem, prefix) => {
      if (!editor) return problem;
      const left = editor.showProblem(problem, prefix);
      return problem ? { ...problem, errors: left } : null;
    },
  });

  /** Reads the set again, applies one change, saves; answers the saved set or throws. */
  async function change(apply: (rules: EarningRule[]) => EarningRule[]): Promise<EarningRuleSet> {
    // If-Match: an edit saved by someone else between this read and the save is refused (412).
    const { set: fresh, revision } = await ctx.api.readEarningRules(ctx.club, {
      signal: ctx.signal,
    });
    return ctx.api.defineEarningRules(
      ctx.club,
      { ...fresh, rules: apply(fresh.rules) },
      { signal: ctx.signal },
      revision ?? undefined,
    );
  }

  function render() {
    capText.textContent = set.maxAccrualPercent
      ? `Начисление за чек ограничено ${set.maxAccrualPercent.replace('.', ',')} % суммы (база и проценты, без фиксированных бонусов).`
      : 'Начисление за чек не ограничено.';
    body.replaceChildren(...ordered(set.rules).map(row));
    if (set.rules.length === 0) {
      body.append(h('tr', {}, h('td', { attrs: { colspan: '7' } }, 'Правил пока нет.')));
    }
  }

  function row(rule: EarningRule): HTMLTableRowElement {
    const active = rule.active !== false;
    const busy = (button: HTMLButtonElement, run: () => Promise<void>) => {
      button.disabled = true;
      run()
        .catch((error: unknown) => {
          if (!ctx.signal.aborted) ctx.showProblem(toProblem(error));
        })
        .finally(() => (button.disabled = false));
    };
    const edit = h(
      'button',
      {
        class: 'button button--small',
        testid: 'rule-edit',
        attrs: { type: 'button' },
        onClick: () => openEditor(rule),
      },
      'Изменить',
    );
    const toggle = h(
      'button',
      { class: 'button button--small', testid: 'rule-toggle', attrs: { type: 'button' } },
      active ? 'Выключить' : 'Включить',
    );
    toggle.addEventListener('click', () =>
      busy(toggle, async () => {
        set = await change((rules) =>
          rules.map((r) => (r.code === rule.code ? { ...r, active: !active } : r)),
        );
        render();
        note.show(`Правило «${rule.name}» ${active ? 'выключено' : 'включено'}.`);
      }),
    );
    const remove = h(
      'button',
      {
        class: 'button button--small button--danger',
        testid: 'rule-delete',
        attrs: { type: 'button' },
      },
      'Удалить',
    );
    remove.addEventListener('click', () => {
      if (!window.confirm(`Удалить правило «${rule.name}» (${rule.code})?`)) return;
      busy(remove, async () => {
        set = await change((rules) => rules.filter((r) => r.code !== rule.code));
        if (editor?.draft().original === rule.code) closeEditor();
        render();
        note.show(`Правило «${rule.name}» удалено.`);
      });
    });
    return h(
      'tr',
      {
        class: active ? 'rule-row' : 'rule-row rule-row--inactive',
        testid: 'rule-row',
        attrs: { 'data-code': rule.code },
      },
      h('td', { class: 'num' }, String(rule.priority)),
      h('td', {}, h('strong', {}, rule.name), h('div', { class: 'muted code' }, rule.code)),
      h('td', {}, h('code', { class: 'condition' }, rule.condition)),
      h('td', {}, effectSummary(rule.effect, data.currencies)),
      h('td', {}, rule.exclusive ? 'да' : '—'),
      h('td', { testid: 'rule-status' }, active ? 'включено' : 'выключено'),
      h('td', { class: 'actions' }, edit, toggle, remove),
    );
  }

  function openEditor(rule: EarningRule | null) {
    const nextPriority = Math.max(0, ...set.rules.map((r) => r.priority)) + 10;
    const opened: RuleEditor = ruleEditor({
      rule,
      currencies: data.currencies,
      nextPriority: Math.min(nextPriority, 9999),
      onCancel: closeEditor,
      onSave: () => {
        const draft = opened.draft();
        opened.showProblem(null, '');
        opened.setBusy(true);
        let index = -1;
        change((rules) => {
          const placed = withDraft(rules, draft);
          index = placed.index;
          return placed.rules;
        })
          .then((saved) => {
            set = saved;
            closeEditor();
            render();
            note.show(`Правило «${draft.rule.name}» сохранено.`);
          })
          .catch((error: unknown) => {
            if (ctx.signal.aborted) return;
            const problem = toProblem(error);
            if (error instanceof ApiError && problem.status === 400 && index >= 0) {
              const left = opened.showProblem(problem, `rules[${index}].`);
              const rest = remainder(problem, left);
              if (rest) ctx.showProblem({ ...rest, title: 'Правило не сохранено' });
            } else {
              ctx.showProblem(problem);
            }
          })
          .finally(() => opened.setBusy(false));
      },
    });
    editor = opened;
    editorSlot.replaceChildren(opened.element);
    preview.refreshMode();
    opened.element.scrollIntoView({ block: 'start' });
  }

  function closeEditor() {
    editor = null;
    editorSlot.replaceChildren();
    preview.refreshMode();
  }

  const add = h(
    'button',
    {
      class: 'button button--primary',
      testid: 'rule-new',
      attrs: { type: 'button' },
      onClick: () => openEditor(null),
    },
    'Новое правило',
  );

  render();
  return h(
    'section',
    { class: 'console-panel', testid: 'rules-panel' },
    h(
      'div',
      { class: 'card' },
      h(
        'div',
        { class: 'panel-head' },
        h('h2', {}, 'Правила начисления'),
        h('div', { class: 'panel-head__actions' }, note.element, add),
      ),
      h(
        'p',
        { class: 'muted' },
        'Правила проверяются по возрастанию приоритета и начисляют бонусы сверх базовых баллов уровня. ',
        capText,
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'table rules-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Приоритет', 'Правило', 'Условие', 'Эффект', 'Исключающее', 'Статус', ''].map(
                (title) => h('th', { attrs: { scope: 'col' } }, title),
              ),
            ),
          ),
          body,
        ),
      ),
      capForm(
        ctx,
        () => set,
        (saved) => {
          set = saved;
          render();
        },
      ),
    ),
    editorSlot,
    preview.element,
  );
}

/** The cap per receipt: a percent of the amount, or empty for none. */
function capForm(
  ctx: ConsoleContext,
  current: () => EarningRuleSet,
  onSaved: (set: EarningRuleSet) => void,
): HTMLElement {
  const cap = field(
    'Лимит начисления за чек, % суммы',
    textInput(current().maxAccrualPercent ?? '', { inputmode: 'decimal' }),
    { testid: 'rules-cap-input', hint: 'Пусто — без лимита.' },
  );
  const note = savedNote('rules-cap-saved');
  const save = h(
    'button',
    { class: 'button', testid: 'rules-cap-save', attrs: { type: 'submit' } },
    'Сохранить лимит',
  );
  const form = h(
    'form',
    { class: 'inline-form', attrs: { novalidate: '' } },
    cap.element,
    h('div', { class: 'form-actions' }, save, note.element),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = decimalOf(cap.control);
    save.disabled = true;
    note.show('');
    ctx.api
      .readEarningRules(ctx.club, { signal: ctx.signal })
      .then(({ set: fresh, revision }) => {
        const next: EarningRuleSet = { rules: fresh.rules };
        if (value !== '') next.maxAccrualPercent = value;
        return ctx.api.defineEarningRules(
          ctx.club,
          next,
          { signal: ctx.signal },
          revision ?? undefined,
        );
      })
      .then((saved) => {
        placeErrors({ maxAccrualPercent: cap }, null);
        onSaved(saved);
        note.show('Лимит сохранён.');
      })
      .catch((error: unknown) => {
        if (ctx.signal.aborted) return;
        const problem: Problem = toProblem(error);
        const rest = remainder(problem, placeErrors({ maxAccrualPercent: cap }, problem));
        if (rest) ctx.showProblem(rest);
      })
      .finally(() => (save.disabled = false));
  });
  return form;
}
