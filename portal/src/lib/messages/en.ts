/** The portal's texts in English: the same keys as `ru.ts`, each translated. */
import type { MessageKey } from './ru';

export const en: Record<MessageKey, string> = {
  'lang.switch': 'Русский',
  'app.start-failed': 'The portal could not start. Reload the page.',
  'signup.failure.retrying': 'A step failed: {reason} We will retry it automatically.',
  'signup.failure.reference': 'Reference for support: {reference}',
  'signup.failure.identity-provider-unavailable': 'the sign-in service is unavailable right now.',
  'signup.failure.identity-provider-refused': 'the sign-in service refused the request.',
  'signup.failure.slug-taken':
    'this address (slug) is taken by another organisation; apply again with another one.',
  'signup.failure.internal': 'an internal error on our side.',
  'club.welcome': 'Sign in to see your club passport, points and purchase history.',
  'club.join': 'Join the club',
  'club.join-failed': 'Could not open the registration',
  'club.join-hint':
    'Not a member yet? Join the club: register, confirm your address from the mail, and the passport is yours.',
  'join.loading': 'Loading the club’s terms…',
  'join.title': 'Joining {club}',
  'join.intro':
    'You are signed in but not a member yet. Give your phone, accept the terms, and get your club passport.',
  'join.phone': 'Phone',
  'join.phone-hint': 'For example +7 916 123-45-67. Cashiers at partners find you by it.',
  'join.phone-invalid': 'Give a real phone number, for example +7 916 123-45-67.',
  'join.terms': 'The club’s terms',
  'join.marketing': 'Send me the club’s newsletters and offers (I can withdraw this at any time)',
  'join.accept-and-join': 'I accept the terms and join',
  'join.join': 'Join',
  'join.link-sent.title': 'Check your mail',
  'join.link-sent.text':
    'The club already has a member with your address. We sent a link to {address}: open it to connect that membership to this login. The points are kept.',
  'join.verify.title': 'Confirm your e-mail address',
  'join.verify.text':
    'This login’s address is not confirmed yet, so the cabinet is closed. Open the link in the mail we sent when you registered, then sign in again.',
  'join.verify.signin': 'Sign in again',
  'confirm.loading': 'Loading the club’s terms…',
  'confirm.title': 'Your membership of {club}',
  'confirm.intro':
    'You were registered in the club. Your purchases already earned points; confirm to see and spend them.',
  'confirm.accept-and-confirm': 'I accept the terms and confirm',
  'confirm.confirm': 'Confirm',
  'staff-invitation.loading': 'Loading…',
  'staff-invitation.document': 'Team invitation',
  'staff-invitation.title': 'Invitation to the team of {tenant}',
  'staff-invitation.signin':
    'Sign in with the login of the address the invitation was sent to. If you have no password or forgot it, choose “Forgot password?” on the sign-in page.',
  'staff-invitation.intro': 'Accept the invitation to get the role and open the console.',
  'staff-invitation.accept': 'Accept the invitation',
};
