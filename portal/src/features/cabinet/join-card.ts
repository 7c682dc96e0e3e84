/**
 * Joining the club online (issue 12): a person signed in to the club's realm who is not a member
 * yet. She reads the club's current terms, gives her phone, may opt in to marketing, and joins
 * (`POST /me/membership`). An unclaimed member with her address gets her a claim link by mail
 * instead; the card then says where it went.
 */
import { errorBanner } from '../../components/error-banner';
import { toProblem, type BloomApi, type ConsentDocument } from '../../lib/api';
import { h } from '../../lib/dom';
import { t } from '../../lib/i18n';

export interface JoinOptions {
  api: BloomApi;
  club: string;
  clubName: string;
  signal: AbortSignal;
  /** Called once she is a member: the cabinet is shown. */
  joined: () => void;
}

export async function showJoinCard(container: HTMLElement, options: JoinOptions): Promise<void> {
  const { api, signal } = options;
  container.replaceChildren(h('p', { class: 'loading' }, t('join.loading')));
  let texts: ConsentDocument[];
  try {
    texts = await api.listPublicConsents(options.club, { signal });
  } catch (error) {
    if (!signal.aborted) container.replaceChildren(errorBanner(toProblem(error)));
    return;
  }
  if (signal.aborted) return;
  const terms = texts.find((d) => d.kind === 'terms');
  const marketing = texts.find((d) => d.kind === 'marketing');

  const notices = h('div', { class: 'notices' });
  const phone = h('input', {
    class: 'input',
    testid: 'join-phone',
    attrs: { id: 'join-phone', type: 'tel', autocomplete: 'tel', required: 'true' },
  });
  const phoneError = h('p', {
    class: 'field__error',
    testid: 'join-phone-error',
    attrs: { hidden: '' },
  });
  const marketingBox = h('input', {
    testid: 'join-marketing',
    attrs: { id: 'join-marketing', type: 'checkbox' },
  });
  const button = h(
    'button',
    { class: 'button button--primary', testid: 'join-submit', attrs: { type: 'button' } },
    terms ? t('join.accept-and-join') : t('join.join'),
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    notices.replaceChildren();
    phoneError.hidden = true;
    phone.removeAttribute('aria-invalid');
    api
      .joinClub(
        {
          phone: phone.value,
          ...(terms ? { termsVersion: terms.version } : {}),
          ...(marketing && marketingBox.checked ? { marketingVersion: marketing.version } : {}),
        },
        { signal },
      )
      .then((membership) => {
        if (membership.outcome === 'claim-link-sent') {
          container.replaceChildren(
            h(
              'section',
              { class: 'card consent', testid: 'join-link-sent' },
              h('h1', {}, t('join.link-sent.title')),
              h('p', {}, t('join.link-sent.text', { address: membership.sentTo ?? '' })),
            ),
          );
          return;
        }
        options.joined();
      })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        const problem = toProblem(error);
        const phoneProblem = problem.errors?.find((e) => e.field === 'phone');
        if (phoneProblem) {
          phoneError.textContent = t('join.phone-invalid');
          phoneError.hidden = false;
          phone.setAttribute('aria-invalid', 'true');
        } else {
          notices.append(errorBanner(problem));
        }
        button.disabled = false;
      });
  });

  container.replaceChildren(
    h(
      'section',
      { class: 'card consent', testid: 'join-card' },
      h('h1', {}, t('join.title', { club: options.clubName })),
      h('p', { class: 'muted' }, t('join.intro')),
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'field__label', attrs: { for: 'join-phone' } }, t('join.phone')),
        phone,
        h('p', { class: 'field__hint' }, t('join.phone-hint')),
        phoneError,
      ),
      terms
        ? h(
            'div',
            {},
            h('h2', {}, t('join.terms')),
            h(
              'div',
              { class: 'consent__text', testid: 'join-terms', attrs: { tabindex: '0' } },
              terms.text,
            ),
          )
        : null,
      marketing
        ? h('label', { class: 'check' }, marketingBox, h('span', {}, t('join.marketing')))
        : null,
      notices,
      h('div', { class: 'consent__actions' }, button),
    ),
  );
}

/** The signed-in login's address is not verified: nothing works until she opens Keycloak's link. */
export function verifyEmailCard(signInAgain: () => void): HTMLElement {
  return h(
    'section',
    { class: 'card consent', testid: 'verify-email' },
    h('h1', {}, t('join.verify.title')),
    h('p', {}, t('join.verify.text')),
    h(
      'div',
      { class: 'consent__actions' },
      h(
        'button',
        {
          class: 'button button--primary',
          testid: 'signin',
          attrs: { type: 'button' },
          onClick: signInAgain,
        },
        t('join.verify.signin'),
      ),
    ),
  );
}
