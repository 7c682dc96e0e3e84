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
};
