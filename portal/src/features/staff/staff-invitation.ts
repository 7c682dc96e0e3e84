/**
 * Accepting a staff invitation mailed to a login that existed before it (ADR 0027): signed in with
 * that login (its address verified), one button accepts it (`POST /me/staff-invitations`); the
 * role is granted and the console follows, once the session carries it.
 */
import { errorBanner } from '../../components/error-banner';
import { toProblem, type AcceptedStaffInvitation, type BloomApi } from '../../lib/api';
import { h } from '../../lib/dom';
import { t } from '../../lib/i18n';

export interface StaffInvitationOptions {
  api: BloomApi;
  /** The club's or the partner's name, or its slug. */
  tenantName: string;
  /** The last segment of `#/c/<club>/staff-invitation/<token>` (or `#/p/…`). */
  token: string;
  signal: AbortSignal;
  /** Called once the role is held: the portal renews the session and opens the console. */
  accepted: (invitation: AcceptedStaffInvitation) => void;
}

export function showStaffInvitation(container: HTMLElement, options: StaffInvitationOptions): void {
  const notices = h('div', { class: 'notices' });
  const button = h(
    'button',
    {
      class: 'button button--primary',
      testid: 'accept-staff-invitation',
      attrs: { type: 'button' },
    },
    t('staff-invitation.accept'),
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    notices.replaceChildren();
    options.api
      .acceptStaffInvitation(options.token, { signal: options.signal })
      .then((accepted) => options.accepted(accepted))
      .catch((error: unknown) => {
        if (options.signal.aborted) return;
        notices.append(errorBanner(toProblem(error)));
        button.disabled = false;
      });
  });
  container.replaceChildren(
    h(
      'section',
      { class: 'card consent', testid: 'staff-invitation' },
      h('h1', {}, t('staff-invitation.title', { tenant: options.tenantName })),
      h('p', { class: 'muted' }, t('staff-invitation.intro')),
      notices,
      h('div', { class: 'consent__actions' }, button),
    ),
  );
}
