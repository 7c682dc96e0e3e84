import { errorBanner } from '../../components/error-banner';
import { toProblem, type BloomApi, type ConsentDocument } from '../../lib/api';
import { h } from '../../lib/dom';
import { t } from '../../lib/i18n';

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
 * Confirming a membership by its link, signed in: a registration made at a partner's counter, an
 * enrolment by the club's staff, or a membership found when joining online. The club's current
 * terms, and one button that accepts them and claims the link (`POST /me/counter-registrations`).
 * Points credited since then appear in the cabinet; when this login already had a member, the two
 * are merged.
 */
export async function showRegistrationConfirmation(
  container: HTMLElement,
  options: ConfirmOptions,
): Promise<void> {
  const { api, signal } = options;
  container.replaceChildren(h('p', { class: 'loading' }, t('confirm.loading')));
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
    terms ? t('confirm.accept-and-confirm') : t('confirm.confirm'),
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
      h('h1', {}, t('confirm.title', { club: options.clubName })),
      h('p', { class: 'muted' }, t('confirm.intro')),
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
