import { h } from '../../lib/dom';
import { DEMO_CLUB, SIGNUP_HREF, clubHref, consoleHref, opsHref } from '../../lib/routes';

export function landingPage(): HTMLElement {
  return h(
    'section',
    { class: 'card landing' },
    h('h1', {}, 'Bloom'),
    h(
      'p',
      {},
      'Клубы лояльности, где покупки у всех партнёров клуба приносят баллы и повышают ваш уровень.',
    ),
    h(
      'p',
      {},
      'Откройте страницу своего клуба, чтобы увидеть клубный паспорт, баллы и историю покупок.',
    ),
    h(
      'div',
      { class: 'form-actions' },
      h(
        'a',
        {
          class: 'button button--primary',
          testid: 'demo-club',
          attrs: { href: clubHref(DEMO_CLUB) },
        },
        'Демо-клуб Bloom Care',
      ),
      h(
        'a',
        { class: 'button', testid: 'demo-console', attrs: { href: consoleHref(DEMO_CLUB) } },
        'Консоль клуба для сотрудников',
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      'Владельцам клубов и бизнесам-партнёрам: ',
      h('a', { testid: 'signup-link', attrs: { href: SIGNUP_HREF } }, 'зарегистрироваться в Bloom'),
      '.',
    ),
    h(
      'p',
      { class: 'muted' },
      h('a', { testid: 'ops-link', attrs: { href: opsHref() } }, 'Консоль оператора платформы'),
    ),
  );
}
