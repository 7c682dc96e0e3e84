/**
 * The cashier's web terminal (`#/t/<partner>`, ADR 0043): one screen for the counter, made for a
 * phone. The cashier scans the passport's QR code (or types the code), sees the member as the
 * club's PD-access policy lets a cashier see her, and records a purchase — amount and one of the
 * categories the partner may report in her club — then reads out the points earned and what is
 * left to the next tier. The same screen takes a refund by receipt, a payment with points confirmed
 * by the member's one-time code or passport TOTP, and registers a new member by phone.
 *
 * Every call that moves value carries its own Idempotency-Key. When the network is down (or the
 * answer is lost), a purchase goes to the outbox on the device with its key and is sent when the
 * network returns; the screen says how many wait. The server decides who may use the terminal:
 * a first read answered 403/404 means the login is not staff of this partner.
 */
import { errorBanner } from '../../components/error-banner';
import {
  ApiError,
  toProblem,
  type BloomApi,
  type CounterRegistrationResult,
  type MemberCard,
  type Money,
  type PartnershipDetails,
  type Problem,
  type PurchaseRequest,
  type PurchaseResult,
  type RedemptionResult,
  type RefundResult,
  type TierProgress,
} from '../../lib/api';
import { h } from '../../lib/dom';
import { intlLocale, lang, setLang, t, type MessageKey } from '../../lib/i18n';
import { enqueue, flush, queued, remove, type QueuedPurchase, type SendOutcome } from './outbox';
import { registerServiceWorker, rememberTerminal } from './pwa';
import { canScan, qrCode, startScan, type Scan } from './scanner';

export interface TerminalOptions {
  api: BloomApi;
  partner: string;
  who: string;
  signal: AbortSignal;
  signInAgain: () => void;
  switchAccount: () => void;
}

type Mode = 'purchase' | 'redeem' | 'refund' | 'register';

const MODES: [Mode, MessageKey][] = [
  ['purchase', 'terminal.mode.purchase'],
  ['redeem', 'terminal.mode.redeem'],
  ['refund', 'terminal.mode.refund'],
  ['register', 'terminal.mode.register'],
];

const CURRENCY = 'RUB';
/** How often waiting purchases are tried again while the page is open and online. */
const RETRY_MS = 5_000;
const CLUBS_CACHE = 'bloom.terminal.clubs.';

// ---------------------------------------------------------------- small pieces

/** A random UUID (v4) as the Idempotency-Key of one press of a button. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A receipt number for a counter without a POS: `T-YYMMDD-HHMMSS-XXXX`, unique enough per partner. */
export function newReceiptNumber(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(now.getFullYear() % 100)}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  const tail = newKey().replace(/-/g, '').slice(0, 4).toUpperCase();
  return `T-${date}-${time}-${tail}`;
}

/** `1 200,5` or `1200.50` → `1200.50`; null when it is not a positive amount in kopecks. */
export function parseAmount(text: string): string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const amount = `${String(Number(whole))}.${fraction.padEnd(2, '0')}`;
  return Number(amount) > 0 ? amount : null;
}

/** Passport codes are typed as read: case, spaces and missing hyphens are forgiven by the server. */
function normalisePassport(text: string): string {
  return text.trim().toUpperCase();
}

function money(amount: string): Money {
  return { amount, currency: CURRENCY };
}

function formatMoney(m: Money): string {
  try {
    return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: m.currency }).format(
      Number(m.amount),
    );
  } catch {
    return `${m.amount} ${m.currency}`;
  }
}

function formatNumber(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}

/** Problems worth trying again later rather than showing as a refusal. */
function isTransient(problem: Problem): boolean {
  return (
    problem.status === 0 ||
    problem.status === 429 ||
    problem.status === 502 ||
    problem.status === 503 ||
    problem.status === 504
  );
}

function describe(problem: Problem): string {
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.reason}`).join('; ');
  return [problem.title, problem.detail, fields].filter(Boolean).join(' — ');
}

interface Field {
  element: HTMLElement;
  control: HTMLInputElement | HTMLSelectElement;
  setError: (reason: string | null) => void;
}

let fieldIds = 0;

function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement,
  testid: string,
  hint?: string,
): Field {
  fieldIds += 1;
  const id = `terminal-field-${fieldIds}`;
  control.id = id;
  control.dataset['testid'] = testid;
  const error = h('div', {
    class: 'field__error',
    testid: `${testid}-error`,
    attrs: { id: `${id}-error`, role: 'alert', hidden: '' },
  });
  return {
    control,
    element: h(
      'div',
      { class: 'field terminal__field' },
      h('label', { class: 'field__label', attrs: { for: id } }, label),
      control,
      hint ? h('p', { class: 'field__hint' }, hint) : null,
      error,
    ),
    setError: (reason) => {
      error.textContent = reason ?? '';
      error.hidden = reason === null;
      if (reason === null) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
    },
  };
}

function input(attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { class: 'input terminal__input', attrs: { type: 'text', ...attrs } });
}

function bigButton(label: string, testid: string, kind = 'button--primary'): HTMLButtonElement {
  return h(
    'button',
    { class: `button terminal__button ${kind}`, testid, attrs: { type: 'button' } },
    label,
  );
}

/**
 * Puts a problem's field errors next to their fields (`amount.amount` goes to `amount`); a
 * problem naming no known field goes under `main`.
 */
function placeProblem(problem: Problem, fields: Record<string, Field>, main: Field): void {
  for (const f of Object.values(fields)) f.setError(null);
  main.setError(null);
  const errors = problem.errors ?? [];
  const unplaced = errors.filter((error) => {
    const name = error.field.replace(/\[\d+\].*$/, '').replace(/\..*$/, '');
    const target = fields[name];
    if (!target) return true;
    target.setError(error.reason);
    return false;
  });
  if (errors.length === 0 || unplaced.length > 0) {
    main.setError(describe({ ...problem, errors: unplaced }));
  }
}

function progressLine(progress: TierProgress | undefined, testid: string): HTMLElement | null {
  if (!progress) return null;
  return h('p', { class: 'terminal__progress', testid }, progress.text);
}

// ---------------------------------------------------------------- the page

export async function showTerminal(
  container: HTMLElement,
  options: TerminalOptions,
): Promise<void> {
  const { api, partner, signal } = options;
  registerServiceWorker();
  container.replaceChildren(h('p', { class: 'loading' }, t('terminal.loading')));

  let clubs: PartnershipDetails[];
  try {
    clubs = await api.listPartnerClubs(partner, { signal });
    try {
      window.localStorage.setItem(CLUBS_CACHE + partner, JSON.stringify(clubs));
    } catch {
      // Not cached: the next start without network shows no categories until it has one.
    }
  } catch (error) {
    if (signal.aborted) return;
    const problem = toProblem(error);
    if (error instanceof ApiError && (problem.status === 403 || problem.status === 404)) {
      container.replaceChildren(
        h(
          'section',
          { class: 'card welcome', testid: 'terminal-no-access' },
          h('h1', {}, t('terminal.no-access.title')),
          h('p', {}, t('terminal.no-access.text', { partner })),
          h(
            'button',
            {
              class: 'button button--primary',
              testid: 'switch-account',
              attrs: { type: 'button' },
              onClick: options.switchAccount,
            },
            t('terminal.switch-account'),
          ),
        ),
      );
      return;
    }
    const cached = isTransient(problem) ? cachedClubs(partner) : null;
    if (!cached) {
      container.replaceChildren(errorBanner(problem));
      return;
    }
    clubs = cached;
  }
  rememberTerminal(partner);
  const active = clubs.filter((c) => c.status === 'active');
  const page = new TerminalScreen(container, options, active);
  page.render();
  await page.refreshOutbox();
  if (navigator.onLine) void page.sendQueued();
}

function cachedClubs(partner: string): PartnershipDetails[] | null {
  try {
    const text = window.localStorage.getItem(CLUBS_CACHE + partner);
    return text ? (JSON.parse(text) as PartnershipDetails[]) : null;
  } catch {
    return null;
  }
}

class TerminalScreen {
  private mode: Mode = 'purchase';
  private card: MemberCard | null = null;
  private scan: Scan | null = null;
  private retryTimer = 0;
  private readonly api: BloomApi;
  private readonly partner: string;

  // Parts of the screen that change.
  private readonly network = h('div', { class: 'terminal__network', testid: 'terminal-network' });
  private readonly queueLine = h('p', { class: 'terminal__queue', testid: 'terminal-queue' });
  private readonly member = h('div', { class: 'terminal__member' });
  private readonly scanner = h('div', { class: 'terminal__scanner', attrs: { hidden: '' } });
  private readonly tabs = h('div', {
    class: 'terminal__modes',
    attrs: { role: 'tablist' },
  });
  private readonly form = h('div', { class: 'terminal__form' });
  private readonly result = h('div', {
    class: 'terminal__result',
    attrs: { 'aria-live': 'polite' },
  });
  private readonly outbox = h('section', { class: 'terminal__outbox', testid: 'terminal-outbox' });
  private readonly sent = h('ul', { class: 'terminal__sent', testid: 'terminal-sent' });
  private readonly passport: Field;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: TerminalOptions,
    private readonly clubs: PartnershipDetails[],
  ) {
    this.api = options.api;
    this.partner = options.partner;
    this.passport = field(
      t('terminal.passport'),
      input({
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
        enterkeyhint: 'search',
        placeholder: '7K3M-9QXA-2B40',
      }),
      'terminal-passport',
    );
  }

  render(): void {
    const { signal } = this.options;
    const onNetwork = () => {
      this.showNetwork();
      if (navigator.onLine) void this.sendQueued();
    };
    window.addEventListener('online', onNetwork);
    window.addEventListener('offline', onNetwork);
    signal.addEventListener('abort', () => {
      window.removeEventListener('online', onNetwork);
      window.removeEventListener('offline', onNetwork);
      window.clearInterval(this.retryTimer);
      this.stopScan();
    });
    this.retryTimer = window.setInterval(() => {
      if (navigator.onLine) void this.sendQueued();
    }, RETRY_MS);

    const partnerName = this.clubs[0]?.partnerName ?? this.partner;
    const langButton = h(
      'button',
      {
        class: 'button button--quiet button--small',
        testid: 'lang-switch',
        attrs: { type: 'button', lang: lang() === 'ru' ? 'en' : 'ru' },
        onClick: () => {
          setLang(lang() === 'ru' ? 'en' : 'ru');
          // The app renders the route again, in the new language.
          window.dispatchEvent(new HashChangeEvent('hashchange'));
        },
      },
      t('lang.switch'),
    );

    const scanButton = bigButton(t('terminal.scan'), 'terminal-scan', 'button--quiet');
    scanButton.addEventListener('click', () => void this.startScanning());
    if (!canScan()) scanButton.disabled = true;
    const findButton = bigButton(t('terminal.find'), 'terminal-lookup');
    findButton.addEventListener('click', () => void this.lookUp());
    this.passport.control.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter') void this.lookUp();
    });
    // Another code typed: the card shown is no longer the member at the counter.
    this.passport.control.addEventListener('input', () => {
      if (this.card && normalisePassport(this.passport.control.value) !== this.card.passportCode) {
        this.card = null;
        this.renderMember();
        this.renderForm();
      }
    });

    for (const [mode, label] of MODES) {
      const tab = h(
        'button',
        {
          class: 'terminal__mode',
          testid: `terminal-mode-${mode}`,
          attrs: { type: 'button', role: 'tab' },
          onClick: () => {
            this.mode = mode;
            this.renderForm();
          },
        },
        t(label),
      );
      this.tabs.append(tab);
    }

    this.container.replaceChildren(
      h(
        'div',
        { class: 'terminal', testid: 'terminal' },
        h(
          'header',
          { class: 'terminal__head' },
          h(
            'div',
            {},
            h('h1', { class: 'terminal__title', testid: 'terminal-title' }, partnerName),
            h(
              'p',
              { class: 'muted terminal__who' },
              t('terminal.signed-in-as', { who: this.options.who }),
            ),
          ),
          langButton,
        ),
        this.network,
        this.queueLine,
        h(
          'section',
          { class: 'card terminal__card' },
          this.passport.element,
          h('div', { class: 'terminal__actions' }, scanButton, findButton),
          this.scanner,
          this.member,
        ),
        this.tabs,
        h('section', { class: 'card terminal__card' }, this.form, this.result),
        this.outbox,
        this.sent,
      ),
    );
    this.showNetwork();
    this.renderMember();
    this.renderForm();
  }

  // ------------------------------------------------------------ network and outbox

  private showNetwork(): void {
    const online = navigator.onLine;
    this.network.dataset['state'] = online ? 'online' : 'offline';
    this.network.className = `terminal__network terminal__network--${online ? 'online' : 'offline'}`;
    this.network.textContent = online ? t('terminal.online') : t('terminal.offline');
  }

  async refreshOutbox(): Promise<void> {
    const items = await queued(this.partner);
    const waiting = items.filter((i) => i.state === 'waiting');
    this.queueLine.dataset['count'] = String(waiting.length);
    this.queueLine.textContent =
      waiting.length === 0
        ? t('terminal.queue.empty')
        : t('terminal.queue', { count: waiting.length });
    this.queueLine.classList.toggle('terminal__queue--waiting', waiting.length > 0);
    this.outbox.replaceChildren(
      ...(items.length === 0
        ? []
        : [
            h('h2', {}, t('terminal.outbox.title')),
            h('ul', { class: 'terminal__list' }, ...items.map((item) => this.outboxRow(item))),
          ]),
    );
  }

  private outboxRow(item: QueuedPurchase): HTMLElement {
    const row = h(
      'li',
      {
        class: `terminal__row terminal__row--${item.state}`,
        testid: 'terminal-outbox-row',
        attrs: { 'data-state': item.state, 'data-receipt': item.request.receiptNumber },
      },
      h(
        'span',
        {},
        `${item.request.receiptNumber} · ${formatMoney(item.request.amount)} · ${item.request.category}`,
      ),
      h(
        'span',
        { class: 'muted' },
        item.state === 'waiting' ? t('terminal.outbox.waiting') : t('terminal.outbox.rejected'),
      ),
      item.reason && item.state === 'rejected'
        ? h('span', { class: 'field__error' }, item.reason)
        : null,
    );
    if (item.state === 'rejected') {
      const discard = h(
        'button',
        {
          class: 'button button--quiet button--small',
          testid: 'terminal-outbox-discard',
          attrs: { type: 'button' },
        },
        t('terminal.outbox.discard'),
      );
      discard.addEventListener('click', () => {
        void remove(item.key).then(() => this.refreshOutbox());
      });
      row.append(discard);
    }
    return row;
  }

  /** Sends what waits in the outbox; shows each purchase sent with its points. */
  async sendQueued(): Promise<void> {
    const report = await flush<PurchaseResult>(this.partner, (item) => this.resend(item));
    for (const { item, result } of report.sent) {
      this.sent.prepend(
        h(
          'li',
          {
            class: 'terminal__row terminal__row--sent',
            testid: 'terminal-sent-row',
            attrs: { 'data-receipt': item.request.receiptNumber },
          },
          t('terminal.sent', {
            receipt: result.receiptNumber,
            amount: formatMoney(result.amount),
            points: formatNumber(result.pointsEarned),
          }),
        ),
      );
    }
    if (!this.options.signal.aborted) await this.refreshOutbox();
  }

  private async resend(item: QueuedPurchase): Promise<SendOutcome<PurchaseResult>> {
    try {
      return { kind: 'sent', result: await this.api.postPurchase(item.key, item.request) };
    } catch (error) {
      const problem = toProblem(error);
      // A lapsed session waits for the cashier to sign in again; nothing is lost.
      if (isTransient(problem) || problem.status === 401) {
        return { kind: 'retry', reason: describe(problem) };
      }
      return { kind: 'rejected', reason: describe(problem) };
    }
  }

  // ------------------------------------------------------------ the member

  private async startScanning(): Promise<void> {
    this.stopScan();
    const video = h('video', {
      class: 'terminal__video',
      testid: 'terminal-video',
      attrs: { playsinline: '', muted: '' },
    });
    const cancel = bigButton(t('terminal.scan.cancel'), 'terminal-scan-cancel', 'button--quiet');
    cancel.addEventListener('click', () => this.stopScan());
    this.scanner.replaceChildren(
      video,
      h('p', { class: 'muted' }, t('terminal.scan.hint')),
      cancel,
    );
    this.scanner.hidden = false;
    try {
      this.scan = await startScan(video, (text) => {
        this.stopScan();
        this.passport.control.value = text;
        void this.lookUp();
      });
    } catch (error) {
      this.stopScan();
      this.passport.setError(
        t('terminal.scan.failed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }

  private stopScan(): void {
    this.scan?.stop();
    this.scan = null;
    this.scanner.hidden = true;
    this.scanner.replaceChildren();
  }

  private async lookUp(): Promise<void> {
    const code = normalisePassport(this.passport.control.value);
    this.passport.setError(null);
    if (code === '') {
      this.passport.setError(t('terminal.passport.required'));
      return;
    }
    this.card = null;
    this.result.replaceChildren();
    this.member.replaceChildren(h('p', { class: 'loading' }, t('terminal.looking-up')));
    try {
      this.card = await this.api.lookupMember(code, { signal: this.options.signal });
      this.passport.control.value = this.card.passportCode;
    } catch (error) {
      if (this.options.signal.aborted) return;
      const problem = toProblem(error);
      if (isTransient(problem)) {
        // Without network the purchase can still be taken by the code; it is checked when sent.
        this.member.replaceChildren(
          h(
            'p',
            { class: 'terminal__note', testid: 'terminal-member-offline' },
            t('terminal.member.offline'),
          ),
        );
        this.renderForm();
        return;
      }
      this.passport.setError(
        problem.status === 404 ? t('terminal.member.unknown') : describe(problem),
      );
    }
    this.renderMember();
    this.renderForm();
  }

  private renderMember(): void {
    const card = this.card;
    if (!card) {
      this.member.replaceChildren();
      return;
    }
    const name = [card.personal.firstName, card.personal.lastName].filter(Boolean).join(' ');
    this.member.replaceChildren(
      h(
        'div',
        {
          class: 'terminal__member-card',
          testid: 'terminal-member',
          attrs: { 'data-club': card.club },
        },
        h(
          'p',
          { class: 'terminal__member-name', testid: 'terminal-member-name' },
          name || t('terminal.member.no-name'),
        ),
        card.personal.phone ? h('p', { class: 'muted' }, card.personal.phone) : null,
        h(
          'div',
          { class: 'terminal__facts' },
          h(
            'div',
            { class: 'fact' },
            h('span', { class: 'fact__label' }, t('terminal.member.tier')),
            h(
              'span',
              { class: 'fact__value', testid: 'terminal-member-tier' },
              card.tier?.name ?? '—',
            ),
          ),
          h(
            'div',
            { class: 'fact' },
            h('span', { class: 'fact__label' }, t('terminal.member.balance')),
            h(
              'span',
              { class: 'fact__value', testid: 'terminal-member-balance' },
              formatNumber(card.pointsBalance),
            ),
          ),
        ),
        card.innerCircle
          ? h('p', { class: 'passport__badge' }, t('terminal.member.inner-circle'))
          : null,
        card.status === 'awaiting-confirmation'
          ? h(
              'p',
              { class: 'terminal__note', testid: 'terminal-member-unconfirmed' },
              t('terminal.member.unconfirmed'),
            )
          : null,
        progressLine(card.progress, 'terminal-member-progress'),
      ),
    );
  }

  /** The categories the partner may report: in the member's club, or in all its clubs. */
  private categories(): string[] {
    const clubs = this.card ? this.clubs.filter((c) => c.club === this.card?.club) : this.clubs;
    return [...new Set(clubs.flatMap((c) => c.categories))].sort();
  }

  // ------------------------------------------------------------ the forms

  private renderForm(): void {
    for (const tab of Array.from(this.tabs.children)) {
      const selected = (tab as HTMLElement).dataset['testid'] === `terminal-mode-${this.mode}`;
      tab.setAttribute('aria-selected', String(selected));
    }
    switch (this.mode) {
      case 'purchase':
        this.purchaseForm();
        return;
      case 'redeem':
        this.redeemForm();
        return;
      case 'refund':
        this.refundForm();
        return;
      case 'register':
        this.registerForm();
        return;
    }
  }

  private amountField(testid: string): Field {
    return field(
      t('terminal.amount'),
      input({ inputmode: 'decimal', autocomplete: 'off', placeholder: '1500' }),
      testid,
    );
  }

  private categoryField(testid: string): Field {
    const categories = this.categories();
    const control = h(
      'select',
      { class: 'input terminal__input' },
      ...categories.map((c) => h('option', { attrs: { value: c } }, c)),
    );
    return field(
      t('terminal.category'),
      control,
      testid,
      categories.length === 0 ? t('terminal.category.none') : undefined,
    );
  }

  private receiptField(testid: string, value: string): Field {
    return field(
      t('terminal.receipt'),
      input({ autocomplete: 'off', value, maxlength: '64' }),
      testid,
      t('terminal.receipt.hint'),
    );
  }

  /** The passport code to post with: the card's, or what was typed (checked when sent). */
  private passportCode(): string | null {
    if (this.card) return this.card.passportCode;
    const typed = normalisePassport(this.passport.control.value);
    if (typed === '') {
      this.passport.setError(t('terminal.passport.required'));
      return null;
    }
    return typed;
  }

  private purchaseForm(): void {
    const amount = this.amountField('terminal-amount');
    const category = this.categoryField('terminal-category');
    const receipt = this.receiptField('terminal-receipt', newReceiptNumber());
    const submit = bigButton(t('terminal.purchase.submit'), 'terminal-submit');
    const fields = { amount, category, receiptNumber: receipt, passportCode: this.passport };
    submit.addEventListener('click', () => {
      void (async () => {
        for (const f of Object.values(fields)) f.setError(null);
        const passportCode = this.passportCode();
        const value = parseAmount(amount.control.value);
        if (value === null) amount.setError(t('terminal.amount.invalid'));
        if (category.control.value === '') category.setError(t('terminal.category.none'));
        const receiptNumber = receipt.control.value.trim();
        if (receiptNumber === '') receipt.setError(t('terminal.receipt.required'));
        if (
          !passportCode ||
          value === null ||
          category.control.value === '' ||
          receiptNumber === ''
        ) {
          return;
        }
        const request: PurchaseRequest = {
          passportCode,
          amount: money(value),
          category: category.control.value,
          occurredAt: new Date().toISOString(),
          receiptNumber,
        };
        // One key per press: a resend of this purchase (now or from the outbox) reuses it.
        const key = newKey();
        submit.disabled = true;
        try {
          if (!navigator.onLine) {
            await this.queue(key, request);
          } else {
            try {
              const result = await this.api.postPurchase(key, request);
              this.showPurchase(result);
            } catch (error) {
              const problem = toProblem(error);
              if (isTransient(problem)) await this.queue(key, request);
              else placeProblem(problem, fields, amount);
              return;
            }
          }
          amount.control.value = '';
          receipt.control.value = newReceiptNumber();
        } finally {
          submit.disabled = false;
        }
      })();
    });
    this.form.replaceChildren(
      h('h2', {}, t('terminal.purchase.title')),
      amount.element,
      category.element,
      receipt.element,
      submit,
    );
  }

  /** On a phone the answer is below the form: bring it into view. */
  private reveal(): void {
    if (typeof this.result.scrollIntoView === 'function') {
      this.result.scrollIntoView({ block: 'nearest' });
    }
  }

  private async queue(key: string, request: PurchaseRequest): Promise<void> {
    await enqueue(this.partner, key, request);
    this.result.replaceChildren(
      h(
        'div',
        { class: 'banner terminal__queued', testid: 'terminal-queued', attrs: { role: 'status' } },
        h('p', { class: 'banner__title' }, t('terminal.queued.title')),
        h(
          'p',
          {},
          t('terminal.queued.text', {
            receipt: request.receiptNumber,
            amount: formatMoney(request.amount),
          }),
        ),
      ),
    );
    this.reveal();
    await this.refreshOutbox();
  }

  private showPurchase(
    result: PurchaseResult | RedemptionResult,
    extra: HTMLElement | null = null,
  ): void {
    if (this.card && this.card.club === result.club) {
      this.card = {
        ...this.card,
        pointsBalance: result.pointsBalance,
        tier: result.tier,
        progress: result.progress,
      };
      this.renderMember();
    }
    this.result.replaceChildren(
      h(
        'div',
        {
          class: 'terminal__done',
          testid: 'terminal-result',
          attrs: { 'data-receipt': result.receiptNumber },
        },
        h(
          'p',
          { class: 'terminal__points', testid: 'terminal-points-earned' },
          t('terminal.result.earned', { points: formatNumber(result.pointsEarned) }),
        ),
        extra,
        h(
          'p',
          {},
          t('terminal.result.balance', {
            points: formatNumber(result.pointsBalance),
            tier: result.tier.name,
          }),
        ),
        progressLine(result.progress, 'terminal-result-progress'),
        h('p', { class: 'muted' }, t('terminal.result.receipt', { receipt: result.receiptNumber })),
      ),
    );
    this.reveal();
  }

  private redeemForm(): void {
    const amount = this.amountField('terminal-redeem-amount');
    const category = this.categoryField('terminal-redeem-category');
    const receipt = this.receiptField('terminal-redeem-receipt', newReceiptNumber());
    const points = field(
      t('terminal.redeem.points'),
      input({ inputmode: 'numeric', autocomplete: 'off' }),
      'terminal-redeem-points',
    );
    const code = field(
      t('terminal.redeem.code'),
      input({ inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6' }),
      'terminal-redeem-code',
      t('terminal.redeem.code-hint'),
    );
    const submit = bigButton(t('terminal.redeem.submit'), 'terminal-redeem-submit');
    const fields = {
      amount,
      category,
      receiptNumber: receipt,
      pointsToRedeem: points,
      confirmationCode: code,
      passportCode: this.passport,
    };
    // A key per attempt, kept while the same attempt is retried after a lost answer.
    let key = newKey();
    let lastBody = '';
    submit.addEventListener('click', () => {
      void (async () => {
        for (const f of Object.values(fields)) f.setError(null);
        const passportCode = this.passportCode();
        const value = parseAmount(amount.control.value);
        if (value === null) amount.setError(t('terminal.amount.invalid'));
        const count = Number(points.control.value.trim());
        const validCount = Number.isInteger(count) && count > 0;
        if (!validCount) points.setError(t('terminal.redeem.points-invalid'));
        const confirmation = code.control.value.trim();
        const validCode = /^\d{6}$/.test(confirmation);
        if (!validCode) code.setError(t('terminal.redeem.code-invalid'));
        if (!passportCode || value === null || !validCount || !validCode) return;
        const request = {
          passportCode,
          amount: money(value),
          category: category.control.value,
          occurredAt: new Date().toISOString(),
          receiptNumber: receipt.control.value.trim(),
          pointsToRedeem: count,
          confirmationCode: confirmation,
        };
        const body = JSON.stringify({ ...request, occurredAt: '' });
        if (body !== lastBody) key = newKey();
        lastBody = body;
        submit.disabled = true;
        try {
          const result = await this.api.postRedemption(key, request);
          this.showPurchase(
            result,
            h(
              'p',
              { class: 'terminal__points', testid: 'terminal-points-redeemed' },
              t('terminal.result.redeemed', {
                points: formatNumber(result.pointsRedeemed),
                paid: formatMoney(result.amountPaidWithPoints),
                rest: formatMoney(result.amountPaidWithMoney),
              }),
            ),
          );
          key = newKey();
          lastBody = '';
          receipt.control.value = newReceiptNumber();
          code.control.value = '';
        } catch (error) {
          const problem = toProblem(error);
          placeProblem(
            isTransient(problem) ? { ...problem, title: t('terminal.needs-network') } : problem,
            fields,
            code,
          );
        } finally {
          submit.disabled = false;
        }
      })();
    });
    this.form.replaceChildren(
      h('h2', {}, t('terminal.redeem.title')),
      h('p', { class: 'muted' }, t('terminal.redeem.intro')),
      amount.element,
      category.element,
      points.element,
      code.element,
      receipt.element,
      submit,
    );
  }

  private refundForm(): void {
    const receipt = field(
      t('terminal.refund.receipt'),
      input({ autocomplete: 'off', maxlength: '64' }),
      'terminal-refund-receipt',
    );
    const amount = this.amountField('terminal-refund-amount');
    const submit = bigButton(t('terminal.refund.submit'), 'terminal-refund-submit');
    const fields = { receiptNumber: receipt, amount };
    let key = newKey();
    let lastBody = '';
    submit.addEventListener('click', () => {
      void (async () => {
        for (const f of Object.values(fields)) f.setError(null);
        const receiptNumber = receipt.control.value.trim();
        if (receiptNumber === '') receipt.setError(t('terminal.receipt.required'));
        const value = parseAmount(amount.control.value);
        if (value === null) amount.setError(t('terminal.amount.invalid'));
        if (receiptNumber === '' || value === null) return;
        const body = `${receiptNumber} ${value}`;
        if (body !== lastBody) key = newKey();
        lastBody = body;
        submit.disabled = true;
        try {
          const result: RefundResult = await this.api.postRefund(key, {
            receiptNumber,
            // One refund number per attempt: the key and the number travel together.
            refundNumber: `R-${receiptNumber}-${key.slice(0, 8)}`.slice(0, 64),
            amount: money(value),
            occurredAt: new Date().toISOString(),
          });
          key = newKey();
          lastBody = '';
          this.result.replaceChildren(
            h(
              'div',
              { class: 'terminal__done', testid: 'terminal-refund-result' },
              h(
                'p',
                { class: 'terminal__points', testid: 'terminal-points-reversed' },
                t('terminal.refund.done', {
                  amount: formatMoney(result.amount),
                  points: formatNumber(result.pointsReversed),
                }),
              ),
              h(
                'p',
                {},
                t('terminal.result.balance', {
                  points: formatNumber(result.pointsBalance),
                  tier: result.tier.name,
                }),
              ),
              result.pointsDebt > 0
                ? h(
                    'p',
                    { class: 'muted' },
                    t('terminal.refund.debt', { points: formatNumber(result.pointsDebt) }),
                  )
                : null,
              progressLine(result.progress, 'terminal-refund-progress'),
            ),
          );
        } catch (error) {
          const problem = toProblem(error);
          placeProblem(
            isTransient(problem) ? { ...problem, title: t('terminal.needs-network') } : problem,
            fields,
            receipt,
          );
        } finally {
          submit.disabled = false;
        }
      })();
    });
    this.form.replaceChildren(
      h('h2', {}, t('terminal.refund.title')),
      receipt.element,
      amount.element,
      submit,
    );
  }

  private registerForm(): void {
    const clubOptions = this.clubs.map((c) => [c.club, c.clubName] as const);
    const club = field(
      t('terminal.register.club'),
      h(
        'select',
        { class: 'input terminal__input' },
        ...clubOptions.map(([value, label]) => h('option', { attrs: { value } }, label)),
      ),
      'terminal-register-club',
    );
    const phone = field(
      t('terminal.register.phone'),
      input({
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'off',
        placeholder: '+7 916 123-45-67',
      }),
      'terminal-register-phone',
    );
    const firstName = field(
      t('terminal.register.first-name'),
      input({ autocomplete: 'off', maxlength: '100' }),
      'terminal-register-first-name',
    );
    const email = field(
      t('terminal.register.email'),
      input({ type: 'email', inputmode: 'email', autocomplete: 'off', maxlength: '254' }),
      'terminal-register-email',
      t('terminal.register.email-hint'),
    );
    const submit = bigButton(t('terminal.register.submit'), 'terminal-register-submit');
    const fields = { phone, firstName, email, club };
    let key = newKey();
    let lastBody = '';
    submit.addEventListener('click', () => {
      void (async () => {
        for (const f of Object.values(fields)) f.setError(null);
        if (phone.control.value.trim() === '') {
          phone.setError(t('terminal.register.phone-required'));
          return;
        }
        const body = {
          phone: phone.control.value.trim(),
          ...(firstName.control.value.trim() ? { firstName: firstName.control.value.trim() } : {}),
          ...(email.control.value.trim() ? { email: email.control.value.trim() } : {}),
        };
        const text = `${club.control.value} ${JSON.stringify(body)}`;
        if (text !== lastBody) key = newKey();
        lastBody = text;
        submit.disabled = true;
        try {
          const result = await this.api.registerAtCounter(club.control.value, key, body);
          key = newKey();
          lastBody = '';
          await this.showRegistered(result);
        } catch (error) {
          const problem = toProblem(error);
          placeProblem(
            isTransient(problem) ? { ...problem, title: t('terminal.needs-network') } : problem,
            fields,
            phone,
          );
        } finally {
          submit.disabled = false;
        }
      })();
    });
    this.form.replaceChildren(
      h('h2', {}, t('terminal.register.title')),
      ...(clubOptions.length > 1 ? [club.element] : []),
      phone.element,
      firstName.element,
      email.element,
      submit,
    );
  }

  private async showRegistered(result: CounterRegistrationResult): Promise<void> {
    const link = result.confirmationUrl;
    const qr = h('div', { class: 'terminal__qr', testid: 'terminal-register-qr' });
    this.result.replaceChildren(
      h(
        'div',
        {
          class: 'terminal__done',
          testid: 'terminal-register-result',
          attrs: { 'data-passport': result.passportCode },
        },
        h(
          'p',
          { class: 'terminal__points' },
          result.existing ? t('terminal.register.existing') : t('terminal.register.done'),
        ),
        h('p', {}, t('terminal.register.passport', { passport: result.passportCode })),
        link ? h('p', {}, t('terminal.register.link')) : null,
        link ? qr : null,
        result.emailedTo
          ? h('p', { class: 'muted' }, t('terminal.register.emailed', { to: result.emailedTo }))
          : null,
      ),
    );
    if (link) {
      try {
        qr.append(await qrCode(link, 240));
      } catch (error) {
        qr.append(h('p', { class: 'muted' }, link));
        console.warn('Bloom: could not draw the link as a QR code', error);
      }
    }
    // The purchase that follows is hers.
    this.passport.control.value = result.passportCode;
    this.mode = 'purchase';
    const kept = Array.from(this.result.childNodes);
    await this.lookUp();
    this.result.replaceChildren(...kept);
  }
}
