import { toProblem, type BloomApi, type Problem } from '../../lib/api';
import { h } from '../../lib/dom';

/**
 * Paying with points at the counter: the member asks for a one-time code and tells it to the
 * cashier. The code works for five minutes, once; asking again replaces it.
 */
export function redemptionCodeCard(
  api: BloomApi,
  signal: AbortSignal,
  showProblem: (problem: Problem) => void,
): HTMLElement {
  const result = h('p', { class: 'redeem__code', testid: 'redemption-code' });
  const button = h(
    'button',
    {
      class: 'button',
      testid: 'request-redemption-code',
      attrs: { type: 'button' },
      onClick: () => {
        button.setAttribute('disabled', 'true');
        api
          .requestRedemptionCode({ signal })
          .then((code) => {
            const until = new Date(code.expiresAt).toLocaleTimeString('ru-RU', {
              hour: '2-digit',
              minute: '2-digit',
            });
            result.replaceChildren(
              h('span', { class: 'redeem__digits' }, code.code),
              h('span', { class: 'muted' }, ` действует до ${until}`),
            );
          })
          .catch((error: unknown) => {
            if (!signal.aborted) showProblem(toProblem(error));
          })
          .finally(() => button.removeAttribute('disabled'));
      },
    },
    'Получить код',
  );
  return h(
    'section',
    { class: 'card redeem', attrs: { 'aria-label': 'Оплата баллами' } },
    h('h2', {}, 'Оплата баллами'),
    h('p', { class: 'muted' }, 'Назовите кассиру одноразовый код — он действует 5 минут.'),
    button,
    result,
  );
}
