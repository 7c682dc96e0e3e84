/**
 * A tenant's webhook endpoints (ADR 0042), shared by the club's and the partner's consoles: the
 * list with status, registering one (its secret shown once), rotating the secret with a grace
 * period, disabling and enabling, deleting; an endpoint's delivery log with each message's
 * attempts, and redelivery. Texts come from the catalogues.
 */
import {
  toProblem,
  type BloomApi,
  type WebhookEndpoint,
  type WebhookEventType,
  type WebhookMessage,
  type WebhookOwner,
} from '../lib/api';
import { h } from '../lib/dom';
import { formatDateTime } from '../lib/format';
import { t } from '../lib/i18n';
import { errorBanner } from './error-banner';

export interface WebhooksPanelOptions {
  api: BloomApi;
  owner: WebhookOwner;
  /** The event types this kind of tenant receives. */
  eventTypes: WebhookEventType[];
  signal: AbortSignal;
}

export const PARTNER_EVENT_TYPES: WebhookEventType[] = [
  'purchase.recorded',
  'refund.recorded',
  'redemption.recorded',
  'import.finished',
];

export const CLUB_EVENT_TYPES: WebhookEventType[] = [
  'purchase.recorded',
  'refund.recorded',
  'redemption.recorded',
  'member.tier_changed',
  'points.expiring',
];

/** Renders the panel into `body` (and again after every change). */
export async function showWebhooks(
  body: HTMLElement,
  options: WebhooksPanelOptions,
  shown?: HTMLElement,
): Promise<void> {
  const { api, owner, signal } = options;
  let endpoints: WebhookEndpoint[];
  try {
    endpoints = await api.listWebhookEndpoints(owner, { signal });
  } catch (error) {
    if (signal.aborted) return;
    body.replaceChildren(errorBanner(toProblem(error)));
    return;
  }
  if (signal.aborted) return;
  const reload = (note?: HTMLElement) => void showWebhooks(body, options, note);
  const problems = h('div', { class: 'notices', testid: 'webhook-problems' });
  const fail = (error: unknown) => problems.replaceChildren(errorBanner(toProblem(error)));

  const rows = endpoints.map((endpoint) => endpointRow(options, endpoint, reload, fail));
  body.replaceChildren(
    shown ?? h('div'),
    problems,
    rows.length > 0
      ? h(
          'table',
          { class: 'table', testid: 'webhook-endpoints' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, t('webhooks.url')),
              h('th', {}, t('webhooks.events')),
              h('th', {}, t('webhooks.status')),
              h('th', {}, ''),
            ),
          ),
          h('tbody', {}, ...rows),
        )
      : h('p', { class: 'muted', testid: 'webhooks-none' }, t('webhooks.none')),
    newEndpointForm(options, reload, fail),
  );
}

function endpointRow(
  options: WebhooksPanelOptions,
  endpoint: WebhookEndpoint,
  reload: (note?: HTMLElement) => void,
  fail: (error: unknown) => void,
): HTMLElement {
  const { api, owner, signal } = options;
  const log = h('div', { class: 'webhook-log', testid: 'webhook-log' });
  const act = (run: () => Promise<unknown>, after: (result: unknown) => void) => {
    run().then(after, fail);
  };
  const grace = h('input', {
    class: 'input input--number',
    testid: 'webhook-grace',
    attrs: { type: 'number', min: '0', max: '168', value: '24', 'aria-label': t('webhooks.grace') },
  });
  const rotate = button(t('webhooks.rotate'), 'webhook-rotate');
  rotate.addEventListener('click', () =>
    act(
      () => api.rotateWebhookSecret(owner, endpoint.id, Number(grace.value), { signal }),
      (r) => reload(secretCard((r as { secret: string }).secret)),
    ),
  );
  const enabled = endpoint.status === 'enabled';
  const toggle = button(
    enabled ? t('webhooks.disable') : t('webhooks.enable'),
    enabled ? 'webhook-disable' : 'webhook-enable',
  );
  toggle.addEventListener('click', () =>
    act(
      () => api.setWebhookEndpointEnabled(owner, endpoint.id, !enabled, { signal }),
      () => reload(),
    ),
  );
  const remove = button(t('webhooks.delete'), 'webhook-delete', 'button--danger');
  remove.addEventListener('click', () => {
    if (window.confirm(t('webhooks.delete-confirm', { url: endpoint.url }))) {
      act(
        () => api.deleteWebhookEndpoint(owner, endpoint.id, { signal }),
        () => reload(),
      );
    }
  });
  const showLog = button(t('webhooks.log'), 'webhook-show-log', 'button--quiet');
  showLog.addEventListener('click', () => void renderLog(options, endpoint, log, fail));
  return h(
    'tr',
    { testid: 'webhook-endpoint', attrs: { 'data-id': endpoint.id } },
    h(
      'td',
      {},
      h('code', {}, endpoint.url),
      endpoint.description ? h('div', { class: 'muted' }, endpoint.description) : null,
      log,
    ),
    h('td', {}, endpoint.eventTypes.join(', ')),
    h(
      'td',
      { testid: 'webhook-status', attrs: { 'data-status': endpoint.status } },
      enabled ? t('webhooks.enabled') : t('webhooks.disabled'),
      endpoint.disabledReason ? h('div', { class: 'muted' }, endpoint.disabledReason) : null,
      endpoint.previousSecretValidUntil
        ? h(
            'div',
            { class: 'muted' },
            t('webhooks.previous-secret-until', {
              until: formatDateTime(endpoint.previousSecretValidUntil),
            }),
          )
        : null,
    ),
    h('td', { class: 'actions' }, showLog, grace, rotate, toggle, remove),
  );
}

async function renderLog(
  options: WebhooksPanelOptions,
  endpoint: WebhookEndpoint,
  into: HTMLElement,
  fail: (error: unknown) => void,
): Promise<void> {
  const { api, owner, signal } = options;
  let messages: WebhookMessage[];
  try {
    messages = await api.listWebhookMessages(owner, endpoint.id, { signal });
  } catch (error) {
    fail(error);
    return;
  }
  if (messages.length === 0) {
    into.replaceChildren(h('p', { class: 'muted' }, t('webhooks.log-empty')));
    return;
  }
  into.replaceChildren(
    h(
      'table',
      { class: 'table table--compact', testid: 'webhook-messages' },
      h(
        'tbody',
        {},
        ...messages.map((message) => {
          const attempts = h('div', { class: 'muted' });
          const details = button(t('webhooks.attempts'), 'webhook-attempts', 'button--quiet');
          details.addEventListener('click', () => {
            api.getWebhookMessage(owner, endpoint.id, message.id, { signal }).then((detail) => {
              attempts.replaceChildren(
                ...detail.attempts.map((a) =>
                  h(
                    'div',
                    { testid: 'webhook-attempt' },
                    `${formatDateTime(a.attemptedAt)} · ${a.statusCode ?? '—'} · ${a.durationMs} ms`,
                    a.error ? ` · ${a.error}` : '',
                    a.manual ? ` · ${t('webhooks.manual')}` : '',
                  ),
                ),
              );
            }, fail);
          });
          const redeliver = button(t('webhooks.redeliver'), 'webhook-redeliver', 'button--quiet');
          redeliver.addEventListener('click', () => {
            api
              .redeliverWebhookMessage(owner, endpoint.id, message.id, { signal })
              .then(() => void renderLog(options, endpoint, into, fail), fail);
          });
          return h(
            'tr',
            { testid: 'webhook-message', attrs: { 'data-id': message.id } },
            h('td', {}, formatDateTime(message.createdAt)),
            h('td', {}, message.eventType),
            h(
              'td',
              { testid: 'webhook-message-status' },
              t(`webhooks.message.${message.status}`),
              ` (${message.attempts})`,
            ),
            h('td', {}, details, redeliver, attempts),
          );
        }),
      ),
    ),
  );
}

function newEndpointForm(
  options: WebhooksPanelOptions,
  reload: (note?: HTMLElement) => void,
  fail: (error: unknown) => void,
): HTMLElement {
  const { api, owner, signal } = options;
  const url = h('input', {
    class: 'input',
    testid: 'webhook-url',
    attrs: { type: 'url', maxlength: '2000', placeholder: 'https://' },
  });
  const description = h('input', {
    class: 'input',
    testid: 'webhook-description',
    attrs: { maxlength: '200' },
  });
  const boxes = options.eventTypes.map((type) => {
    const box = h('input', { testid: 'webhook-event', attrs: { type: 'checkbox', value: type } });
    box.checked = type === 'purchase.recorded';
    return { type, box, element: h('label', { class: 'check' }, box, ' ', h('code', {}, type)) };
  });
  const create = button(t('webhooks.create'), 'webhook-create', 'button--primary');
  create.addEventListener('click', () => {
    const chosen = boxes.filter((b) => b.box.checked).map((b) => b.type);
    api
      .createWebhookEndpoint(
        owner,
        {
          url: url.value.trim(),
          eventTypes: chosen,
          ...(description.value.trim() ? { description: description.value.trim() } : {}),
        },
        { signal },
      )
      .then((created) => reload(secretCard(created.secret)), fail);
  });
  const form = h(
    'form',
    { class: 'form', attrs: { 'aria-label': t('webhooks.new') } },
    h('h3', {}, t('webhooks.new')),
    h('label', { class: 'field' }, h('span', { class: 'field__label' }, t('webhooks.url')), url),
    h(
      'label',
      { class: 'field' },
      h('span', { class: 'field__label' }, t('webhooks.description')),
      description,
    ),
    h('div', { class: 'checks' }, ...boxes.map((b) => b.element)),
    h('p', { class: 'field__hint' }, t('webhooks.url-hint')),
    h('div', { class: 'form-actions' }, create),
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

/** The secret, once: Bloom cannot show it again. */
function secretCard(secret: string): HTMLElement {
  return h(
    'div',
    { class: 'card secret', testid: 'webhook-secret-shown', attrs: { role: 'status' } },
    h('p', {}, t('webhooks.secret-once')),
    h('code', { class: 'code-block', testid: 'webhook-secret' }, secret),
  );
}

function button(label: string, testid: string, extra = ''): HTMLButtonElement {
  return h(
    'button',
    { class: `button button--small ${extra}`.trim(), testid, attrs: { type: 'button' } },
    label,
  );
}
