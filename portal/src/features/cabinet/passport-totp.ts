import { TOTP } from 'otpauth';
import { toProblem, type BloomApi, type PassportTotp, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';

/** The current code of a passport TOTP key and the seconds it has left. */
export function currentCode(key: PassportTotp, now: number): { code: string; secondsLeft: number } {
  const totp = new TOTP({
    secret: key.secret,
    digits: key.digits,
    period: key.periodSeconds,
    algorithm: 'SHA1',
  });
  const period = key.periodSeconds;
  return {
    code: totp.generate({ timestamp: now }),
    secondsLeft: period - (Math.floor(now / 1000) % period),
  };
}

/**
 * The passport's code (TOTP): once turned on, the cabinet shows the code of the moment, which the
 * cashier may take instead of a one-time code; the key can also go into an authenticator app.
 */
export function passportTotp(
  api: BloomApi,
  signal: AbortSignal,
  showProblem: (problem: Problem) => void,
): HTMLElement {
  const box = h('div', { class: 'redeem__totp', testid: 'passport-totp' });
  let timer: number | undefined;
  signal.addEventListener('abort', () => window.clearInterval(timer), { once: true });
  const fail = (error: unknown) => {
    if (!signal.aborted) showProblem(toProblem(error));
  };

  const button = (label: string, testid: string, run: () => Promise<void>) => {
    const b = h(
      'button',
      {
        class: 'button button--quiet',
        testid,
        attrs: { type: 'button' },
        onClick: () => {
          b.setAttribute('disabled', 'true');
          run()
            .catch(fail)
            .finally(() => b.removeAttribute('disabled'));
        },
      },
      label,
    );
    return b;
  };

  const render = (key: PassportTotp | null) => {
    window.clearInterval(timer);
    if (!key) {
      box.replaceChildren(
        h('p', { class: 'muted' }, 'Или включите код в паспорте: он меняется каждые 30 секунд.'),
        button('Включить код в паспорте', 'enrol-totp', async () =>
          render(await api.enrolPassportTotp({ signal })),
        ),
      );
      return;
    }
    const digits = h('span', { class: 'redeem__digits', testid: 'totp-code' });
    const left = h('span', { class: 'muted' });
    const tick = () => {
      const { code, secondsLeft } = currentCode(key, Date.now());
      digits.textContent = code;
      left.textContent = ` ещё ${secondsLeft} с`;
    };
    tick();
    timer = window.setInterval(tick, 1000);
    box.replaceChildren(
      h('p', {}, 'Код в паспорте: ', digits, left),
      h(
        'p',
        { class: 'muted' },
        h('a', { attrs: { href: key.otpauthUri } }, 'Добавить в приложение-аутентификатор'),
      ),
      button('Выключить', 'disable-totp', async () => {
        await api.disablePassportTotp({ signal });
        render(null);
      }),
    );
  };

  api.getPassportTotp({ signal }).then(render).catch(fail);
  return box;
}
