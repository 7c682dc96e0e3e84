/**
 * The club console, for the club's owners and admins: earning rules with their preview, tiers,
 * currencies and the ledger policy, each on its own tab. The server decides who may use it: the
 * first read answers 403 to anyone without a staff role, and the page then says so plainly
 * instead of showing a broken console.
 */
import { errorBanner } from '../../components/error-banner';
import { CLUB_EVENT_TYPES, showWebhooks } from '../../components/webhooks-panel';
import { ApiError, toProblem, type BloomApi, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';
import { t } from '../../lib/i18n';
import type { ConsoleContext } from './context';
import { ledgerPanel } from './ledger-panel';
import { rulesPanel } from './rules-panel';
import { tiersPanel } from './tiers-panel';

export interface ConsoleOptions {
  /** An API client that carries the signed-in person's access token. */
  api: BloomApi;
  club: string;
  clubName: string;
  /** Who is signed in (e-mail or name), to say whose access is missing. */
  who: string;
  /** The member cabinet of this club, offered to someone without staff access. */
  cabinetHref: string;
  signal: AbortSignal;
  /** Offered when the API no longer accepts the session. */
  signInAgain: () => void;
  /** Signs out, so that someone else can sign in. */
  switchAccount: () => void;
}

export async function showConsole(container: HTMLElement, options: ConsoleOptions): Promise<void> {
  const { api, club, signal } = options;
  container.replaceChildren(h('p', { class: 'loading' }, 'Загружаем консоль…'));

  // The rules answer first: without a staff role nothing else is worth asking for.
  let set;
  try {
    set = await api.listEarningRules(club, { signal });
  } catch (error) {
    if (signal.aborted) return;
    const problem = toProblem(error);
    container.replaceChildren(
      error instanceof ApiError && problem.status === 403
        ? noAccess(options)
        : problemBanner(problem, options.signInAgain),
    );
    return;
  }

  const [categories, tiers, tierPolicy, currencies, ledgerPolicy] = await Promise.allSettled([
    api.listCategories(club, { signal }),
    api.listTiers(club, { signal }),
    api.getTierPolicy(club, { signal }),
    api.listCurrencies(club, { signal }),
    api.getLedgerPolicy(club, { signal }),
  ]);
  if (signal.aborted) return;

  const notices = h('div', { class: 'notices', testid: 'console-notices' });
  const ctx: ConsoleContext = {
    api,
    club,
    signal,
    showProblem: (problem: Problem) => {
      notices.replaceChildren(problemBanner(problem, options.signInAgain));
      notices.scrollIntoView({ block: 'nearest' });
    },
  };
  const failed = (reason: unknown) => problemBanner(toProblem(reason), options.signInAgain);

  const rules =
    categories.status === 'fulfilled' &&
    tiers.status === 'fulfilled' &&
    currencies.status === 'fulfilled'
      ? rulesPanel(ctx, {
          set,
          categories: categories.value,
          tiers: tiers.value,
          currencies: currencies.value,
        })
      : failed(
          [categories, tiers, currencies].find((r) => r.status === 'rejected')?.reason ?? null,
        );
  const ladder =
    tiers.status === 'fulfilled' && tierPolicy.status === 'fulfilled'
      ? tiersPanel(ctx, tiers.value, tierPolicy.value)
      : failed(
          tiers.status === 'rejected' ? tiers.reason : (tierPolicy as PromiseRejectedResult).reason,
        );
  const ledger =
    currencies.status === 'fulfilled' && ledgerPolicy.status === 'fulfilled'
      ? ledgerPanel(ctx, currencies.value, ledgerPolicy.value)
      : failed(
          currencies.status === 'rejected'
            ? currencies.reason
            : (ledgerPolicy as PromiseRejectedResult).reason,
        );

  const webhooks = h('section', { class: 'console-panel', testid: 'webhooks-panel' });
  void showWebhooks(webhooks, {
    api,
    owner: { kind: 'clubs', slug: club },
    eventTypes: CLUB_EVENT_TYPES,
    signal,
  });

  container.replaceChildren(
    h(
      'header',
      { class: 'greeting' },
      h('h1', { testid: 'console-title' }, 'Консоль клуба'),
      h('p', { class: 'muted' }, `«${options.clubName}» · вы вошли как ${options.who}`),
    ),
    notices,
    tabs([
      { id: 'rules', label: 'Правила начисления', panel: rules },
      { id: 'tiers', label: 'Уровни', panel: ladder },
      { id: 'ledger', label: 'Валюты и списание', panel: ledger },
      { id: 'webhooks', label: t('webhooks.title'), panel: webhooks },
    ]),
  );
}

interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

/** Tabs as in the WAI-ARIA pattern: one panel shown, the others hidden. */
function tabs(list: Tab[]): HTMLElement {
  const buttons = list.map((tab) =>
    h(
      'button',
      {
        class: 'tab',
        testid: `tab-${tab.id}`,
        attrs: {
          type: 'button',
          role: 'tab',
          id: `tab-${tab.id}`,
          'aria-controls': `panel-${tab.id}`,
        },
      },
      tab.label,
    ),
  );
  const panels = list.map((tab) =>
    h(
      'div',
      { attrs: { role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}` } },
      tab.panel,
    ),
  );
  const select = (index: number) => {
    buttons.forEach((button, i) => {
      button.setAttribute('aria-selected', String(i === index));
      button.tabIndex = i === index ? 0 : -1;
    });
    panels.forEach((panel, i) => (panel.hidden = i !== index));
  };
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => select(i));
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = (i + step + buttons.length) % buttons.length;
      select(next);
      buttons[next]?.focus();
    });
  });
  select(0);
  return h(
    'div',
    { class: 'console' },
    h(
      'div',
      { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Разделы консоли' } },
      ...buttons,
    ),
    ...panels,
  );
}

function noAccess(options: ConsoleOptions): HTMLElement {
  return h(
    'section',
    { class: 'card no-access', testid: 'console-no-access', attrs: { role: 'alert' } },
    h('h1', {}, 'Нет доступа к консоли клуба'),
    h(
      'p',
      {},
      `Консоль клуба «${options.clubName}» открыта владельцам и администраторам клуба. `,
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
      h(
        'a',
        { class: 'button button--quiet', attrs: { href: options.cabinetHref } },
        'В кабинет участника',
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
