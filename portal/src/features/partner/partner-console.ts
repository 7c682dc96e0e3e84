/**
 * The partner's console: its clubs (with the categories it may report) and how to join another —
 * an invitation code or a request by slug; its API keys (the secret shown once, rotation with an
 * overlap, revocation); its staff (invite by e-mail with a role, change the role, remove); its plan.
 * The server decides who may use it: a first read answered 403/404 means the signed-in login is
 * not staff of this partner, and the page says so. A section the role may not read (an analyst's
 * keys, say) says so in its place.
 */
import { errorBanner } from '../../components/error-banner';
import { PARTNER_EVENT_TYPES, showWebhooks } from '../../components/webhooks-panel';
import {
  ApiError,
  toProblem,
  type ApiKey,
  type ApiKeyScope,
  type BloomApi,
  type JoinRequest,
  type PartnerStaffRole,
  type PartnershipDetails,
  type Plan,
  type Problem,
  type StaffMember,
  type Subscription,
} from '../../lib/api';
import { h } from '../../lib/dom';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { t } from '../../lib/i18n';
import { showImports } from './imports-panel';
import { button, clearErrors, field, input, placeProblem, select, type Field } from './form';

export interface PartnerConsoleOptions {
  api: BloomApi;
  partner: string;
  who: string;
  signal: AbortSignal;
  signInAgain: () => void;
  switchAccount: () => void;
}

interface Ctx {
  api: BloomApi;
  partner: string;
  signal: AbortSignal;
  showProblem: (problem: Problem) => void;
  clearProblems: () => void;
}

const SCOPES: [ApiKeyScope, string][] = [
  ['purchases:write', 'Покупки, возвраты, списания'],
  ['purchases:read', 'Чтение своих чеков'],
  ['members:lookup', 'Поиск участника на кассе'],
  ['members:register', 'Регистрация участника на кассе'],
  ['reports:read', 'Отчёты и счета'],
];

const ROLES: [PartnerStaffRole, string][] = [
  ['cashier', 'Кассир'],
  ['partner-analyst', 'Аналитик'],
  ['partner-admin', 'Администратор'],
  ['partner-owner', 'Владелец'],
];

const KEY_STATUS: Record<ApiKey['status'], string> = {
  active: 'Действует',
  rotating: 'Заменён, действует до конца перекрытия',
  expired: 'Истёк',
  revoked: 'Отозван',
};

const JOIN_STATUS: Record<JoinRequest['status'], string> = {
  pending: 'Ждёт решения клуба',
  approved: 'Одобрена',
  declined: 'Отклонена',
};

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

export async function showPartnerConsole(
  container: HTMLElement,
  options: PartnerConsoleOptions,
): Promise<void> {
  const { api, partner, signal } = options;
  const notices = h('div', { class: 'notices', testid: 'partner-notices' });
  const ctx: Ctx = {
    api,
    partner,
    signal,
    showProblem: (problem) => {
      notices.replaceChildren(
        errorBanner(
          problem,
          problem.status === 401
            ? { label: 'Войти снова', testid: 'signin', run: options.signInAgain }
            : undefined,
        ),
      );
      notices.scrollIntoView({ block: 'nearest' });
    },
    clearProblems: () => notices.replaceChildren(),
  };
  container.replaceChildren(h('p', { class: 'loading' }, 'Загружаем консоль партнёра…'));

  let clubs: PartnershipDetails[];
  try {
    clubs = await api.listPartnerClubs(partner, { signal });
  } catch (error) {
    if (signal.aborted) return;
    container.replaceChildren(
      isForbidden(error) ? noAccess(options) : errorBanner(toProblem(error)),
    );
    return;
  }
  if (signal.aborted) return;

  const clubsSection = section('Клубы', 'partner-clubs');
  const keysSection = section('Ключи API', 'partner-keys');
  const staffSection = section('Сотрудники', 'partner-staff');
  const planSection = section('Тариф', 'partner-plan');
  const importsSection = section(t('imports.title'), 'partner-imports');
  const webhooksSection = section(t('webhooks.title'), 'partner-webhooks');
  container.replaceChildren(
    h(
      'header',
      { class: 'greeting' },
      h('h1', { testid: 'partner-title' }, `Консоль партнёра ${clubs[0]?.partnerName ?? partner}`),
      h('p', { class: 'muted' }, `Вы вошли как ${options.who}`),
    ),
    notices,
    clubsSection.element,
    keysSection.element,
    staffSection.element,
    webhooksSection.element,
    planSection.element,
    importsSection.element,
  );
  showClubs(ctx, clubsSection.body, clubs);
  await Promise.all([
    loadInto(ctx, keysSection.body, () => showKeys(ctx, keysSection.body)),
    loadInto(ctx, staffSection.body, () => showStaff(ctx, staffSection.body)),
    loadInto(ctx, planSection.body, () => showPlan(ctx, planSection.body)),
    loadInto(ctx, importsSection.body, () => showImports(ctx, importsSection.body)),
    showWebhooks(webhooksSection.body, {
      api,
      owner: { kind: 'partners', slug: partner },
      eventTypes: PARTNER_EVENT_TYPES,
      signal,
    }),
  ]);
}

function section(title: string, testid: string) {
  const body = h('div', { class: 'console-panel' });
  return {
    body,
    element: h('section', { class: 'card', testid }, h('h2', {}, title), body),
  };
}

/** Draws a section; one its role may not read says so in its place. */
async function loadInto(ctx: Ctx, body: HTMLElement, draw: () => Promise<void>): Promise<void> {
  try {
    await draw();
  } catch (error) {
    if (ctx.signal.aborted) return;
    body.replaceChildren(
      isForbidden(error)
        ? h('p', { class: 'muted', testid: 'section-no-access' }, 'Нет доступа у вашей роли.')
        : errorBanner(toProblem(error)),
    );
  }
}

function table(headers: string[], rows: HTMLElement[], empty: string): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table' },
      h('thead', {}, h('tr', {}, ...headers.map((label) => h('th', {}, label)))),
      h(
        'tbody',
        {},
        ...(rows.length > 0
          ? rows
          : [h('tr', {}, h('td', { attrs: { colspan: String(headers.length) } }, empty))]),
      ),
    ),
  );
}

/** The forms act through their buttons; Enter in a field must not reload the page. */
function noSubmit(body: HTMLElement): void {
  for (const form of body.querySelectorAll('form')) {
    form.addEventListener('submit', (event) => event.preventDefault());
  }
}

function note(text: string, testid: string): HTMLElement {
  return h('p', { class: 'saved-note', testid, attrs: { role: 'status' } }, text);
}

/** Runs an action from a form: its problem next to the fields, anything else in the banner. */
function act<T>(
  ctx: Ctx,
  trigger: HTMLButtonElement,
  run: () => Promise<T>,
  done: (result: T) => void,
  fields: Record<string, Field>,
  main: Field | null,
): void {
  trigger.disabled = true;
  run()
    .then((result) => {
      ctx.clearProblems();
      clearErrors(...Object.values(fields), ...(main ? [main] : []));
      done(result);
    })
    .catch((error: unknown) => {
      if (ctx.signal.aborted) return;
      const problem = toProblem(error);
      const rest = main ? placeProblem(problem, fields, main) : problem;
      if (rest) ctx.showProblem(rest);
    })
    .finally(() => {
      trigger.disabled = false;
    });
}

// ---- Clubs, invitation codes, join requests ------------------------------------------------------

function showClubs(ctx: Ctx, body: HTMLElement, clubs: PartnershipDetails[]): void {
  const rows = clubs.map((c) =>
    h(
      'tr',
      { testid: 'partner-club-row', attrs: { 'data-club': c.club, 'data-status': c.status } },
      h('td', {}, c.clubName, h('div', { class: 'muted' }, h('code', {}, c.club))),
      h('td', { testid: 'partner-club-categories' }, c.categories.join(', ') || '—'),
      h('td', {}, c.status === 'active' ? 'Действует' : `Завершено ${formatDate(c.endedAt ?? '')}`),
      h('td', {}, formatDate(c.since)),
    ),
  );
  const status = h('div');

  const code = field('Код приглашения клуба', input({ autocomplete: 'off' }), 'redeem-code');
  const redeem = button('Вступить по коду', 'redeem-run');
  redeem.addEventListener('click', () => {
    act(
      ctx,
      redeem,
      () => ctx.api.redeemPartnerInvitation(ctx.partner, code.control.value.trim(), ctx),
      (joined) => {
        reloadClubs(ctx, body, `Вы в клубе «${joined.clubName}»`);
      },
      { code },
      code,
    );
  });

  const club = field('Клуб (адрес, например bloom-care)', input(), 'join-club');
  const categories = field(
    'Категории через запятую',
    input(),
    'join-categories',
    'Необязательно: клуб может одобрить другие.',
  );
  const message = field('Сообщение клубу', input(), 'join-message');
  const ask = button('Попросить о вступлении', 'join-run');
  const requests = h('div', { testid: 'join-requests' }, h('p', { class: 'loading' }, '…'));
  ask.addEventListener('click', () => {
    const wanted = categories.control.value
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    act(
      ctx,
      ask,
      () =>
        ctx.api.requestToJoinClub(
          ctx.partner,
          {
            club: club.control.value.trim(),
            ...(wanted.length > 0 ? { categories: wanted } : {}),
            ...(message.control.value.trim() ? { message: message.control.value.trim() } : {}),
          },
          ctx,
        ),
      (sent) => {
        status.replaceChildren(note(`Заявка в «${sent.clubName}» отправлена`, 'join-sent'));
        club.control.value = '';
        categories.control.value = '';
        message.control.value = '';
        void loadInto(ctx, requests, () => showJoinRequests(ctx, requests));
      },
      { club, categories, message },
      club,
    );
  });

  body.replaceChildren(
    status,
    table(['Клуб', 'Категории', 'Статус', 'С'], rows, 'Партнёр пока не состоит ни в одном клубе.'),
    h(
      'div',
      { class: 'form-grid' },
      h(
        'form',
        { class: 'form', attrs: { 'aria-label': 'Вступить по коду' } },
        h('h3', {}, 'Код приглашения'),
        code.element,
        h('div', { class: 'form-actions' }, redeem),
      ),
      h(
        'form',
        { class: 'form', attrs: { 'aria-label': 'Попросить о вступлении' } },
        h('h3', {}, 'Заявка в клуб'),
        club.element,
        categories.element,
        message.element,
        h('div', { class: 'form-actions' }, ask),
      ),
    ),
    h('h3', {}, 'Заявки'),
    requests,
  );
  noSubmit(body);
  void loadInto(ctx, requests, () => showJoinRequests(ctx, requests));
}

function reloadClubs(ctx: Ctx, body: HTMLElement, saved: string): void {
  ctx.api
    .listPartnerClubs(ctx.partner, ctx)
    .then((clubs) => {
      showClubs(ctx, body, clubs);
      body.firstElementChild?.replaceChildren(note(saved, 'clubs-saved'));
    })
    .catch((error: unknown) => {
      if (!ctx.signal.aborted) ctx.showProblem(toProblem(error));
    });
}

async function showJoinRequests(ctx: Ctx, into: HTMLElement): Promise<void> {
  const items = await ctx.api.listPartnerJoinRequests(ctx.partner, ctx);
  into.replaceChildren(
    table(
      ['Клуб', 'Категории', 'Статус', 'Отправлена'],
      items.map((r) =>
        h(
          'tr',
          { testid: 'join-request-row', attrs: { 'data-club': r.club, 'data-status': r.status } },
          h('td', {}, r.clubName, h('div', { class: 'muted' }, h('code', {}, r.club))),
          h('td', {}, (r.approvedCategories ?? r.categories).join(', ') || '—'),
          h(
            'td',
            { testid: 'join-request-status' },
            JOIN_STATUS[r.status],
            r.declineReason ? h('div', { class: 'muted' }, r.declineReason) : null,
          ),
          h('td', {}, formatDateTime(r.createdAt)),
        ),
      ),
      'Заявок нет.',
    ),
  );
}

// ---- API keys -------------------------------------------------------------------------------------

async function showKeys(ctx: Ctx, body: HTMLElement, saved?: HTMLElement): Promise<void> {
  const keys = await ctx.api.listPartnerApiKeys(ctx.partner, ctx);
  if (ctx.signal.aborted) return;
  const reload = (shown?: HTMLElement) => {
    void loadInto(ctx, body, () => showKeys(ctx, body, shown));
  };

  const label = field('Название', input({ maxlength: '80' }), 'key-label', 'Например, «Касса 2».');
  const mode = field(
    'Режим',
    select([
      ['live', 'Боевой'],
      ['test', 'Тестовый'],
    ]),
    'key-mode',
  );
  const scopeBoxes = SCOPES.map(([scope, text]) => {
    const box = h('input', {
      testid: 'key-scope',
      attrs: { type: 'checkbox', value: scope },
    });
    box.checked = scope === 'purchases:write' || scope === 'purchases:read';
    return {
      scope,
      box,
      element: h('label', { class: 'check' }, box, ` ${text} `, h('code', {}, scope)),
    };
  });
  const scopesHolder = h('input', { attrs: { type: 'hidden' } });
  const scopes = field('Права', scopesHolder, 'key-scopes');
  scopes.element.insertBefore(
    h('div', { class: 'checks' }, ...scopeBoxes.map((s) => s.element)),
    scopesHolder,
  );
  const create = button('Выпустить ключ', 'key-create');
  create.addEventListener('click', () => {
    const chosen = scopeBoxes.filter((s) => s.box.checked).map((s) => s.scope);
    act(
      ctx,
      create,
      () =>
        ctx.api.createPartnerApiKey(
          ctx.partner,
          {
            mode: mode.control.value === 'test' ? 'test' : 'live',
            ...(label.control.value.trim() ? { label: label.control.value.trim() } : {}),
            scopes: chosen,
          },
          ctx,
        ),
      (issued) => reload(secret(issued.prefix, issued.key)),
      { label, mode, scopes },
      scopes,
    );
  });

  const rows = keys.map((key) => keyRow(ctx, key, reload));
  body.replaceChildren(
    saved ?? h('div'),
    table(['Ключ', 'Права', 'Последнее использование', 'Статус', ''], rows, 'Ключей пока нет.'),
    h(
      'form',
      { class: 'form', attrs: { 'aria-label': 'Новый ключ' } },
      h('h3', {}, 'Новый ключ'),
      label.element,
      mode.element,
      scopes.element,
      h('div', { class: 'form-actions' }, create),
    ),
  );
  noSubmit(body);
}

/** The secret, once: it is not kept anywhere Bloom could show it again. */
function secret(prefix: string, key: string): HTMLElement {
  return h(
    'div',
    { class: 'card secret', testid: 'key-issued', attrs: { role: 'status' } },
    h('p', {}, `Ключ ${prefix} выпущен. Скопируйте его сейчас — больше он показан не будет.`),
    h('code', { class: 'code-block', testid: 'key-secret' }, key),
    h('p', { class: 'field__hint' }, 'Выделите ключ и скопируйте (Ctrl+C), сохраните в кассе.'),
  );
}

function keyRow(ctx: Ctx, key: ApiKey, reload: (shown?: HTMLElement) => void): HTMLElement {
  const live = key.status === 'active';
  const actions = h('td', { class: 'actions' });
  const tr = h(
    'tr',
    { testid: 'key-row', attrs: { 'data-id': key.id, 'data-prefix': key.prefix } },
    h(
      'td',
      {},
      h('code', { testid: 'key-prefix' }, key.prefix),
      h('div', { class: 'muted' }, `${key.label ?? ''} · ${key.mode}`),
    ),
    h('td', {}, key.scopes.join(', ')),
    h(
      'td',
      {},
      key.lastUsedAt
        ? `${formatDateTime(key.lastUsedAt)} · ${key.lastUsedIp ?? ''}`
        : 'не использовался',
    ),
    h(
      'td',
      { testid: 'key-status', attrs: { 'data-status': key.status } },
      KEY_STATUS[key.status],
      key.expiresAt && key.status === 'rotating'
        ? h('div', { class: 'muted' }, `до ${formatDateTime(key.expiresAt)}`)
        : null,
    ),
    actions,
  );
  if (!live) return tr;

  const overlap = field(
    'Перекрытие, ч',
    h('input', { class: 'input input--number', attrs: { type: 'number', min: '0', max: '168' } }),
    'key-overlap',
  );
  overlap.control.value = '24';
  const rotate = button('Заменить', 'key-rotate', 'button--small');
  rotate.addEventListener('click', () => {
    act(
      ctx,
      rotate,
      () => ctx.api.rotatePartnerApiKey(ctx.partner, key.id, Number(overlap.control.value), ctx),
      (rotation) => reload(secret(rotation.successor.prefix, rotation.successor.key)),
      { overlapHours: overlap },
      overlap,
    );
  });
  const revoke = button('Отозвать', 'key-revoke', 'button--small button--danger');
  const confirmBox = h('div', { class: 'inline-form', attrs: { hidden: '' } });
  const yes = button('Да, отозвать', 'key-revoke-confirm', 'button--small button--danger');
  const no = button('Отмена', 'key-revoke-cancel', 'button--small button--quiet');
  confirmBox.append(
    h('span', {}, `Отозвать ${key.prefix}? Касса с ним перестанет работать. `),
    yes,
    no,
  );
  revoke.addEventListener('click', () => {
    confirmBox.hidden = false;
  });
  no.addEventListener('click', () => {
    confirmBox.hidden = true;
  });
  yes.addEventListener('click', () => {
    act(
      ctx,
      yes,
      () => ctx.api.revokePartnerApiKey(ctx.partner, key.id, ctx),
      () => reload(note(`Ключ ${key.prefix} отозван`, 'key-saved')),
      {},
      null,
    );
  });
  actions.append(overlap.element, rotate, revoke, confirmBox);
  return tr;
}

// ---- Staff ----------------------------------------------------------------------------------------

async function showStaff(ctx: Ctx, body: HTMLElement, saved?: string): Promise<void> {
  const staff = await ctx.api.listPartnerStaff(ctx.partner, ctx);
  if (ctx.signal.aborted) return;
  const reload = (text: string) => {
    void loadInto(ctx, body, () => showStaff(ctx, body, text));
  };
  const email = field('E-mail', input({ type: 'email', autocomplete: 'off' }), 'staff-email');
  const role = field('Роль', select(ROLES, 'cashier'), 'staff-role');
  const invite = button('Пригласить', 'staff-invite');
  invite.addEventListener('click', () => {
    act(
      ctx,
      invite,
      () =>
        ctx.api.invitePartnerStaff(
          ctx.partner,
          email.control.value.trim(),
          role.control.value as PartnerStaffRole,
          ctx,
        ),
      (member) => reload(`${member.email} приглашён: письмо для установки пароля отправлено`),
      { email, role },
      email,
    );
  });
  body.replaceChildren(
    saved ? note(saved, 'staff-saved') : h('div'),
    table(
      ['E-mail', 'Роль', 'Статус', 'Приглашён', ''],
      staff.map((member) => staffRow(ctx, member, reload)),
      'Сотрудников нет.',
    ),
    h(
      'form',
      { class: 'form', attrs: { 'aria-label': 'Пригласить сотрудника' } },
      h('h3', {}, 'Пригласить сотрудника'),
      email.element,
      role.element,
      h('div', { class: 'form-actions' }, invite),
    ),
  );
  noSubmit(body);
}

function staffRow(ctx: Ctx, member: StaffMember, reload: (text: string) => void): HTMLElement {
  const current = ROLES.find(([r]) => member.roles.includes(r))?.[0] ?? 'cashier';
  const role = field('Роль', select(ROLES, current), 'staff-row-role');
  const save = button('Сменить роль', 'staff-role-save', 'button--small');
  save.addEventListener('click', () => {
    act(
      ctx,
      save,
      () =>
        ctx.api.changePartnerStaffRole(
          ctx.partner,
          member.id,
          role.control.value as PartnerStaffRole,
          ctx,
        ),
      (after) => reload(`${after.email}: роль изменена`),
      { role },
      role,
    );
  });
  const remove = button('Удалить', 'staff-remove', 'button--small button--danger');
  const confirmBox = h('div', { class: 'inline-form', attrs: { hidden: '' } });
  const yes = button('Да, удалить', 'staff-remove-confirm', 'button--small button--danger');
  const no = button('Отмена', 'staff-remove-cancel', 'button--small button--quiet');
  confirmBox.append(h('span', {}, `Удалить ${member.email} из сотрудников? `), yes, no);
  remove.addEventListener('click', () => {
    confirmBox.hidden = false;
  });
  no.addEventListener('click', () => {
    confirmBox.hidden = true;
  });
  yes.addEventListener('click', () => {
    act(
      ctx,
      yes,
      () => ctx.api.removePartnerStaff(ctx.partner, member.id, ctx),
      () => reload(`${member.email} удалён`),
      { role },
      role,
    );
  });
  return h(
    'tr',
    { testid: 'staff-row', attrs: { 'data-email': member.email, 'data-status': member.status } },
    h('td', {}, member.email),
    h('td', {}, role.element, save),
    h('td', { testid: 'staff-status' }, member.status === 'active' ? 'Активен' : 'Приглашён'),
    h('td', {}, formatDateTime(member.invitedAt)),
    h('td', { class: 'actions' }, remove, confirmBox),
  );
}

// ---- Plan -----------------------------------------------------------------------------------------

async function showPlan(ctx: Ctx, body: HTMLElement, saved?: string): Promise<void> {
  const [subscription, plans]: [Subscription, Plan[]] = await Promise.all([
    ctx.api.getPartnerSubscription(ctx.partner, ctx),
    ctx.api.listPlans(ctx),
  ]);
  if (ctx.signal.aborted) return;
  const plan = field(
    'Тариф',
    select(
      plans.map((p) => [p.code, `${p.name} — ${formatMoney(p.monthlyPrice)} в месяц`]),
      subscription.plan.code,
    ),
    'plan-select',
  );
  const from = field(
    'С какого дня',
    h('input', { class: 'input', attrs: { type: 'date' } }),
    'plan-effective',
    'Пусто — сразу.',
  );
  const change = button('Сменить тариф', 'plan-change');
  change.addEventListener('click', () => {
    act(
      ctx,
      change,
      () =>
        ctx.api.changePartnerPlan(
          ctx.partner,
          {
            plan: plan.control.value,
            ...(from.control.value ? { effectiveFrom: from.control.value } : {}),
          },
          ctx,
        ),
      (after) => {
        void loadInto(ctx, body, () =>
          showPlan(
            ctx,
            body,
            after.pendingChange
              ? `Тариф «${after.pendingChange.plan.name}» с ${formatDate(after.pendingChange.effectiveFrom)}`
              : `Тариф «${after.plan.name}» действует`,
          ),
        );
      },
      { plan, effectiveFrom: from },
      plan,
    );
  });
  body.replaceChildren(
    saved ? note(saved, 'plan-saved') : h('div'),
    h(
      'p',
      {},
      'Текущий тариф: ',
      h('strong', { testid: 'plan-current' }, subscription.plan.name),
      ` · ${formatMoney(subscription.monthlyPrice)} в месяц · с ${formatDate(subscription.since)}`,
    ),
    subscription.pendingChange
      ? h(
          'p',
          { class: 'muted', testid: 'plan-pending' },
          `С ${formatDate(subscription.pendingChange.effectiveFrom)}: «${subscription.pendingChange.plan.name}»`,
        )
      : h('div'),
    h(
      'form',
      { class: 'form', attrs: { 'aria-label': 'Сменить тариф' } },
      plan.element,
      from.element,
      h('div', { class: 'form-actions' }, change),
    ),
  );
  noSubmit(body);
}

// ---- No access ------------------------------------------------------------------------------------

function noAccess(options: PartnerConsoleOptions): HTMLElement {
  return h(
    'section',
    { class: 'card no-access', testid: 'partner-no-access', attrs: { role: 'alert' } },
    h('h1', {}, 'Нет доступа к консоли партнёра'),
    h(
      'p',
      {},
      `Консоль партнёра ${options.partner} открыта его владельцам и администраторам. `,
      `Учётная запись ${options.who} к ним не относится.`,
    ),
    h(
      'div',
      { class: 'form-actions' },
      h(
        'button',
        {
          class: 'button button--primary',
          testid: 'switch-account',
          attrs: { type: 'button' },
          onClick: options.switchAccount,
        },
        'Войти другой учётной записью',
      ),
    ),
  );
}
