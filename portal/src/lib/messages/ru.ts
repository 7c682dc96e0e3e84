/**
 * The portal's texts in Russian, the reference catalogue: every key lives here first, and
 * `en.ts` must translate each one (the compiler checks it). `{name}` marks a parameter.
 */
export const ru = {
  'lang.switch': 'English',
  'app.start-failed': 'Не удалось запустить кабинет. Обновите страницу.',
} as const;

export type MessageKey = keyof typeof ru;
