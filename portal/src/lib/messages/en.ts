/** The portal's texts in English: the same keys as `ru.ts`, each translated. */
import type { MessageKey } from './ru';

export const en: Record<MessageKey, string> = {
  'lang.switch': 'Русский',
  'app.start-failed': 'The portal could not start. Reload the page.',
};
