/**
 * The portal's texts in Russian, the reference catalogue: every key lives here first, and
 * `en.ts` must translate each one (the compiler checks it). `{name}` marks a parameter.
 */
export const ru = {
  'lang.switch': 'English',
  'app.start-failed': 'Не удалось запустить кабинет. Обновите страницу.',
  'signup.failure.retrying': 'Шаг не удался: {reason} Мы повторим его автоматически.',
  'signup.failure.reference': 'Номер обращения для поддержки: {reference}',
  'signup.failure.identity-provider-unavailable': 'сервис входа сейчас недоступен.',
  'signup.failure.identity-provider-refused': 'сервис входа отклонил запрос.',
  'signup.failure.slug-taken':
    'этот адрес (slug) уже занят другой организацией; подайте заявку с другим адресом.',
  'signup.failure.internal': 'внутренняя ошибка на нашей стороне.',
} as const;

export type MessageKey = keyof typeof ru;
