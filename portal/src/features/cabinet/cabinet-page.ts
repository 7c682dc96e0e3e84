/**
 * The member cabinet: greeting, club passport, points and tier, purchase history. It shows what it
 * can: the passport and history load independently, and a failing part gets its own error banner.
 * While the club's current terms are not accepted, it shows only them; invitations and optional
 * consents wait above the cards. Answering one reloads the cabinet.
 */
import { errorBanner } from '../../components/error-banner';
import { toProblem, type BloomApi, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';
import { consentCard } from './consent-card';
import { invitationCard } from './invitation-card';
import { showJoinCard, verifyEmailCard } from './join-card';
import { passportCard } from './passport-card';
import { PAGE_SIZE, purchaseHistory } from './purchase-history';
import { redemptionCodeCard } from './redemption-code';
import { statusCard } from './tier-progress';

export interface CabinetOptions {
  /** An API client that carries the member's access token. */
  api: BloomApi;
  /** Aborted when the member leaves the page: pending requests stop, object URLs are released. */
  signal: AbortSignal;
  /** Offered when the API no longer accepts the session. */
  signInAgain: () => void;
  /** The club whose cabinet it is: a login that is not its member yet is offered to join. */
  club: string;
  clubName: string;
}

/** The problem type's last segment (`https://bloom.club/problems/no-membership` → `no-membership`). */
function problemCode(problem: Problem): string {
  return problem.type.substring(problem.type.lastIndexOf('/') + 1);
}

export async function showCabinet(container: HTMLElement, options: CabinetOptions): Promise<void> {
  const { api, signal } = options;
  container.replaceChildren(h('p', { class: 'loading' }, 'Загружаем кабинет…'));

  const [cabinet, purchases, qr, invitations] = await Promise.allSettled([
    api.getMyCabinet({ signal }),
    api.listMyPurchases({ limit: PAGE_SIZE }, { signal }),
    api.getMyPassportQr({ signal }),
    api.listMyInvitations({ signal }),
  ]);
  if (signal.aborted) return;

  const banner = (error: unknown) => problemBanner(toProblem(error), options.signInAgain);
  if (cabinet.status === 'rejected') {
    const problem = toProblem(cabinet.reason);
    if (problemCode(problem) === 'no-membership') {
      await showJoinCard(container, {
        api,
        club: options.club,
        clubName: options.clubName,
        signal,
        joined: () => void showCabinet(container, options),
      });
      return;
    }
    if (problemCode(problem) === 'email-not-verified') {
      container.replaceChildren(verifyEmailCard(options.signInAgain));
      return;
    }
    container.replaceChildren(banner(cabinet.reason));
    return;
  }
  const me = cabinet.value;
  const reload = () => void showCabinet(container, options);
  const greeting = h(
    'header',
    { class: 'greeting' },
    h('h1', {}, 'Здравствуйте, ', h('span', { testid: 'member-name' }, me.firstName), '!'),
    h('p', { class: 'muted' }, `Вы участник клуба «${me.clubName}»`),
  );
  const pending = me.pendingConsents ?? [];
  const required = pending.find((document) => document.required);
  if (required) {
    const notices = h('div', { class: 'notices' });
    container.replaceChildren(
      greeting,
      notices,
      consentCard(
        api,
        required,
        signal,
        (problem) => notices.append(problemBanner(problem, options.signInAgain)),
        reload,
      ),
    );
    return;
  }

  let qrUrl: string | null = null;
  if (qr.status === 'fulfilled') {
    const url = URL.createObjectURL(qr.value);
    signal.addEventListener('abort', () => URL.revokeObjectURL(url), { once: true });
    qrUrl = url;
  }

  const notices = h('div', { class: 'notices' });
  const showProblem = (problem: Problem) =>
    notices.append(problemBanner(problem, options.signInAgain));
  if (qr.status === 'rejected') notices.append(banner(qr.reason));

  const open =
    invitations.status === 'fulfilled'
      ? invitations.value.items.filter((invitation) => invitation.status === 'pending')
      : [];
  container.replaceChildren(
    greeting,
    notices,
    ...open.map((invitation) => invitationCard(api, invitation, signal, showProblem, reload)),
    ...pending.map((document) => consentCard(api, document, signal, showProblem, reload)),
    h('div', { class: 'cabinet__cards' }, passportCard(me, qrUrl), statusCard(me)),
    redemptionCodeCard(api, signal, showProblem),
    purchases.status === 'fulfilled'
      ? purchaseHistory(purchases.value, api, signal, showProblem)
      : banner(purchases.reason),
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
