import { toProblem, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';
import { t } from '../../lib/i18n';
import type { ClubSession } from './club-session';

type ShowProblem = (problem: Problem) => void;

export function signInButton(session: ClubSession, showProblem: ShowProblem): HTMLButtonElement {
  return actionButton('Войти', 'signin', 'button button--primary', () => session.signIn(), {
    title: 'Не удалось начать вход',
    showProblem,
  });
}

/** Keycloak's registration page of the club's realm: the visible way to join the club. */
export function joinButton(session: ClubSession, showProblem: ShowProblem): HTMLButtonElement {
  return actionButton(t('club.join'), 'join', 'button', () => session.register(), {
    title: t('club.join-failed'),
    showProblem,
  });
}

export function signOutButton(session: ClubSession, showProblem: ShowProblem): HTMLButtonElement {
  return actionButton('Выйти', 'signout', 'button button--quiet', () => session.signOut(), {
    title: 'Не удалось выйти',
    showProblem,
  });
}

function actionButton(
  label: string,
  testid: string,
  className: string,
  action: () => Promise<void>,
  failure: { title: string; showProblem: ShowProblem },
): HTMLButtonElement {
  const button = h('button', { class: className, testid, attrs: { type: 'button' } }, label);
  button.addEventListener('click', () => {
    button.disabled = true;
    action().catch((error: unknown) => {
      button.disabled = false;
      const problem = toProblem(error);
      failure.showProblem({ ...problem, title: failure.title, detail: problem.detail ?? '' });
    });
  });
  return button;
}
