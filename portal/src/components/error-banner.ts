import type { Problem } from '../lib/api';
import { h } from '../lib/dom';

export interface BannerAction {
  label: string;
  testid?: string;
  run: () => void;
}

/** Shows a problem (RFC 9457) the way every screen does: its title, its detail, the field errors. */
export function errorBanner(problem: Problem, action?: BannerAction): HTMLElement {
  const fieldErrors = problem.errors ?? [];
  return h(
    'div',
    { class: 'banner banner--error', testid: 'error', attrs: { role: 'alert' } },
    h('p', { class: 'banner__title' }, problem.title),
    problem.detail ? h('p', { class: 'banner__detail' }, problem.detail) : null,
    fieldErrors.length > 0
      ? h(
          'ul',
          { class: 'banner__fields' },
          ...fieldErrors.map((error) => h('li', {}, `${error.field}: ${error.reason}`)),
        )
      : null,
    action
      ? h(
          'button',
          {
            class: 'button button--primary',
            ...(action.testid ? { testid: action.testid } : {}),
            attrs: { type: 'button' },
            onClick: action.run,
          },
          action.label,
        )
      : null,
  );
}
