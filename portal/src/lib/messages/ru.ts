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
  'club.welcome': 'Войдите, чтобы увидеть клубный паспорт, баллы и историю покупок.',
  'club.join': 'Вступить в клуб',
  'club.join-failed': 'Не удалось открыть регистрацию',
  'club.join-hint':
    'Ещё не участница? Вступите в клуб: зарегистрируйтесь, подтвердите адрес из письма — и паспорт ваш.',
  'join.loading': 'Загружаем условия клуба…',
  'join.title': 'Вступление в клуб «{club}»',
  'join.intro':
    'Вы вошли, но ещё не участница клуба. Укажите телефон, примите правила — и получите клубный паспорт.',
  'join.phone': 'Телефон',
  'join.phone-hint': 'Например, +7 916 123-45-67. По нему кассир найдёт вас у партнёра.',
  'join.phone-invalid': 'Укажите настоящий номер телефона, например +7 916 123-45-67.',
  'join.terms': 'Правила клуба',
  'join.marketing': 'Хочу получать рассылки и предложения клуба (согласие можно отозвать)',
  'join.accept-and-join': 'Принимаю правила и вступаю',
  'join.join': 'Вступить',
  'join.link-sent.title': 'Проверьте почту',
  'join.link-sent.text':
    'В клубе уже есть участница с вашим адресом. Мы отправили ссылку на {address}: откройте её, чтобы связать участие с этой учётной записью. Баллы сохранятся.',
  'join.verify.title': 'Подтвердите адрес почты',
  'join.verify.text':
    'Адрес этой учётной записи ещё не подтверждён, поэтому кабинет недоступен. Откройте ссылку из письма, которое мы отправили при регистрации, и войдите снова.',
  'join.verify.signin': 'Войти снова',
  'confirm.loading': 'Загружаем правила клуба…',
  'confirm.title': 'Участие в клубе «{club}»',
  'confirm.intro':
    'Вас зарегистрировали в клубе. Баллы за покупки уже начислены; подтвердите участие, чтобы видеть и тратить их.',
  'confirm.accept-and-confirm': 'Принимаю правила и подтверждаю',
  'confirm.confirm': 'Подтвердить',
  'staff-invitation.loading': 'Загружаем…',
  'staff-invitation.document': 'Приглашение в команду',
  'staff-invitation.title': 'Приглашение в команду «{tenant}»',
  'staff-invitation.signin':
    'Войдите учётной записью того адреса, на который пришло приглашение. Если пароля нет или вы его забыли, нажмите «Забыли пароль?» на странице входа.',
  'staff-invitation.intro': 'Примите приглашение, чтобы получить роль и открыть консоль.',
  'staff-invitation.accept': 'Принять приглашение',
  'webhooks.title': 'Вебхуки',
  'webhooks.url': 'Адрес (URL)',
  'webhooks.url-hint':
    'Только https и публичный адрес. Секрет для проверки подписи покажем один раз.',
  'webhooks.description': 'Описание',
  'webhooks.events': 'События',
  'webhooks.status': 'Состояние',
  'webhooks.none': 'Вебхуков пока нет.',
  'webhooks.new': 'Новый вебхук',
  'webhooks.create': 'Добавить вебхук',
  'webhooks.enabled': 'Включён',
  'webhooks.disabled': 'Отключён',
  'webhooks.enable': 'Включить',
  'webhooks.disable': 'Отключить',
  'webhooks.delete': 'Удалить',
  'webhooks.delete-confirm': 'Удалить вебхук {url} вместе с журналом доставки?',
  'webhooks.rotate': 'Сменить секрет',
  'webhooks.grace': 'Старый секрет действует ещё, ч',
  'webhooks.previous-secret-until': 'Старый секрет подписывает до {until}',
  'webhooks.secret-once': 'Секрет подписи. Скопируйте его сейчас — больше он показан не будет.',
  'webhooks.log': 'Журнал доставки',
  'webhooks.log-empty': 'Сообщений пока нет.',
  'webhooks.attempts': 'Попытки',
  'webhooks.redeliver': 'Отправить снова',
  'webhooks.manual': 'вручную',
  'webhooks.message.pending': 'Доставляется',
  'webhooks.message.delivered': 'Доставлено',
  'webhooks.message.failed': 'Не доставлено',
} as const;

export type MessageKey = keyof typeof ru;
