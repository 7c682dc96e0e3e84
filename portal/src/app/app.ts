/**
 * The composition root: routes to pages and wires features together. Features never import each
 * other (ESLint enforces it); whatever one needs from another is handed over here.
 */
import { errorBanner } from '../components/error-banner';
import { joinButton, signInButton, signOutButton } from '../features/auth/auth-buttons';
import {
  completeRedirect,
  createClubSession,
  createPlatformSession,
} from '../features/auth/club-session';
import { showCabinet } from '../features/cabinet/cabinet-page';
import { showRegistrationConfirmation } from '../features/cabinet/confirm-registration';
import { showConsole } from '../features/console/console-page';
import { landingPage } from '../features/landing/landing-page';
import { showOps, type OpsView } from '../features/ops/ops-page';
import { showPartnerConsole } from '../features/partner/partner-console';
import { signUpPage, signUpProgressPage } from '../features/signup/signup-page';
import { lastTerminal } from '../features/terminal/pwa';
import { showTerminal } from '../features/terminal/terminal-page';
import { showStaffInvitation } from '../features/staff/staff-invitation';
import {
  createApi,
  toProblem,
  type ClubSignInInfo,
  type PlatformSignInInfo,
  type Problem,
} from '../lib/api';
import { h } from '../lib/dom';
import { t } from '../lib/i18n';
import {
  LANDING_HREF,
  clubHref,
  consoleHref,
  isOpsRoute,
  parseRoute,
  terminalHref,
  type Route,
} from '../lib/routes';

export async function startApp(root: HTMLElement): Promise<void> {
  // Coming back from the club's login (or logout) page: finish that, then drop the code and state
  // from the address and show the club's page the person started from (cabinet or console).
  const returned = await completeRedirect();
  let pending: Problem | undefined = returned?.problem;
  if (returned) {
    window.history.replaceState(null, '', `/${returnPage(returned.club, returned.page)}`);
  }

  let current = new AbortController();
  const render = () => {
    current.abort();
    current = new AbortController();
    const problem = pending;
    pending = undefined;
    renderRoute(root, parseRoute(window.location.hash), current.signal, problem).catch(
      (error: unknown) => {
        if (!current.signal.aborted) root.replaceChildren(errorBanner(toProblem(error)));
      },
    );
  };
  window.addEventListener('hashchange', render);
  render();
}

async function renderRoute(
  root: HTMLElement,
  route: Route,
  signal: AbortSignal,
  problem: Problem | undefined,
): Promise<void> {
  const title = h('span', { class: 'topbar__club' });
  const actions = h('div', { class: 'topbar__actions' });
  const main = h('main', { class: 'page' });
  root.replaceChildren(
    h(
      'header',
      { class: 'topbar' },
      h('a', { class: 'topbar__brand', attrs: { href: LANDING_HREF } }, 'Bloom'),
      title,
      actions,
    ),
    main,
  );
  const notices = h('div', { class: 'notices' });
  if (problem) notices.append(errorBanner(problem));
  const showProblem = (p: Problem) => notices.append(errorBanner(p));

  switch (route.name) {
    case 'landing':
      document.title = 'Bloom';
      main.replaceChildren(notices, landingPage());
      return;
    case 'signup':
      document.title = 'Регистрация — Bloom';
      main.replaceChildren(notices, signUpPage(signal));
      return;
    case 'signup-verify':
      document.title = 'Подключение — Bloom';
      main.replaceChildren(notices, signUpProgressPage(route.token, signal));
      return;
    case 'not-found':
      document.title = 'Bloom';
      main.replaceChildren(
        notices,
        errorBanner({ type: 'about:blank', title: 'Страница не найдена', status: 404 }),
        h('p', {}, h('a', { attrs: { href: LANDING_HREF } }, 'На главную')),
      );
      return;
    case 'club':
      await renderClub(route.club, { main, title, actions, notices, showProblem, signal });
      return;
    case 'console':
      await renderConsole(route.club, { main, title, actions, notices, showProblem, signal });
      return;
    case 'confirm':
      await renderConfirm(route.club, route.token, {
        main,
        title,
        actions,
        notices,
        showProblem,
        signal,
      });
      return;
    case 'ops':
      await renderOps({ tab: route.tab }, { main, title, actions, notices, showProblem, signal });
      return;
    case 'partner-console':
      await renderPartnerConsole(route.partner, {
        main,
        title,
        actions,
        notices,
        showProblem,
        signal,
      });
      return;
    case 'terminal':
      await renderTerminal(route.partner, {
        main,
        title,
        actions,
        notices,
        showProblem,
        signal,
      });
      return;
    case 'staff-invitation':
      await renderStaffInvitation(route.kind, route.slug, route.token, {
        main,
        title,
        actions,
        notices,
        showProblem,
        signal,
      });
      return;
    case 'ops-tenant':
      await renderOps(
        { kinds: route.kinds, slug: route.slug },
        { main, title, actions, notices, showProblem, signal },
      );
      return;
  }
}

/** Where to land after the identity provider: the page left from, if it is one of that club's. */
function returnPage(club: string | null, page: string | null): string {
  const route = page ? parseRoute(page) : null;
  // The operator's console (platform realm) carries no club.
  if (!club) return route && page && isOpsRoute(route) ? page : '';
  if (route && route.name === 'confirm' && route.club === club) return page ?? clubHref(club);
  if (route && route.name === 'staff-invitation' && route.kind === 'club' && route.slug === club) {
    return page ?? clubHref(club);
  }
  if (route && (route.name === 'club' || route.name === 'console') && route.club === club) {
    return route.name === 'console' ? consoleHref(club) : clubHref(club);
  }
  return clubHref(club);
}

interface ClubPage {
  main: HTMLElement;
  title: HTMLElement;
  actions: HTMLElement;
  notices: HTMLElement;
  showProblem: (problem: Problem) => void;
  signal: AbortSignal;
}

async function loadClub(slug: string, page: ClubPage): Promise<ClubSignInInfo | null> {
  const { main, notices, signal } = page;
  main.replaceChildren(notices, h('p', { class: 'loading' }, 'Загружаем клуб…'));
  try {
    return await createApi().getClubSignInInfo(slug, { signal });
  } catch (error) {
    if (!signal.aborted) main.replaceChildren(notices, errorBanner(toProblem(error)));
    return null;
  }
}

async function renderClub(slug: string, page: ClubPage): Promise<void> {
  const { main, notices, signal } = page;
  const club = await loadClub(slug, page);
  if (!club) return;
  const session = createClubSession(club);
  const user = await session.currentUser();
  if (signal.aborted) return;

  document.title = `${club.name} — Bloom`;
  page.title.textContent = club.name;
  const toConsole = h(
    'a',
    { class: 'topbar__link', testid: 'console-link', attrs: { href: consoleHref(club.slug) } },
    'Консоль клуба',
  );

  if (!user) {
    page.actions.replaceChildren(toConsole);
    main.replaceChildren(
      notices,
      h(
        'section',
        { class: 'card welcome' },
        h('h1', {}, club.name),
        h('p', {}, t('club.welcome')),
        h(
          'div',
          { class: 'consent__actions' },
          signInButton(session, page.showProblem),
          joinButton(session, page.showProblem),
        ),
        h('p', { class: 'muted' }, t('club.join-hint')),
      ),
    );
    return;
  }

  page.actions.replaceChildren(toConsole, signOutButton(session, page.showProblem));
  const cabinet = h('div', { class: 'cabinet' });
  main.replaceChildren(notices, cabinet);
  await showCabinet(cabinet, {
    api: createApi({ accessToken: session.accessToken }),
    signal,
    signInAgain: () => {
      session.signIn().catch((error: unknown) => page.showProblem(toProblem(error)));
    },
    club: club.slug,
    clubName: club.name,
  });
}

/**
 * The link of a registration made at a partner's counter: sign in (or register) in the club's
 * realm, then accept the terms and claim it; the cabinet follows.
 */
async function renderConfirm(slug: string, token: string, page: ClubPage): Promise<void> {
  const { main, notices, signal } = page;
  const club = await loadClub(slug, page);
  if (!club) return;
  const session = createClubSession(club);
  const user = await session.currentUser();
  if (signal.aborted) return;

  document.title = `Подтверждение — ${club.name} — Bloom`;
  page.title.textContent = club.name;
  if (!user) {
    page.actions.replaceChildren();
    main.replaceChildren(
      notices,
      h(
        'section',
        { class: 'card welcome', testid: 'confirm-signin' },
        h('h1', {}, `Участие в клубе «${club.name}»`),
        h(
          'p',
          {},
          'Вас зарегистрировали на кассе партнёра клуба. Войдите или зарегистрируйтесь, ',
          'чтобы подтвердить участие и увидеть начисленные баллы.',
        ),
        signInButton(session, page.showProblem),
      ),
    );
    return;
  }
  page.actions.replaceChildren(signOutButton(session, page.showProblem));
  const container = h('div', { class: 'cabinet' });
  main.replaceChildren(notices, container);
  await showRegistrationConfirmation(container, {
    api: createApi({ accessToken: session.accessToken }),
    club: club.slug,
    clubName: club.name,
    token,
    signal,
    confirmed: () => {
      window.location.hash = clubHref(club.slug);
    },
  });
}

/**
 * A staff invitation mailed to a login that existed before it: sign in with that login (the club's
 * realm for a club, the platform realm for a partner), accept, then the console with the new role.
 */
async function renderStaffInvitation(
  kind: 'club' | 'partner',
  slug: string,
  token: string,
  page: ClubPage,
): Promise<void> {
  const { main, notices, signal } = page;
  let session;
  let tenantName = slug;
  if (kind === 'club') {
    const club = await loadClub(slug, page);
    if (!club) return;
    session = createClubSession(club);
    tenantName = club.name;
  } else {
    main.replaceChildren(notices, h('p', { class: 'loading' }, t('staff-invitation.loading')));
    try {
      session = createPlatformSession(await createApi().getPlatformSignInInfo({ signal }));
    } catch (error) {
      if (!signal.aborted) main.replaceChildren(notices, errorBanner(toProblem(error)));
      return;
    }
  }
  const user = await session.currentUser();
  if (signal.aborted) return;
  document.title = `${t('staff-invitation.document')} — ${tenantName} — Bloom`;
  page.title.textContent = tenantName;
  if (!user) {
    page.actions.replaceChildren();
    main.replaceChildren(
      notices,
      h(
        'section',
        { class: 'card welcome', testid: 'staff-invitation-signin' },
        h('h1', {}, t('staff-invitation.title', { tenant: tenantName })),
        h('p', {}, t('staff-invitation.signin')),
        signInButton(session, page.showProblem),
      ),
    );
    return;
  }
  const signedIn = session;
  page.actions.replaceChildren(signOutButton(signedIn, page.showProblem));
  const container = h('div', { class: 'cabinet' });
  main.replaceChildren(notices, container);
  showStaffInvitation(container, {
    api: createApi({ accessToken: signedIn.accessToken }),
    tenantName,
    token,
    signal,
    accepted: (accepted) => {
      // The role is Keycloak's now: a fresh token carries it (and a partner's organization).
      signedIn
        .renew()
        .catch((error: unknown) => console.warn('Bloom: could not renew the session', error))
        .finally(() => {
          window.location.hash = new URL(accepted.consoleUrl).hash || LANDING_HREF;
        });
    },
  });
}

async function renderConsole(slug: string, page: ClubPage): Promise<void> {
  const { main, notices, signal } = page;
  const club = await loadClub(slug, page);
  if (!club) return;
  const session = createClubSession(club);
  const user = await session.currentUser();
  if (signal.aborted) return;

  document.title = `Консоль — ${club.name} — Bloom`;
  page.title.textContent = `${club.name} · консоль`;
  const toCabinet = h(
    'a',
    { class: 'topbar__link', testid: 'cabinet-link', attrs: { href: clubHref(club.slug) } },
    'Кабинет участника',
  );

  if (!user) {
    page.actions.replaceChildren(toCabinet);
    main.replaceChildren(
      notices,
      h(
        'section',
        { class: 'card welcome' },
        h('h1', {}, 'Консоль клуба'),
        h(
          'p',
          {},
          `Правила начисления, уровни, валюты и списание клуба «${club.name}». `,
          'Войдите учётной записью владельца или администратора клуба.',
        ),
        signInButton(session, page.showProblem),
      ),
    );
    return;
  }

  const signOut = () => {
    session.signOut().catch((error: unknown) => page.showProblem(toProblem(error)));
  };
  page.actions.replaceChildren(toCabinet, signOutButton(session, page.showProblem));
  main.classList.add('page--wide');
  const container = h('div', { class: 'console-page' });
  main.replaceChildren(notices, container);
  const profile = user.profile;
  await showConsole(container, {
    api: createApi({ accessToken: session.accessToken }),
    club: club.slug,
    clubName: club.name,
    who: profile.email ?? profile.preferred_username ?? profile.sub,
    cabinetHref: clubHref(club.slug),
    signal,
    signInAgain: () => {
      session.signIn().catch((error: unknown) => page.showProblem(toProblem(error)));
    },
    switchAccount: signOut,
  });
}

/** What a console signed in to the platform realm is given once its user is known. */
interface PlatformConsoleContext {
  api: ReturnType<typeof createApi>;
  who: string;
  signal: AbortSignal;
  signInAgain: () => void;
  switchAccount: () => void;
}

/**
 * The consoles of the platform realm (the operator's, a partner's): the realm's sign-in page, or
 * the console once signed in.
 */
async function renderPlatformConsole(
  page: ClubPage,
  texts: { document: string; title: string; welcome: string; invitation: string[] },
  show: (container: HTMLElement, context: PlatformConsoleContext) => Promise<void>,
): Promise<void> {
  const { main, notices, signal } = page;
  main.replaceChildren(notices, h('p', { class: 'loading' }, 'Загружаем…'));
  let platform;
  try {
    platform = await createApi().getPlatformSignInInfo({ signal });
  } catch (error) {
    if (!signal.aborted) main.replaceChildren(notices, errorBanner(toProblem(error)));
    return;
  }
  const session = createPlatformSession(platform);
  const user = await session.currentUser();
  if (signal.aborted) return;

  document.title = texts.document;
  page.title.textContent = texts.title;
  if (!user) {
    page.actions.replaceChildren();
    main.replaceChildren(
      notices,
      h(
        'section',
        { class: 'card welcome' },
        h('h1', {}, texts.welcome),
        h('p', {}, ...texts.invitation),
        signInButton(session, page.showProblem),
      ),
    );
    return;
  }

  page.actions.replaceChildren(signOutButton(session, page.showProblem));
  main.classList.add('page--wide');
  const container = h('div', { class: 'console-page' });
  main.replaceChildren(notices, container);
  const profile = user.profile;
  await show(container, {
    api: createApi({ accessToken: session.accessToken }),
    who: profile.email ?? profile.preferred_username ?? profile.sub,
    signal,
    signInAgain: () => {
      session.signIn().catch((error: unknown) => page.showProblem(toProblem(error)));
    },
    switchAccount: () => {
      session.signOut().catch((error: unknown) => page.showProblem(toProblem(error)));
    },
  });
}

async function renderOps(view: OpsView, page: ClubPage): Promise<void> {
  await renderPlatformConsole(
    page,
    {
      document: 'Консоль оператора — Bloom',
      title: 'Оператор платформы',
      welcome: 'Консоль оператора',
      invitation: [
        'Клубы и партнёры платформы: статус, тариф, использование, приостановка; заявки на ',
        'подключение. Войдите учётной записью оператора платформы.',
      ],
    },
    (container, context) => showOps(container, view, context),
  );
}

/** A partner's console: its staff sign in to the platform realm, like the operator. */
async function renderPartnerConsole(partner: string, page: ClubPage): Promise<void> {
  await renderPlatformConsole(
    page,
    {
      document: `Консоль партнёра — ${partner} — Bloom`,
      title: `Партнёр ${partner}`,
      welcome: 'Консоль партнёра',
      invitation: [
        'Клубы партнёра, ключи API для касс, сотрудники и тариф. ',
        'Войдите учётной записью владельца или администратора партнёра.',
      ],
    },
    (container, context) => showPartnerConsole(container, { ...context, partner }),
  );
}

/**
 * The cashier's terminal (ADR 0043): partner staff sign in to the platform realm like the partner's
 * console; the page is made for a phone. `#/t` alone opens the terminal this device used last, or
 * asks which partner's.
 */
async function renderTerminal(partner: string | null, page: ClubPage): Promise<void> {
  const { main, notices, signal } = page;
  if (!partner) {
    const last = lastTerminal();
    if (last) {
      window.location.replace(terminalHref(last));
      return;
    }
    const slug = h('input', {
      class: 'input terminal__input',
      testid: 'terminal-choose-partner',
      attrs: { type: 'text', id: 'terminal-choose-partner', autocomplete: 'off' },
    });
    const open = h(
      'button',
      { class: 'button button--primary terminal__button', attrs: { type: 'submit' } },
      t('terminal.choose.open'),
    );
    const form = h(
      'form',
      { class: 'card welcome' },
      h('h1', {}, t('terminal.choose.title')),
      h('p', {}, t('terminal.choose.text')),
      h(
        'label',
        { class: 'field__label', attrs: { for: 'terminal-choose-partner' } },
        t('terminal.choose.partner'),
      ),
      slug,
      open,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = slug.value.trim().toLowerCase();
      if (value) window.location.hash = terminalHref(value);
    });
    document.title = 'Bloom';
    main.replaceChildren(notices, form);
    return;
  }
  main.classList.add('page--terminal');
  main.replaceChildren(notices, h('p', { class: 'loading' }, t('terminal.loading')));
  let platform;
  try {
    platform = await createApi().getPlatformSignInInfo({ signal });
    try {
      window.localStorage.setItem('bloom.terminal.platform', JSON.stringify(platform));
    } catch {
      // Not kept: a start without network then cannot find the sign-in service.
    }
  } catch (error) {
    // Without network, the terminal still opens with what the device kept (ADR 0043).
    const kept = keptPlatform();
    if (signal.aborted) return;
    if (!kept) {
      main.replaceChildren(notices, errorBanner(toProblem(error)));
      return;
    }
    platform = kept;
  }
  const session = createPlatformSession(platform);
  const user = await session.currentUser();
  if (signal.aborted) return;
  document.title = t('terminal.document', { partner });
  page.title.textContent = partner;
  if (!user) {
    page.actions.replaceChildren();
    main.replaceChildren(
      notices,
      h(
        'section',
        { class: 'card welcome', testid: 'terminal-signin' },
        h('h1', {}, t('terminal.welcome.title')),
        h('p', {}, t('terminal.welcome.text')),
        signInButton(session, page.showProblem),
      ),
    );
    return;
  }
  page.actions.replaceChildren(signOutButton(session, page.showProblem));
  const container = h('div', { class: 'terminal-page' });
  main.replaceChildren(notices, container);
  const profile = user.profile;
  await showTerminal(container, {
    api: createApi({ accessToken: session.accessToken }),
    partner,
    who: profile.email ?? profile.preferred_username ?? profile.sub,
    signal,
    signInAgain: () => {
      session.signIn().catch((error: unknown) => page.showProblem(toProblem(error)));
    },
    switchAccount: () => {
      session.signOut().catch((error: unknown) => page.showProblem(toProblem(error)));
    },
  });
}

function keptPlatform(): PlatformSignInInfo | null {
  try {
    const text = window.localStorage.getItem('bloom.terminal.platform');
    return text ? (JSON.parse(text) as PlatformSignInInfo) : null;
  } catch {
    return null;
  }
}
