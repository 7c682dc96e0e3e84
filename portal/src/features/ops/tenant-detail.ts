/**
 * One tenant: its status with suspension (a reason is required) and resumption, its plan, limits
 * and usage now, and the plan change with the operator's overrides of single limits. Every action
 * answers with the tenant as the server now has it, and the page is drawn again from that.
 */
import {
  ApiError,
  toProblem,
  type LimitName,
  type LimitOverride,
  type Plan,
  type Problem,
  type Subscription,
  type TenantKinds,
  type TenantSummary,
} from '../../lib/api';
import { h } from '../../lib/dom';
import { formatDate, formatDateTime, formatMoney, formatPoints } from '../../lib/format';
import { opsHref } from '../../lib/routes';
import type { OpsContext } from './context';
import {
  KIND_LABELS,
  LIMITS,
  LIMIT_LABELS,
  METRIC_LABELS,
  STEP_LABELS,
  statusBadge,
  usageAgainst,
} from './labels';

export interface TenantData {
  tenant: TenantSummary;
  subscription: Subscription;
  plans: Plan[];
}

/** Loads what the page shows; throws the first failure (a 403 then means "no access"). */
export async function loadTenant(
  ctx: OpsContext,
  kinds: TenantKinds,
  slug: string,
): Promise<TenantData> {
  const options = { signal: ctx.signal };
  const tenant = await ctx.api.getTenant(kinds, slug, options);
  const [subscription, plans] = await Promise.all([
    ctx.api.getTenantSubscription(kinds, slug, options),
    ctx.api.listPlans(options),
  ]);
  return { tenant, subscription, plans };
}

export function tenantDetail(
  ctx: OpsContext,
  kinds: TenantKinds,
  data: TenantData,
  reload: (note?: string) => void,
): HTMLElement {
  const { tenant } = data;
  return h(
    'div',
    { class: 'console-panel', testid: 'tenant-detail', attrs: { 'data-slug': tenant.slug } },
    h('p', {}, h('a', { testid: 'back-to-tenants', attrs: { href: opsHref() } }, '← Все тенанты')),
    h(
      'section',
      { class: 'card' },
      h('h2', { testid: 'tenant-title' }, tenant.name),
      h(
        'p',
        { class: 'muted' },
        `${KIND_LABELS[tenant.kind]} · `,
        h('code', {}, tenant.slug),
        ` · подключение: ${STEP_LABELS[tenant.provisioningStep]}`,
      ),
      h(
        'p',
        { testid: 'tenant-detail-status' },
        statusBadge(tenant.status),
        tenant.status === 'SUSPENDED'
          ? h(
              'span',
              { testid: 'tenant-suspension' },
              ` ${tenant.suspensionReason ?? ''}`,
              tenant.suspendedAt ? ` (с ${formatDateTime(tenant.suspendedAt)})` : '',
            )
          : null,
      ),
      suspension(ctx, kinds, tenant, reload),
    ),
    usageCard(data.subscription),
    planForm(ctx, kinds, data, reload),
  );
}

function suspension(
  ctx: OpsContext,
  kinds: TenantKinds,
  tenant: TenantSummary,
  reload: (note?: string) => void,
): HTMLElement {
  if (tenant.status === 'SUSPENDED') {
    const resume = h(
      'button',
      { class: 'button button--primary', testid: 'tenant-resume', attrs: { type: 'button' } },
      'Возобновить',
    );
    resume.addEventListener('click', () => {
      resume.disabled = true;
      ctx.api
        .resumeTenant(kinds, tenant.slug, { signal: ctx.signal })
        .then(() => reload('Доступ возобновлён: ключи и входы тенанта снова работают.'))
        .catch((error: unknown) => {
          resume.disabled = false;
          if (!ctx.signal.aborted) ctx.showProblem(toProblem(error));
        });
    });
    return h(
      'div',
      { class: 'form-actions' },
      h('p', { class: 'muted' }, 'Ключи API и входы тенанта отклоняются (403), данные сохранены.'),
      resume,
    );
  }

  const reason = h('input', {
    class: 'input',
    testid: 'suspension-reason',
    attrs: { type: 'text', id: 'suspension-reason', maxlength: '500', autocomplete: 'off' },
  });
  const error = h('div', {
    class: 'field__error',
    testid: 'suspension-reason-error',
    attrs: { role: 'alert', hidden: '' },
  });
  const suspend = h(
    'button',
    { class: 'button button--danger', testid: 'tenant-suspend', attrs: { type: 'submit' } },
    'Приостановить',
  );
  const form = h(
    'form',
    { class: 'inline-form' },
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field__label', attrs: { for: 'suspension-reason' } }, 'Причина'),
      reason,
      h(
        'p',
        { class: 'field__hint' },
        'Ключи API и входы тенанта будут отклоняться с ошибкой 403, данные сохранятся.',
      ),
      error,
    ),
    h('div', { class: 'form-actions' }, suspend),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    suspend.disabled = true;
    error.hidden = true;
    ctx.api
      .suspendTenant(kinds, tenant.slug, reason.value.trim(), { signal: ctx.signal })
      .then(() => reload('Тенант приостановлен.'))
      .catch((failure: unknown) => {
        suspend.disabled = false;
        if (ctx.signal.aborted) return;
        const problem = toProblem(failure);
        const own = problem.errors?.find((e) => e.field === 'reason');
        if (own) {
          error.textContent = own.reason;
          error.hidden = false;
          reason.setAttribute('aria-invalid', 'true');
        } else {
          ctx.showProblem(problem);
        }
      });
  });
  return form;
}

function usageCard(s: Subscription): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Тариф и использование'),
    h(
      'p',
      { testid: 'subscription-plan' },
      h('strong', {}, s.plan.name),
      ` · ${formatMoney(s.monthlyPrice)} в месяц · с ${formatDate(s.since)}`,
    ),
    s.pendingChange
      ? h(
          'p',
          { class: 'muted', testid: 'subscription-pending' },
          `С ${formatDate(s.pendingChange.effectiveFrom)} — ${s.pendingChange.plan.name}`,
        )
      : null,
    h(
      'table',
      { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', {}, `Месяц ${s.month}`), h('th', {}, 'Использовано'))),
      h(
        'tbody',
        {},
        ...s.usage.map((line) =>
          h(
            'tr',
            { testid: 'usage-line', attrs: { 'data-metric': line.metric } },
            h('td', {}, METRIC_LABELS[line.metric] ?? line.metric),
            h(
              'td',
              {},
              line.limit ? usageAgainst(line.quantity, line.allowed) : formatPoints(line.quantity),
            ),
          ),
        ),
      ),
    ),
  );
}

type OverrideMode = 'plan' | 'value' | 'unlimited';

interface OverrideRow {
  limit: LimitName;
  mode: HTMLSelectElement;
  value: HTMLInputElement;
  error: HTMLElement;
}

function planForm(
  ctx: OpsContext,
  kinds: TenantKinds,
  data: TenantData,
  reload: (note?: string) => void,
): HTMLElement {
  const { subscription, plans, tenant } = data;
  const plan = h(
    'select',
    { class: 'input', testid: 'plan-select', attrs: { id: 'plan-select' } },
    ...plans.map((p) =>
      h(
        'option',
        {
          attrs: { value: p.code, ...(p.code === subscription.plan.code ? { selected: '' } : {}) },
        },
        `${p.name} — ${formatMoney(p.monthlyPrice)}`,
      ),
    ),
  );
  const from = h('input', {
    class: 'input',
    testid: 'plan-effective-from',
    attrs: { type: 'date', id: 'plan-effective-from' },
  });
  const planLimits = () => plans.find((p) => p.code === plan.value)?.limits ?? {};

  const rows: OverrideRow[] = LIMITS.map((limit) => {
    const current = subscription.overrides.find((o) => o.limit === limit);
    const mode = h(
      'select',
      { class: 'input', testid: `override-${limit}-mode` },
      h('option', { attrs: { value: 'plan' } }, 'как в тарифе'),
      h('option', { attrs: { value: 'value' } }, 'своё значение'),
      h('option', { attrs: { value: 'unlimited' } }, 'без лимита'),
    );
    mode.value = current ? (current.value === undefined ? 'unlimited' : 'value') : 'plan';
    const value = h('input', {
      class: 'input input--number',
      testid: `override-${limit}-value`,
      attrs: { type: 'number', min: '0', step: '1', 'aria-label': LIMIT_LABELS[limit] },
    });
    value.value = current?.value === undefined ? '' : String(current.value);
    value.hidden = mode.value !== 'value';
    mode.addEventListener('change', () => {
      value.hidden = mode.value !== 'value';
    });
    const error = h('div', {
      class: 'field__error',
      testid: `override-${limit}-error`,
      attrs: { role: 'alert', hidden: '' },
    });
    return { limit, mode, value, error };
  });
  const planCells = new Map<LimitName, HTMLElement>();
  const showPlanLimits = () => {
    const limits = planLimits();
    for (const row of rows) {
      const allowed = limits[row.limit];
      planCells
        .get(row.limit)
        ?.replaceChildren(allowed === undefined ? 'без лимита' : formatPoints(allowed));
    }
  };
  plan.addEventListener('change', showPlanLimits);

  const save = h(
    'button',
    { class: 'button button--primary', testid: 'subscription-save', attrs: { type: 'submit' } },
    'Сохранить',
  );
  const form = h(
    'form',
    { class: 'card', testid: 'plan-form' },
    h('h2', {}, 'Изменить тариф и лимиты'),
    h(
      'div',
      { class: 'form-grid' },
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'field__label', attrs: { for: 'plan-select' } }, 'Тариф'),
        plan,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'field__label', attrs: { for: 'plan-effective-from' } }, 'С даты'),
        from,
        h('p', { class: 'field__hint' }, 'Пусто — сразу.'),
      ),
    ),
    h(
      'table',
      { class: 'table overrides-table' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'Лимит'), h('th', {}, 'В тарифе'), h('th', {}, 'Для тенанта')),
      ),
      h(
        'tbody',
        {},
        ...rows
          .filter(
            (row) =>
              tenant.kind === 'club' ||
              (row.limit !== 'members' && row.limit !== 'partnersPerClub'),
          )
          .map((row) => {
            const cell = h('td', { class: 'num' });
            planCells.set(row.limit, cell);
            return h(
              'tr',
              { testid: 'override-row', attrs: { 'data-limit': row.limit } },
              h('td', {}, LIMIT_LABELS[row.limit]),
              cell,
              h('td', {}, h('div', { class: 'override' }, row.mode, row.value), row.error),
            );
          }),
      ),
    ),
    h(
      'p',
      { class: 'field__hint' },
      'Переопределение действует при любом тарифе, с этого момента.',
    ),
    h('div', { class: 'form-actions' }, save),
  );
  showPlanLimits();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    rows.forEach((row) => (row.error.hidden = true));
    const overrides: LimitOverride[] = [];
    const sent: OverrideRow[] = [];
    for (const row of rows) {
      const mode = row.mode.value as OverrideMode;
      if (mode === 'plan') continue;
      sent.push(row);
      overrides.push(
        mode === 'unlimited'
          ? { limit: row.limit }
          : {
              limit: row.limit,
              value: row.value.value === '' ? Number.NaN : Number(row.value.value),
            },
      );
    }
    const bad = sent.find((_row, i) => Number.isNaN(overrides[i]?.value));
    if (bad) {
      showError(bad, 'укажите число или выберите «без лимита»');
      return;
    }
    save.disabled = true;
    ctx.api
      .changeTenantSubscription(
        kinds,
        tenant.slug,
        { plan: plan.value, ...(from.value ? { effectiveFrom: from.value } : {}), overrides },
        { signal: ctx.signal },
      )
      .then(() => reload('Тариф и лимиты сохранены.'))
      .catch((error: unknown) => {
        save.disabled = false;
        if (!ctx.signal.aborted) ctx.showProblem(placeErrors(toProblem(error), rows, sent));
      });
  });
  return form;
}

function showError(row: OverrideRow, reason: string): void {
  row.error.textContent = reason;
  row.error.hidden = false;
}

/**
 * Puts `overrides[i].…` (what was sent) and a limit's name (409 plan-below-usage) next to its
 * row; hands back the problem for the banner, where it still lists every reason.
 */
function placeErrors(problem: Problem, rows: OverrideRow[], sent: OverrideRow[]): Problem {
  for (const error of problem.errors ?? []) {
    const index = /^overrides\[(\d+)\]/.exec(error.field)?.[1];
    const row =
      index !== undefined ? sent[Number(index)] : rows.find((r) => r.limit === error.field);
    if (row) showError(row, error.reason);
  }
  return problem;
}

/** Whether a failure means the person is not an operator. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}
