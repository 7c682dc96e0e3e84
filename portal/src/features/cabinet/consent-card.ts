import { toProblem, type BloomApi, type ConsentDocument, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';

const TITLES: Record<ConsentDocument['kind'], string> = {
  terms: 'Правила клуба',
  marketing: 'Рассылки и предложения',
};

/**
 * A consent text the member has yet to answer. The club's terms are required: until the member
 * accepts the current version, the cabinet shows only this card. Marketing is optional and can be
 * declined. The answer names the version read, so an older text can never be accepted by mistake.
 */
export function consentCard(
  api: BloomApi,
  document: ConsentDocument,
  signal: AbortSignal,
  showProblem: (problem: Problem) => void,
  answered: () => void,
): HTMLElement {
  const buttons: HTMLButtonElement[] = [];
  const answer = (action: 'accept' | 'withdraw') => {
    buttons.forEach((b) => b.setAttribute('disabled', 'true'));
    api
      .answerConsent(
        { kind: document.kind, version: document.version, action, channel: 'web' },
        { signal },
      )
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
        testid: `consent-accept-${document.kind}`,
        attrs: { type: 'button' },
        onClick: () => answer('accept'),
      },
      document.required ? 'Принимаю' : 'Согласна',
    ),
  );
  if (!document.required) {
    buttons.push(
      h(
        'button',
        {
          class: 'button button--quiet',
          testid: `consent-decline-${document.kind}`,
          attrs: { type: 'button' },
          onClick: () => answer('withdraw'),
        },
        'Нет, спасибо',
      ),
    );
  }
  const published = new Date(document.publishedAt).toLocaleDateString('ru-RU');
  return h(
    'section',
    {
      class: 'card consent',
      testid: `consent-${document.kind}`,
      attrs: { 'aria-label': TITLES[document.kind] },
    },
    h('h2', {}, TITLES[document.kind]),
    h(
      'p',
      { class: 'muted' },
      document.required
        ? `Клуб обновил правила (редакция ${document.version} от ${published}). Чтобы пользоваться кабинетом, примите их.`
        : `Редакция ${document.version} от ${published}. Согласие можно отозвать в любой момент.`,
    ),
    h('div', { class: 'consent__text', attrs: { tabindex: '0' } }, document.text),
    h('div', { class: 'consent__actions' }, ...buttons),
  );
}
