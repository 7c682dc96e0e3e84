/**
 * Form pieces of the partner's console: a labelled control with its own error line, and the
 * mapping of a problem's field errors (RFC 9457 `errors[].field`) onto those lines. A problem
 * without field errors (an unknown code, a conflict) is shown under the form's main field, so the
 * reason stays next to what was typed.
 */
import type { Problem } from '../../lib/api';
import { h } from '../../lib/dom';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field<C extends Control = Control> {
  control: C;
  element: HTMLElement;
  setError: (reason: string | null) => void;
}

let ids = 0;

export function field<C extends Control>(
  label: string,
  control: C,
  testid: string,
  hint?: string,
): Field<C> {
  ids += 1;
  const id = `partner-field-${ids}`;
  control.id = id;
  control.dataset['testid'] = testid;
  const error = h('div', {
    class: 'field__error',
    testid: `${testid}-error`,
    attrs: { id: `${id}-error`, role: 'alert', hidden: '' },
  });
  return {
    control,
    element: h(
      'div',
      { class: 'field' },
      h('label', { class: 'field__label', attrs: { for: id } }, label),
      control,
      hint ? h('p', { class: 'field__hint' }, hint) : null,
      error,
    ),
    setError: (reason) => {
      error.textContent = reason ?? '';
      error.hidden = reason === null;
      if (reason === null) {
        control.removeAttribute('aria-invalid');
        control.removeAttribute('aria-describedby');
      } else {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', error.id);
      }
    },
  };
}

export function input(attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { class: 'input', attrs: { type: 'text', ...attrs } });
}

export function select(options: [value: string, label: string][], value?: string) {
  const element = h(
    'select',
    { class: 'input' },
    ...options.map(([v, label]) => h('option', { attrs: { value: v } }, label)),
  );
  if (value !== undefined) element.value = value;
  return element;
}

/**
 * Shows a problem next to the fields it names (`categories[1]` goes to `categories`); with no
 * field named, under `main`. Returns whatever could not be placed, for the banner.
 */
export function placeProblem(
  problem: Problem,
  fields: Record<string, Field>,
  main: Field,
): Problem | null {
  for (const f of Object.values(fields)) f.setError(null);
  main.setError(null);
  const errors = problem.errors ?? [];
  if (errors.length === 0) {
    if (problem.status === 401 || problem.status === 0) return problem;
    main.setError(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    return null;
  }
  const unplaced = errors.filter((error) => {
    const name = error.field.replace(/\[\d+\].*$/, '').replace(/\..*$/, '');
    const target = fields[name];
    if (!target) return true;
    target.setError(error.reason);
    return false;
  });
  return unplaced.length === 0 ? null : { ...problem, errors: unplaced };
}

export function clearErrors(...fields: Field[]): void {
  for (const f of fields) f.setError(null);
}

export function button(label: string, testid: string, kind = 'button--primary') {
  return h('button', { class: `button ${kind}`, testid, attrs: { type: 'button' } }, label);
}
