/**
 * The tenants: a search by slug or name, filters by kind and status, and a table with each
 * tenant's status, provisioning step, plan and this month's usage against the limits in force.
 * Pages come from the API's cursor ("Показать ещё").
 */
import {
  tenantKinds,
  toProblem,
  type TenantKind,
  type TenantPage,
  type TenantQuery,
  type TenantStatus,
  type TenantSummary,
} from '../../lib/api';
import { h } from '../../lib/dom';
import { formatDateTime, formatPoints } from '../../lib/format';
import { opsTenantHref } from '../../lib/routes';
import type { OpsContext } from './context';
import { KIND_LABELS, STATUS_LABELS, STEP_LABELS, statusBadge, usageAgainst } from './labels';

const PAGE_SIZE = 50;

/** The first page, loaded before the panel is built (a 403 then means "no access"). */
export function loadTenants(ctx: OpsContext, query: TenantQuery = {}): Promise<TenantPage> {
  return ctx.api.listTenants({ limit: PAGE_SIZE, ...query }, { signal: ctx.signal });
}

export function tenantsPanel(ctx: OpsContext, first: TenantPage): HTMLElement {
  const search = h('input', {
    class: 'input',
    testid: 'tenant-search',
    attrs: {
      type: 'search',
      id: 'tenant-search',
      maxlength: '100',
      placeholder: 'slug или название',
      autocomplete: 'off',
    },
  });
  const kind = select('tenant-kind', [
    ['', 'Все'],
    ['club', KIND_LABELS.club],
    ['partner', KIND_LABELS.partner],
  ]);
  const status = select('tenant-status-filter', [
    ['', 'Любой'],
    ...(['ACTIVE', 'PROVISIONING', 'SUSPENDED'] as TenantStatus[]).map((s): [string, string] => [
      s,
      STATUS_LABELS[s],
    ]),
  ]);
  const body = h('tbody');
  const summary = h('p', { class: 'muted', testid: 'tenants-count' });
  const more = h(
    'button',
    { class: 'button', testid: 'tenants-more', attrs: { type: 'button' } },
    'Показать ещё',
  );

  let query: TenantQuery = {};
  let cursor: string | undefined;
  let shown = 0;

  const show = (page: TenantPage, append: boolean) => {
    if (!append) {
      body.replaceChildren();
      shown = 0;
    }
    body.append(...page.items.map(tenantRow));
    shown += page.items.length;
    cursor = page.nextCursor;
    more.hidden = cursor === undefined;
    summary.textContent =
      shown === 0
        ? 'Ничего не найдено.'
        : `Показано: ${formatPoints(shown)}${cursor ? ' (есть ещё)' : ''}.`;
  };

  const load = async (append: boolean) => {
    more.disabled = true;
    try {
      const page = await loadTenants(ctx, append ? { ...query, cursor } : query);
      ctx.clearProblems();
      show(page, append);
    } catch (error) {
      if (!ctx.signal.aborted) ctx.showProblem(toProblem(error));
    } finally {
      more.disabled = false;
    }
  };

  const form = h(
    'form',
    { class: 'filters', testid: 'tenant-filters', attrs: { role: 'search' } },
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field__label', attrs: { for: 'tenant-search' } }, 'Поиск'),
      search,
    ),
    labelled('Вид', kind),
    labelled('Статус', status),
    h(
      'button',
      { class: 'button button--primary', testid: 'tenant-search-run', attrs: { type: 'submit' } },
      'Найти',
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = search.value.trim();
    query = {
      ...(text ? { q: text } : {}),
      ...(kind.value ? { kind: kind.value as TenantKind } : {}),
      ...(status.value ? { status: status.value as TenantStatus } : {}),
    };
    void load(false);
  });
  more.addEventListener('click', () => void load(true));

  show(first, false);
  return h(
    'section',
    { class: 'card console-panel', testid: 'tenants-panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Тенанты')),
    form,
    summary,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table tenants-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, 'Тенант'),
            h('th', {}, 'Статус'),
            h('th', {}, 'Подключение'),
            h('th', {}, 'Тариф'),
            h('th', {}, 'Покупки за месяц'),
            h('th', {}, 'Запросы API'),
          ),
        ),
        body,
      ),
    ),
    h('div', { class: 'form-actions' }, more),
  );
}

function tenantRow(t: TenantSummary): HTMLElement {
  const href = opsTenantHref(tenantKinds(t.kind), t.slug);
  return h(
    'tr',
    { testid: 'tenant-row', attrs: { 'data-slug': t.slug, 'data-kind': t.kind } },
    h(
      'td',
      {},
      h('a', { testid: 'tenant-open', attrs: { href } }, t.name),
      h('div', { class: 'muted' }, `${KIND_LABELS[t.kind]} · `, h('code', {}, t.slug)),
    ),
    h(
      'td',
      {},
      statusBadge(t.status, 'tenant-status'),
      t.status === 'SUSPENDED'
        ? h(
            'div',
            { class: 'muted' },
            t.suspensionReason ?? '',
            t.suspendedAt ? ` · с ${formatDateTime(t.suspendedAt)}` : '',
          )
        : null,
    ),
    h('td', {}, STEP_LABELS[t.provisioningStep]),
    h('td', { testid: 'tenant-plan' }, t.plan.name),
    h(
      'td',
      { testid: 'tenant-usage' },
      usageAgainst(t.usage.purchases, t.limits.purchasesPerMonth),
    ),
    h(
      'td',
      { class: 'num' },
      formatPoints(t.usage.apiRequests),
      h(
        'div',
        { class: 'muted' },
        t.limits.apiRequestsPerSecond === undefined
          ? 'без лимита'
          : `до ${formatPoints(t.limits.apiRequestsPerSecond)} в с`,
      ),
    ),
  );
}

function select(testid: string, options: [string, string][]): HTMLSelectElement {
  return h(
    'select',
    { class: 'input', testid, attrs: { id: testid } },
    ...options.map(([value, label]) => h('option', { attrs: { value } }, label)),
  );
}

function labelled(label: string, control: HTMLSelectElement): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { class: 'field__label', attrs: { for: control.id } }, label),
    control,
  );
}
