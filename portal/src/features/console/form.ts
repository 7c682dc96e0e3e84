/**
 * Form building blocks of the console: a labelled control with its own error line, and the
 * mapping of a problem's field errors (RFC 9457 `errors[]`) onto those lines. Whatever the form
 * cannot place is handed back to be shown in a banner, so no reason the server gives is lost.
 */
import type { FieldError, Problem } from '../../lib/api';
import { h } from '../../lib/dom';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field<C extends Control = Control> {
  control: C;
  /** The label, the control, the hint and the error line. */
  element: HTMLElement;
  /** Shows a reason under the control (or clears it with null). */
  setError: (reason: string | null) => void;
}

export interface FieldOptions {
  /** `data-testid` of the control; its error line gets `<testid>-error`. */
  testid: string;
  hint?: string;
  class?: string;
  /** Rendered under the error text (e.g. the CEL source with a caret). */
  errorDetail?: (reason: string) => Node | null;
}

let ids = 0;

export function field<C extends Control>(
  label: string,
  control: C,
  options: FieldOptions,
): Field<C> {
  ids += 1;
  const id = `console-field-${ids}`;
  control.id = id;
  control.dataset['testid'] = options.testid;
  const error = h('div', {
    class: 'field__error',
    testid: `${options.testid}-error`,
    attrs: { id: `${id}-error`, role: 'alert', hidden: '' },
  });
  const element = h(
    'div',
    { class: `field ${options.class ?? ''}`.trim() },
    h('label', { class: 'field__label', attrs: { for: id } }, label),
    control,
    options.hint ? h('p', { class: 'field__hint' }, options.hint) : null,
    error,
  );
  return {
    control,
    element,
    setError: (reason) => {
      if (reason === null) {
        error.replaceChildren();
        error.hidden = true;
        control.removeAttribute('aria-invalid');
        control.removeAttribute('aria-describedby');
        return;
      }
      const detail = options.errorDetail?.(reason) ?? null;
      error.replaceChildren(h('span', {}, reason), ...(detail ? [detail] : []));
      error.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', error.id);
    },
  };
}

export function textInput(value = '', attrs: Record<string, string> = {}): HTMLInputElement {
  const input = h('input', { class: 'input', attrs: { type: 'text', ...attrs } });
  input.value = value;
  return input;
}

export function numberInput(value: number | undefined, attrs: Record<string, string> = {}) {
  const input = h('input', {
    class: 'input input--number',
    attrs: { type: 'number', step: '1', ...attrs },
  });
  input.value = value === undefined ? '' : String(value);
  return input;
}

export function selectInput(
  options: { value: string; label: string }[],
  selected: string,
): HTMLSelectElement {
  const select = h(
    'select',
    { class: 'input' },
    ...options.map((o) => h('option', { attrs: { value: o.value } }, o.label)),
  );
  select.value = selected;
  return select;
}

export function checkbox(checked: boolean, testid: string, label: string) {
  const input = h('input', { testid, attrs: { type: 'checkbox' } });
  input.checked = checked;
  return { input, element: h('label', { class: 'check' }, input, ` ${label}`) };
}

/** An integer from a number input, or undefined when it is empty (NaN when it is not a number). */
export function intOf(input: HTMLInputElement): number | undefined {
  const text = input.value.trim();
  return text === '' ? undefined : Number(text);
}

/** A decimal typed the Russian way (`1,5`) as the contract wants it (`1.5`). */
export function decimalOf(input: HTMLInputElement): string {
  return input.value.trim().replace(',', '.').replace(/\s/g, '');
}

/**
 * Puts each field error of `problem` whose field starts with `prefix` on the field named by the
 * rest of its path (`rules[2].condition` with prefix `rules[2].` goes to `condition`), clearing
 * the others. Answers the errors no field took.
 */
export function placeErrors(
  fields: Record<string, Field>,
  problem: Problem | null,
  prefix = '',
): FieldError[] {
  for (const f of Object.values(fields)) f.setError(null);
  const leftover: FieldError[] = [];
  const reasons = new Map<string, string[]>();
  for (const error of problem?.errors ?? []) {
    const name = error.field.startsWith(prefix) ? error.field.slice(prefix.length) : null;
    if (name !== null && fields[name]) {
      reasons.set(name, [...(reasons.get(name) ?? []), error.reason]);
    } else {
      leftover.push(error);
    }
  }
  for (const [name, list] of reasons) fields[name]?.setError(list.join('; '));
  return leftover;
}

/** A problem reduced to the field errors no form field showed (or to its title and detail). */
export function remainder(problem: Problem, leftover: FieldError[]): Problem | null {
  if (problem.errors && problem.errors.length > 0 && leftover.length === 0) return null;
  return { ...problem, errors: leftover };
}

/** A confirmation next to a save button; it stays until the next attempt clears it. */
export function savedNote(testid: string): { element: HTMLElement; show: (text: string) => void } {
  const element = h('span', { class: 'saved-note', testid, attrs: { role: 'status' } });
  return { element, show: (text) => (element.textContent = text) };
}
