import { toProblem, type BloomApi, type Problem, type RedemptionCode } from '../../lib/api';
import { h } from '../../lib/dom';
import { passportTotp } from './passport-totp';

/**
 * Paying with points at the counter: the member asks for a one-time code — on the screen or by
 * e-mail — and tells it to the cashier. The code works for five minutes, once; asking again
 * replaces it. Or the member turns on the passport's code (TOTP), which changes every 30 seconds.
 */
export function redemptionCodeCard(
  api: BloomApi,
  signal: AbortSignal,
  showProblem: (problem: Problem) => void,
): HTMLElement {
  const result = h('p', { class: 'redeem__code', testid: 'redemption-code' });
  const show = (code: RedemptionCode) => {
    const until = new Date(code.expiresAt).toLocaleTimeString('ru-RU', {
      hour: '2-digit',
      minute: '2-digit',
    });
    result.replaceChildren(
      code.code
        ? h('span', { class: 'redeem__digits' }, code.code)
        : h('span', {}, `Код отправлен на ${code.sentTo ?? 'вашу почту'}`),
      h('span', { class: 'muted' }, ` действует до ${until}`),
    );
  };
  const action = (
    label: string,
    testid: string,
    request: (options: { signal: AbortSignal }) => Promise<RedemptionCode>,
  ) => {
    const button = h(
      'button',
      {
        class: 'button',
        testid,
        attrs: { type: 'button' },
        onClick: () => {
          button.setAttribute('disabled', 'true');
          request({ signal })
            .then(show)
            .catch((error: unknown) => {
              if (!signal.aborted) showProblem(toProblem(error));
            })
            .finally(() => button.removeAttribute('disabled'));
        },
      },
      label,
    );
    return button;
  };
  return h(
    'section',
    { class: 'card redeem', attrs: { 'aria-label': 'Оплата баллами' } },
    h('h2', {}, 'Оплата баллами'),
    h('p', { class: 'muted' }, 'Назовите кассиру одноразовый код — он действует 5 минут.'),
    h(
      'div',
      { class: 'redeem__actions' },
      action('Получить код', 'request-redemption-code', (o) => api.requestRedemptionCode(o)),
      action('Прислать на почту', 'email-redemption-code', (o) => api.sendRedemptionCodeByEmail(o)),
    ),
    result,
    passportTotp(api, signal, showProblem),
  );
}
