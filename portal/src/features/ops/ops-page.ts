/**
 * The operator's console: tenants (status, provisioning, plan, usage against limits), one tenant
 * (suspension, plan and overrides) and the sign-ups (state, last error, resume). The server decides
 * who may use it: the first read answers 403 to anyone without `platform-operator`, and the page
 * then says so plainly.
 */
import { errorBanner } from '../../components/error-banner';
import { toProblem, type BloomApi, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';
import { opsHref, type OpsTab } from '../../lib/routes';
import type { OpsContext } from './context';
import { signUpsPanel, loadSignUps } from './signups-panel';
import { isForbidden, loadTenant, tenantDetail } from './tenant-detail';
import { loadTenants, tenantsPanel } from './tenants-panel';

export interface OpsOptions {
  /** An API client that carries the operator's access token. */
  api: BloomApi;
  /** Who is signed in (e-mail or name), to say whose access is missing. */
  who: string;
  signal: AbortSignal;
  /** Offered when the API no longer accepts the session. */
  signInAgain: () => void;
  /** Signs out, so that someone else can sign in. */
  switchAccount: () => void;
}

export type OpsView = { tab: OpsTab } | { kinds: 'clubs' | 'partners'; slug: string };

export async function showOps(
  container: HTMLElement,
  view: OpsView,
  options: OpsOptions,
): Promise<void> {
  const { signal } = options;
  const notices = h('div', { class: 'notices', testid: 'ops-notices' });
  const ctx: OpsContext = {
    api: options.api,
    signal,
    showProblem: (problem: Problem) => {
      notices.replaceChildren(problemBanner(problem, options.signInAgain));
      notices.scrollIntoView({ block: 'nearest' });
    },
    clearProblems: () => notices.replaceChildren(),
  };
  container.replaceChildren(h('p', { class: 'loading' }, 'Загружаем консоль оператора…'));

  let body: HTMLElement;
  try {
    body = await viewBody(ctx, view, container, options);
  } catch (error) {
    if (signal.aborted) return;
    container.replaceChildren(
      isForbidden(error) ? noAccess(options) : problemBanner(toProblem(error), options.signInAgain),
    );
    return;
  }
  if (signal.aborted) return;
  const active: OpsTab = 'tab' in view ? view.tab : 'tenants';
  container.replaceChildren(
    h(
      'header',
      { class: 'greeting' },
      h('h1', { testid: 'ops-title' }, 'Консоль оператора'),
      h('p', { class: 'muted' }, `Вы вошли как ${options.who}`),
    ),
    h(
      'nav',
      { class: 'tabs', attrs: { 'aria-label': 'Разделы консоли оператора' } },
      navLink('tenants', 'Тенанты', active),
      navLink('signups', 'Заявки', active),
    ),
    notices,
    body,
  );
}

async function viewBody(
  ctx: OpsContext,
  view: OpsView,
  container: HTMLElement,
  options: OpsOptions,
): Promise<HTMLElement> {
  if ('slug' in view) {
    const data = await loadTenant(ctx, view.kinds, view.slug);
    // After an action the page is drawn again from the server, with a note of what was done.
    const reload = (note?: string) => {
      showOps(container, view, options)
        .then(() => {
          if (note && !ctx.signal.aborted) {
            container
              .querySelector('[data-testid="ops-notices"]')
              ?.replaceChildren(
                h(
                  'p',
                  { class: 'saved-note', testid: 'ops-saved', attrs: { role: 'status' } },
                  note,
                ),
              );
          }
        })
        .catch((error: unknown) => ctx.showProblem(toProblem(error)));
    };
    return tenantDetail(ctx, view.kinds, data, reload);
  }
  if (view.tab === 'signups') return signUpsPanel(ctx, await loadSignUps(ctx));
  return tenantsPanel(ctx, await loadTenants(ctx));
}

function navLink(tab: OpsTab, label: string, active: OpsTab): HTMLElement {
  return h(
    'a',
    {
      class: 'tab',
      testid: `ops-nav-${tab}`,
      attrs: {
        href: opsHref(tab),
        'aria-selected': String(tab === active),
        ...(tab === active ? { 'aria-current': 'page' } : {}),
      },
    },
    label,
  );
}

function noAccess(options: OpsOptions): HTMLElement {
  return h(
    'section',
    { class: 'card no-access', testid: 'ops-no-access', attrs: { role: 'alert' } },
    h('h1', {}, 'Нет доступа к консоли оператора'),
    h(
      'p',
      {},
      'Консоль открыта операторам платформы Bloom. ',
      `Учётная запись ${options.who} к ним не относится.`,
    ),
    h(
      'div',
      { class: 'form-actions' },
      h(
        'button',
        {
          class: 'button button--primary',
          testid: 'switch-account',
          attrs: { type: 'button' },
          onClick: options.switchAccount,
        },
        'Войти другой учётной записью',
      ),
    ),
  );
}

/** A 401 means the session is gone: the banner offers to sign in again. */
function problemBanner(problem: Problem, signInAgain: () => void): HTMLElement {
  return errorBanner(
    problem,
    problem.status === 401
      ? { label: 'Войти снова', testid: 'signin', run: signInAgain }
      : undefined,
  );
}
