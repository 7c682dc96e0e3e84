import { errorBanner } from '../../components/error-banner';
import { toProblem, type BloomApi, type ConsentDocument } from '../../lib/api';
import { h } from '../../lib/dom';

export interface ConfirmOptions {
  /** An API client that carries the signed-in person's access token. */
  api: BloomApi;
  club: string;
  clubName: string;
  /** The token of the link (the last segment of `#/c/<club>/confirm/<token>`). */
  token: string;
  signal: AbortSignal;
  /** Called once the registration is this login's: the portal opens the cabinet. */
  confirmed: () => void;
}

/**
 * Confirming a registration made at a partner's counter, signed in: the club's current terms, and
 * one button that accepts them and claims the registration (`POST /me/counter-registrations`).
 * Points credited since the counter then appear in the cabinet; when this login already had a
 * member, the two are merged.
 */
export async function showRegistrationConfirmation(
  container: HTMLElement,
  options: ConfirmOptions,
): Promise<void> {
  const { api, signal } = options;
  container.replaceChildren(h('p', { class: 'loading' }, 'Загружаем правила клуба…'));
  let terms: ConsentDocument | undefined;
  try {
    terms = (await api.listPublicConsents(options.club, { signal })).find(
      (d) => d.kind === 'terms',
    );
  } catch (error) {
    if (!signal.aborted) container.replaceChildren(errorBanner(toProblem(error)));
    return;
  }
  if (signal.aborted) return;
  const notices = h('div', { class: 'notices' });
  const button = h(
    'button',
    { class: 'button button--primary', testid: 'confirm-registration', attrs: { type: 'button' } },
    terms ? 'Принимаю правила и подтверждаю' : 'Подтвердить',
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    notices.replaceChildren();
    api
      .claimCounterRegistration(
        terms ? { token: options.token, termsVersion: terms.version } : { token: options.token },
        { signal },
      )
      .then(() => options.confirmed())
      .catch((error: unknown) => {
        if (signal.aborted) return;
        notices.append(errorBanner(toProblem(error)));
        button.disabled = false;
      });
  });
  container.replaceChildren(
    h(
      'section',
      { class: 'card consent', testid: 'confirm-card' },
      h('h1', {}, `Участие в клубе «${options.clubName}»`),
      h(
        'p',
        { class: 'muted' },
        'Вас зарегистрировали на кассе партнёра клуба. Баллы за покупки уже начислены; ' +
          'подтвердите участие, чтобы видеть и тратить их.',
      ),
      terms
        ? h(
            'div',
            { class: 'consent__text', testid: 'confirm-terms', attrs: { tabindex: '0' } },
            terms.text,
          )
        : h('span', {}),
      notices,
      h('div', { class: 'consent__actions' }, button),
    ),
  );
}
