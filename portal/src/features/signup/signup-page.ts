/**
 * Self-service sign-up of a club or a partner business: the application form, then — from the
 * e-mailed link — provisioning as it happens, and a partner's first API key, shown once.
 */
import { errorBanner } from '../../components/error-banner';
import { ApiError, toProblem, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';
import { failureReason, t } from '../../lib/i18n';
import { signUpApi, type SignUpProgress } from './signup-api';

const STEP_NAMES: Record<string, string> = {
  registered: 'Регистрация',
  'schema-migrated': 'База данных',
  'identity-created': 'Учётные записи',
  'admin-invited': 'Администратор',
  'plan-assigned': 'Тариф',
  activated: 'Запуск',
};

const STATE_NAMES: Record<string, string> = {
  done: 'готово',
  running: 'выполняется…',
  failed: 'повторим автоматически',
  pending: 'ожидает',
};

/** A slug from a name: Latin letters, digits and hyphens (Cyrillic transliterated roughly). */
export function suggestSlug(name: string): string {
  const map: Record<string, string> = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'h',
    ц: 'c',
    ч: 'ch',
    ш: 'sh',
    щ: 'sch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  };
  const latin = [...name.toLowerCase()].map((c) => map[c] ?? c).join('');
  return latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 40);
}

/** The application form. */
export function signUpPage(signal: AbortSignal): HTMLElement {
  const notices = h('div', { class: 'notices' });
  const field = (label: string, input: HTMLElement, name: string) =>
    h(
      'label',
      { class: 'form__field' },
      h('span', { class: 'form__label' }, label),
      input,
      h('span', { class: 'form__error', testid: `error-${name}` }),
    );
  const input = (name: string, type = 'text') =>
    h('input', { class: 'form__input', testid: `signup-${name}`, attrs: { name, type } });
  const name = input('name');
  const slug = input('slug');
  const email = input('adminEmail', 'email');
  const plan = h(
    'select',
    { class: 'form__input', testid: 'signup-plan', attrs: { name: 'plan' } },
    h('option', { attrs: { value: 'free' } }, 'Free'),
    h('option', { attrs: { value: 'start', selected: 'selected' } }, 'Start'),
    h('option', { attrs: { value: 'business' } }, 'Business'),
    h('option', { attrs: { value: 'enterprise' } }, 'Enterprise'),
  );
  const kindClub = h('input', {
    testid: 'signup-kind-club',
    attrs: { type: 'radio', name: 'kind', value: 'club', checked: 'checked' },
  });
  const kindPartner = h('input', {
    testid: 'signup-kind-partner',
    attrs: { type: 'radio', name: 'kind', value: 'partner' },
  });
  const terms = h('input', {
    testid: 'signup-terms',
    attrs: { type: 'checkbox', name: 'acceptTerms' },
  });
  const termsLabel = h('span', {}, 'Я принимаю условия платформы Bloom');
  let termsVersion: string | undefined;
  signUpApi
    .terms(signal)
    .then((t) => {
      termsVersion = t.version;
      termsLabel.textContent = `Я принимаю условия платформы Bloom (редакция ${t.version})`;
    })
    .catch(() => undefined);
  name.addEventListener('input', () => {
    if (!slug.dataset['edited']) slug.value = suggestSlug(name.value);
  });
  slug.addEventListener('input', () => {
    slug.dataset['edited'] = 'true';
  });

  const submit = h(
    'button',
    { class: 'button button--primary', testid: 'signup-submit', attrs: { type: 'submit' } },
    'Зарегистрироваться',
  );
  const form = h(
    'form',
    { class: 'card form', attrs: { novalidate: 'novalidate' } },
    h('h1', {}, 'Регистрация в Bloom'),
    h('p', { class: 'muted' }, 'Для клуба лояльности или для бизнеса-партнёра клуба.'),
    h(
      'div',
      { class: 'form__kinds' },
      h('label', {}, kindClub, ' Клуб'),
      h('label', {}, kindPartner, ' Партнёр'),
    ),
    field('Название', name, 'name'),
    field('Адрес (латиницей)', slug, 'slug'),
    field('E-mail администратора', email, 'adminEmail'),
    field('Тариф', plan, 'plan'),
    h('label', { class: 'form__check' }, terms, ' ', termsLabel),
    h('span', { class: 'form__error', testid: 'error-acceptTerms' }),
    submit,
  );
  const page = h('div', {}, notices, form);

  const showErrors = (problem: Problem) => {
    form.querySelectorAll<HTMLElement>('.form__error').forEach((e) => (e.textContent = ''));
    const unplaced = (problem.errors ?? []).filter((error) => {
      const slot = form.querySelector<HTMLElement>(`[data-testid="error-${error.field}"]`);
      if (slot) slot.textContent = error.reason;
      return !slot;
    });
    notices.replaceChildren(errorBanner({ ...problem, errors: unplaced }));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.setAttribute('disabled', 'true');
    signUpApi
      .apply(
        {
          kind: kindPartner.checked ? 'partner' : 'club',
          slug: slug.value.trim(),
          name: name.value.trim(),
          adminEmail: email.value.trim(),
          plan: plan.value,
          // Unchecked, the field is left out: the contract requires it, so the answer names it.
          ...(terms.checked ? { acceptTerms: true } : {}),
          ...(termsVersion ? { termsVersion } : {}),
        },
        signal,
      )
      .then((accepted) => {
        page.replaceChildren(
          h(
            'section',
            { class: 'card', testid: 'signup-sent' },
            h('h1', {}, 'Проверьте почту'),
            h(
              'p',
              {},
              `Мы отправили ссылку на ${accepted.sentTo}. Она действует 24 часа: откройте её, чтобы запустить подключение.`,
            ),
          ),
        );
      })
      .catch((error: unknown) => {
        if (!signal.aborted) showErrors(toProblem(error));
      })
      .finally(() => submit.removeAttribute('disabled'));
  });
  return page;
}

/** From the e-mailed link: verify once, then show provisioning until it is ready. */
export function signUpProgressPage(token: string, signal: AbortSignal): HTMLElement {
  const notices = h('div', { class: 'notices' });
  const body = h(
    'section',
    { class: 'card', testid: 'signup-progress' },
    h('p', { class: 'loading' }, 'Проверяем ссылку…'),
  );
  const page = h('div', {}, notices, body);
  const fail = (error: unknown) => {
    if (!signal.aborted) notices.replaceChildren(errorBanner(toProblem(error)));
  };

  const show = (progress: SignUpProgress) => {
    const steps = h(
      'ol',
      { class: 'steps' },
      ...progress.steps.map((s) =>
        h(
          'li',
          { class: `steps__item steps__item--${s.state}`, testid: `step-${s.step}` },
          `${STEP_NAMES[s.step] ?? s.step}: ${STATE_NAMES[s.state] ?? s.state}`,
        ),
      ),
    );
    const children: HTMLElement[] = [h('h1', {}, progress.name), steps];
    if (progress.status === 'ready') {
      children.push(
        h(
          'p',
          { testid: 'signup-ready' },
          `Готово. На ${progress.adminEmail} отправлена ссылка, чтобы задать пароль администратора.`,
        ),
      );
      if (progress.kind === 'club') {
        children.push(
          h(
            'a',
            { class: 'button button--primary', attrs: { href: `#/c/${progress.slug}/console` } },
            'Открыть консоль клуба',
          ),
        );
      } else if (progress.firstKeyAvailable) {
        const reveal = h(
          'button',
          { class: 'button button--primary', testid: 'reveal-key', attrs: { type: 'button' } },
          'Показать API-ключ',
        );
        const keyBox = h('div', {});
        reveal.addEventListener('click', () => {
          reveal.setAttribute('disabled', 'true');
          signUpApi
            .firstKey(token, signal)
            .then((key) => {
              reveal.remove();
              keyBox.replaceChildren(
                h(
                  'p',
                  {},
                  'Ваш первый API-ключ. Сохраните его сейчас: больше он показан не будет.',
                ),
                h('code', { class: 'secret', testid: 'api-key' }, key.key),
                h('p', { class: 'muted' }, `Права: ${key.scopes.join(', ')}`),
              );
            })
            .catch(fail);
        });
        children.push(reveal, keyBox);
      }
    } else if (progress.lastError) {
      children.push(
        h(
          'p',
          { class: 'muted', testid: 'signup-failure' },
          t('signup.failure.retrying', { reason: failureReason(progress.lastError) }),
        ),
      );
      if (progress.lastErrorReference) {
        children.push(
          h(
            'p',
            { class: 'muted' },
            t('signup.failure.reference', { reference: progress.lastErrorReference }),
          ),
        );
      }
    }
    body.replaceChildren(...children);
  };

  const poll = () => {
    if (signal.aborted) return;
    signUpApi
      .progress(token, signal)
      .then((progress) => {
        show(progress);
        if (progress.status === 'provisioning') window.setTimeout(poll, 1000);
      })
      .catch(fail);
  };

  signUpApi
    .verify(token, signal)
    .then((progress) => {
      show(progress);
      window.setTimeout(poll, 500);
    })
    .catch((error: unknown) => {
      // A link opened again after verification: just show where things are.
      if (error instanceof ApiError && error.problem.status === 409) poll();
      else fail(error);
    });
  return page;
}
