/** The operator console's words for the contract's codes, and small shared renderers. */
import type {
  LimitName,
  SignUpProgress,
  TenantKind,
  TenantStatus,
  TenantSummary,
} from '../../lib/api';
import { h } from '../../lib/dom';
import { formatPoints } from '../../lib/format';

export const KIND_LABELS: Record<TenantKind, string> = { club: 'Клуб', partner: 'Партнёр' };

export const STATUS_LABELS: Record<TenantStatus, string> = {
  PROVISIONING: 'Подключается',
  ACTIVE: 'Активен',
  SUSPENDED: 'Приостановлен',
};

export const STEP_LABELS: Record<TenantSummary['provisioningStep'], string> = {
  REGISTERED: 'зарегистрирован',
  SCHEMA_MIGRATED: 'схема создана',
  IDENTITY_CREATED: 'вход настроен',
  ADMIN_CREATED: 'администратор создан',
  DONE: 'готов',
};

export const SIGNUP_STATUS_LABELS: Record<SignUpProgress['status'], string> = {
  'awaiting-verification': 'Ждёт подтверждения e-mail',
  provisioning: 'Подключается',
  ready: 'Готово',
  expired: 'Истекла',
};

export const SIGNUP_STEP_LABELS: Record<string, string> = {
  registered: 'заявка',
  'schema-migrated': 'схема',
  'identity-created': 'вход',
  'admin-invited': 'администратор',
  'plan-assigned': 'тариф',
  activated: 'активация',
};

export const LIMIT_LABELS: Record<LimitName, string> = {
  members: 'Участники',
  partnersPerClub: 'Партнёры клуба',
  purchasesPerMonth: 'Покупки в месяц',
  apiRequestsPerSecond: 'Запросы API в секунду',
  csvRowsPerDay: 'Строки CSV в день',
  staffSeats: 'Места сотрудников',
};

export const LIMITS: LimitName[] = [
  'members',
  'partnersPerClub',
  'purchasesPerMonth',
  'apiRequestsPerSecond',
  'csvRowsPerDay',
  'staffSeats',
];

export const METRIC_LABELS: Record<string, string> = {
  purchases: 'Покупки за месяц',
  apiRequests: 'Запросы API за месяц',
  csvRowsToday: 'Строки CSV сегодня',
  members: 'Участники',
  partners: 'Партнёры',
};

/** A status as a badge: the same words everywhere, a colour per status. */
export function statusBadge(status: TenantStatus, testid?: string): HTMLElement {
  return h(
    'span',
    {
      class: `badge badge--${status.toLowerCase()}`,
      ...(testid ? { testid } : {}),
      attrs: { 'data-status': status },
    },
    STATUS_LABELS[status],
  );
}

/**
 * How much of a limit is used: "6 из 1 000" with a bar, or "6 · без лимита". At 80 % the bar
 * warns, beyond the limit it is red.
 */
export function usageAgainst(quantity: number, allowed: number | undefined): HTMLElement {
  if (allowed === undefined) {
    return h(
      'span',
      { class: 'usage' },
      formatPoints(quantity),
      h('span', { class: 'muted' }, ' · без лимита'),
    );
  }
  const share = allowed === 0 ? (quantity > 0 ? 1.01 : 0) : quantity / allowed;
  const level = share > 1 ? 'over' : share >= 0.8 ? 'near' : 'ok';
  const fill = h('span', { class: `meter__fill meter__fill--${level}` });
  // Through the CSSOM, not a style attribute: the Content-Security-Policy allows no inline styles.
  fill.style.width = `${Math.min(100, Math.round(share * 100))}%`;
  return h(
    'span',
    { class: 'usage', attrs: { 'data-level': level } },
    `${formatPoints(quantity)} из ${formatPoints(allowed)}`,
    h(
      'span',
      {
        class: 'meter',
        attrs: {
          role: 'meter',
          'aria-valuemin': '0',
          'aria-valuemax': String(allowed),
          'aria-valuenow': String(quantity),
        },
      },
      fill,
    ),
  );
}
