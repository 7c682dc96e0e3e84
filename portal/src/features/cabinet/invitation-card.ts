import { toProblem, type BloomApi, type Invitation, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';

/**
 * An invitation to an invitation-only tier (the Inner Circle) waiting for the member's answer.
 * Accepting grants the tier at once; `answered` reloads the cabinet to show it.
 */
export function invitationCard(
  api: BloomApi,
  invitation: Invitation,
  signal: AbortSignal,
  showProblem: (problem: Problem) => void,
  answered: () => void,
): HTMLElement {
  const buttons: HTMLButtonElement[] = [];
  const respond = (answer: 'accept' | 'decline') => {
    buttons.forEach((b) => b.setAttribute('disabled', 'true'));
    api
      .respondToInvitation(invitation.invitationId, answer, { signal })
      .then(answered)
      .catch((error: unknown) => {
        if (!signal.aborted) showProblem(toProblem(error));
        buttons.forEach((b) => b.removeAttribute('disabled'));
      });
  };
  buttons.push(
    h(
      'button',
      {
        class: 'button button--primary',
        testid: 'invitation-accept',
        attrs: { type: 'button' },
        onClick: () => respond('accept'),
      },
      'Принять',
    ),
    h(
      'button',
      {
        class: 'button button--quiet',
        testid: 'invitation-decline',
        attrs: { type: 'button' },
        onClick: () => respond('decline'),
      },
      'Отклонить',
    ),
  );
  const until = new Date(invitation.expiresAt).toLocaleDateString('ru-RU');
  return h(
    'section',
    {
      class: 'card invitation',
      testid: 'invitation',
      attrs: { 'aria-label': `Приглашение в ${invitation.tier.name}` },
    },
    h('h2', {}, `Приглашение в ${invitation.tier.name}`),
    h(
      'p',
      { class: 'muted' },
      `Клуб приглашает вас в круг «${invitation.tier.name}» — уровень только по приглашению. Ответьте до ${until}.`,
    ),
    h('div', { class: 'consent__actions' }, ...buttons),
  );
}
