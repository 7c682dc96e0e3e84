/**
 * The portal's one client of the Bloom API (`openapi/src/main/openapi/openapi.yaml`, served under
 * `/api/v1` of the same origin). Features never call `fetch` themselves: they go through here, so
 * authentication, problem+json errors and the base path are handled in one place.
 *
 * The types mirror the contract's schemas of the same names; only the operations the portal uses
 * (the member cabinet, the club console and the operator's console) are typed.
 */

/** `Money`: a decimal string with a currency, never a float. */
export interface Money {
  amount: string;
  currency: string;
}

/** `TierRef` */
export interface TierRef {
  code: string;
  name: string;
}

/** `TierProgress` */
export interface TierProgress {
  spentInWindow: Money;
  categoriesInWindow: number;
  nextTier?: TierRef;
  amountLeft?: Money;
  categoriesLeft?: number;
  text: string;
}

/** `ConsentDocument`: one published version of a club's consent text. */
export interface ConsentDocument {
  kind: 'terms' | 'marketing';
  version: number;
  /** Required texts (the terms) must be accepted before the cabinet's actions work. */
  required: boolean;
  text: string;
  textSha256: string;
  publishedAt: string;
}

/** `ClaimedRegistration` (POST /me/counter-registrations) */
export interface ClaimedRegistration {
  memberId: string;
  club: string;
  passportCode: string;
  /** The registration was merged into the login's existing member. */
  merged: boolean;
  mergedPassportCode?: string;
}

/** `JoinRequestOnline` (POST /me/membership) */
export interface JoinRequestOnline {
  phone: string;
  termsVersion?: number;
  /** The marketing text's version she opted in to; absent to opt out. */
  marketingVersion?: number;
}

/** `OnlineMembership` (POST /me/membership) */
export interface OnlineMembership {
  outcome: 'joined' | 'already-member' | 'claim-link-sent';
  club: string;
  memberId?: string;
  passportCode?: string;
  /** For `claim-link-sent`: the masked address the claim link went to. */
  sentTo?: string;
}

/** `AcceptedStaffInvitation` (POST /me/staff-invitations) */
export interface AcceptedStaffInvitation {
  tenantKind: 'club' | 'partner';
  tenant: string;
  tenantName: string;
  role: string;
  consoleUrl: string;
}

/** `ConsentAnswer` (POST /me/consents) */
export interface ConsentAnswer {
  kind: 'terms' | 'marketing';
  version?: number;
  action: 'accept' | 'withdraw';
  channel: 'web' | 'terminal' | 'api';
}

/** `InnerCircleStatus`: the member holds an invitation-only tier. */
export interface InnerCircleStatus {
  tier: TierRef;
  until?: string;
}

/** `Invitation` (GET /me/invitations) */
export interface Invitation {
  invitationId: string;
  memberId: string;
  tier: TierRef;
  status: 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';
  invitedVia: string;
  createdAt: string;
  expiresAt: string;
  grantUntil?: string;
  respondedAt?: string;
  revokedAt?: string;
}

/** `MemberInvitations` (GET /me/invitations) */
export interface MemberInvitations {
  items: Invitation[];
}

/** `MemberCabinet` (GET /me) */
export interface MemberCabinet {
  memberId: string;
  club: string;
  clubName: string;
  passportCode: string;
  firstName: string;
  pointsBalance: number;
  /** Granted but not yet spendable (the club's activation delay). */
  pointsPending?: number;
  /** Owed after refunds took back spent points; repaid from future earnings. */
  pointsDebt?: number;
  /** The balance in each of the club's currencies (`points` included). */
  balances?: CurrencyBalance[];
  tier: TierRef;
  progress: TierProgress;
  /** Present while the member holds an invitation-only tier (Inner Circle). */
  innerCircle?: InnerCircleStatus;
  /** Consent texts to answer, required ones first; a required one blocks the cabinet's actions. */
  pendingConsents?: ConsentDocument[];
}

/** `CurrencyBalance` */
export interface CurrencyBalance {
  currency: string;
  name: string;
  /** Spendable only at partners other than the one whose purchase granted them. */
  onlyAtOtherPartners: boolean;
  active: number;
  pending: number;
  debt: number;
  /** The soonest expiry of active points and how many expire then. */
  nextExpiry?: { points: number; at: string };
}

/** `MemberPurchase` */
export interface MemberPurchase {
  purchaseId: string;
  partner: string;
  partnerName: string;
  amount: Money;
  category: string;
  categoryName?: string;
  occurredAt: string;
  pointsEarned: number;
}

/** `MemberPurchasePage` (GET /me/purchases) */
export interface MemberPurchasePage {
  items: MemberPurchase[];
  nextCursor?: string;
}

/** `RedemptionCode` (POST /me/redemption-code) */
export interface RedemptionCode {
  /** Absent when the code was sent by e-mail. */
  code?: string;
  expiresAt: string;
  delivery: 'screen' | 'email';
  /** The masked address the code went to (e-mail delivery). */
  sentTo?: string;
}

/** `ClubSignInInfo` (GET /public/clubs/{club}) */
export interface ClubSignInInfo {
  slug: string;
  name: string;
  issuer: string;
  clientId: string;
}

/** `PlatformSignInInfo` (GET /public/platform) */
export interface PlatformSignInInfo {
  issuer: string;
  clientId: string;
}

/** `PlanRef` */
export interface PlanRef {
  code: string;
  name: string;
}

export type LimitName =
  | 'members'
  | 'partnersPerClub'
  | 'purchasesPerMonth'
  | 'apiRequestsPerSecond'
  | 'csvRowsPerDay'
  | 'staffSeats';

/** `PlanLimits`: an absent limit is unlimited. */
export type PlanLimits = Partial<Record<LimitName, number>>;

/** `Plan` (GET /plans) */
export interface Plan {
  code: string;
  name: string;
  monthlyPrice: Money;
  limits: PlanLimits;
}

export type TenantKind = 'club' | 'partner';
export type TenantStatus = 'PROVISIONING' | 'ACTIVE' | 'SUSPENDED';

/** `TenantSummary` (the operator's list) */
export interface TenantSummary {
  kind: TenantKind;
  slug: string;
  name: string;
  status: TenantStatus;
  provisioningStep:
    'REGISTERED' | 'SCHEMA_MIGRATED' | 'IDENTITY_CREATED' | 'ADMIN_CREATED' | 'DONE';
  suspendedAt?: string;
  suspensionReason?: string;
  plan: PlanRef;
  /** The plan's limits with the operator's overrides. */
  limits: PlanLimits;
  usage: { month: string; purchases: number; apiRequests: number };
}

/** `TenantPage` */
export interface TenantPage {
  items: TenantSummary[];
  nextCursor?: string;
}

/** `UsageLine`: a measure held against a limit (`allowed` absent: unlimited). */
export interface UsageLine {
  metric: string;
  quantity: number;
  limit?: LimitName;
  allowed?: number;
}

/** `LimitOverride`: without `value` the limit is unlimited. */
export interface LimitOverride {
  limit: LimitName;
  value?: number;
}

/** `Subscription` */
export interface Subscription {
  tenant: { kind: TenantKind; slug: string; name: string };
  plan: PlanRef;
  monthlyPrice: Money;
  since: string;
  pendingChange?: { plan: PlanRef; effectiveFrom: string };
  limits: PlanLimits;
  overrides: LimitOverride[];
  month: string;
  usage: UsageLine[];
}

/** `SubscriptionUpdate` (operator): `overrides`, when present, replaces all of them. */
export interface SubscriptionUpdate {
  plan: string;
  effectiveFrom?: string;
  overrides?: LimitOverride[];
}

/** `SignUpProgress` as the operator sees it (GET /platform/signups) */
export interface SignUpProgress {
  id: string;
  kind: TenantKind;
  slug: string;
  name: string;
  plan: string;
  status: 'awaiting-verification' | 'provisioning' | 'ready' | 'expired';
  adminEmail: string;
  steps: { step: string; state: 'done' | 'running' | 'failed' | 'pending' }[];
  attempts: number;
  /** Why the last attempt failed: a code worded by `failureReason`. */
  lastError?: string;
  /** The log entry's reference, for support. */
  lastErrorReference?: string;
  firstKeyAvailable: boolean;
  createdAt: string;
  completedAt?: string;
}

/** The operator's filters of the tenant list. */
export interface TenantQuery {
  kind?: TenantKind;
  status?: TenantStatus;
  /** Slug or name contains this, ignoring case. */
  q?: string;
  limit?: number;
  cursor?: string;
}

/** `CsvImport`: one uploaded CSV file of the partner and how its import went. */
export interface CsvImport {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED';
  fileName: string;
  fileSize: number;
  rowsTotal: number;
  rowsDone: number;
  rowsAccepted: number;
  rowsRejected: number;
  uploadedAt: string;
  startedAt?: string;
  finishedAt?: string;
  rejectionsUrl: string;
}

/** `ImportMapping`: how the partner's POS export is read. */
export interface ImportMapping {
  columns: Partial<
    Record<
      | 'kind'
      | 'receiptNumber'
      | 'refundNumber'
      | 'passportCode'
      | 'amount'
      | 'currency'
      | 'category'
      | 'occurredAt',
      string
    >
  >;
  delimiter: ';' | ',' | '\t';
  decimalSeparator: '.' | ',';
  encoding: 'UTF-8' | 'windows-1251';
  timeZone: string;
}

/** `PartnershipDetails`: a club the partner belongs (or belonged) to. */
export interface PartnershipDetails {
  club: string;
  clubName: string;
  partner: string;
  partnerName: string;
  categories: string[];
  redemptionEnabled: boolean;
  joinedVia: 'operator' | 'invitation' | 'request';
  since: string;
  status: 'active' | 'ended';
  endedAt?: string;
}

// --- The cashier's terminal (`#/t/<partner>`, ADR 0043) ---

/** `PersonalFields`: only what the club's PD-access policy grants the cashier. */
export interface PersonalFields {
  firstName?: string;
  lastName?: string;
  phone?: string;
  email?: string;
  birthday?: string;
}

/** `MemberCard` (GET /members/lookup) */
export interface MemberCard {
  memberId: string;
  club: string;
  passportCode: string;
  tier?: TierRef;
  innerCircle: boolean;
  pointsBalance: number;
  personal: PersonalFields;
  status: 'active' | 'awaiting-confirmation' | 'merged';
  /** What is left to the next tier, for the cashier to tell her. */
  progress?: TierProgress;
}

/** `PurchaseRequest` (POST /purchases) */
export interface PurchaseRequest {
  passportCode: string;
  amount: Money;
  category: string;
  occurredAt: string;
  receiptNumber: string;
}

/** `Bonus` */
export interface Bonus {
  rule: string;
  currency: string;
  points: number;
  expiresAt?: string;
}

/** `PurchaseResult` (POST /purchases) */
export interface PurchaseResult {
  purchaseId: string;
  receiptNumber: string;
  club: string;
  amount: Money;
  category: string;
  pointsEarned: number;
  pointsBalance: number;
  tier: TierRef;
  progress: TierProgress;
  bonuses?: Bonus[];
}

/** `RefundRequest` (POST /refunds) */
export interface RefundRequest {
  receiptNumber: string;
  refundNumber: string;
  amount: Money;
  occurredAt: string;
}

/** `RefundResult` (POST /refunds) */
export interface RefundResult {
  refundId: string;
  receiptNumber: string;
  refundNumber: string;
  amount: Money;
  refundedTotal: Money;
  pointsReversed: number;
  pointsBalance: number;
  pointsDebt: number;
  tier: TierRef;
  progress: TierProgress;
}

/** `RedemptionRequest` (POST /redemptions) */
export interface RedemptionRequest extends PurchaseRequest {
  pointsToRedeem: number;
  /** The member's one-time code or the passport's current TOTP code (six digits). */
  confirmationCode: string;
}

/** `RedemptionResult` (POST /redemptions) */
export interface RedemptionResult extends PurchaseResult {
  currency: string;
  pointsRedeemed: number;
  amountPaidWithPoints: Money;
  amountPaidWithMoney: Money;
}

/** `CounterRegistration` (POST /clubs/{club}/counter-registrations) */
export interface CounterRegistrationRequest {
  phone: string;
  firstName?: string;
  email?: string;
}

/** `CounterRegistrationResult` */
export interface CounterRegistrationResult {
  memberId: string;
  club: string;
  passportCode: string;
  status: MemberCard['status'];
  existing: boolean;
  likelyDuplicate: boolean;
  confirmationUrl?: string;
  confirmationExpiresAt?: string;
  deliveries: ('screen' | 'email' | 'sms')[];
  emailedTo?: string;
}

/** `JoinRequest`: a partner's request to join a club. */
export interface JoinRequest {
  requestId: string;
  club: string;
  clubName: string;
  partner: string;
  partnerName: string;
  categories: string[];
  message?: string;
  status: 'pending' | 'approved' | 'declined';
  createdAt: string;
  decidedAt?: string;
  approvedCategories?: string[];
  declineReason?: string;
}

/** `JoinRequestCreate` */
export interface JoinRequestCreate {
  club: string;
  categories?: string[];
  message?: string;
}

export type ApiKeyScope =
  | 'purchases:write'
  | 'purchases:read'
  | 'members:lookup'
  | 'members:register'
  | 'imports:write'
  | 'reports:read';

/** `ApiKey`: never the secret. */
export interface ApiKey {
  id: string;
  prefix: string;
  mode: 'test' | 'live';
  label?: string;
  scopes: string[];
  createdAt: string;
  expiresAt?: string;
  successor?: string;
  revokedAt?: string;
  lastUsedAt?: string;
  lastUsedIp?: string;
  status: 'active' | 'rotating' | 'expired' | 'revoked';
}

/** `NewApiKey` */
export interface NewApiKey {
  mode: 'test' | 'live';
  label?: string;
  scopes: ApiKeyScope[];
}

/** `IssuedApiKey`: the secret, shown once. */
export interface IssuedApiKey {
  id: string;
  key: string;
  prefix: string;
  mode: string;
  label?: string;
  scopes: string[];
}

/** `ApiKeyRotation` */
export interface ApiKeyRotation {
  rotated: ApiKey;
  successor: IssuedApiKey;
}

export type PartnerStaffRole = 'partner-owner' | 'partner-admin' | 'cashier' | 'partner-analyst';

/** `StaffMember` */
export interface StaffMember {
  id: string;
  email: string;
  roles: string[];
  status: 'invited' | 'active';
  invitedAt: string;
}

/** `PlanChangeRequest` */
export interface PlanChangeRequest {
  plan: string;
  effectiveFrom?: string;
}

/** `Category` */
export interface Category {
  code: string;
  name: string;
}

/** `Tier` (GET/PUT /clubs/{club}/tiers) */
export interface Tier {
  code: string;
  name: string;
  rank: number;
  minSpend: Money;
  minCategories: number;
  windowMonths?: number;
  accrualPercent: string;
  invitationOnly: boolean;
  topPercent?: string;
}

/** `TierPolicy` */
export interface TierPolicy {
  graceDays: number;
}

/** `Currency` */
export interface Currency {
  code: string;
  name: string;
  rubleValue: string;
  activationDays?: number;
  inactivityMonths?: number;
}

export type SpentPointsPolicy = 'DEBT' | 'WRITE_OFF';

/** `LedgerPolicy` */
export interface LedgerPolicy {
  spentPointsOnRefund: SpentPointsPolicy;
  maxRedeemPercent?: string;
}

export type EffectKind = 'ACCRUAL_PERCENT' | 'MULTIPLIER' | 'FIXED_POINTS';

/** `EarningEffect` */
export interface EarningEffect {
  kind: EffectKind;
  value: string;
  currency?: string;
  expiresInDays?: number;
}

/** `EarningRule` */
export interface EarningRule {
  code: string;
  name: string;
  priority: number;
  exclusive?: boolean;
  condition: string;
  effect: EarningEffect;
  active?: boolean;
}

/** `EarningRuleSet` (GET/PUT /clubs/{club}/rules) */
export interface EarningRuleSet {
  maxAccrualPercent?: string;
  rules: EarningRule[];
}

/** `SimulatedPurchase` */
export interface SimulatedPurchase {
  amount: Money;
  category: string;
  partner: string;
  occurredAt: string;
}

/** `SimulatedMember` */
export interface SimulatedMember {
  tier?: string;
  daysToBirthday?: number;
  purchasesCount?: number;
  categoriesThisMonth?: string[];
  segments?: string[];
}

/** `EarningSimulationRequest`: with `ruleSet`, a draft is simulated instead of the saved rules. */
export interface EarningSimulationRequest {
  ruleSet?: EarningRuleSet;
  purchase: SimulatedPurchase;
  member?: SimulatedMember;
  baseAccrualPoints: number;
}

/** `FiredEarningRule` */
export interface FiredEarningRule {
  code: string;
  name: string;
  effect: EffectKind;
  currency: string;
  points: number;
  capped: boolean;
  explanation: string;
}

export type SkipReason =
  'INACTIVE' | 'SHADOWED' | 'CONDITION_FALSE' | 'CONDITION_FAILED' | 'CAPPED';

/** `SkippedEarningRule` */
export interface SkippedEarningRule {
  code: string;
  name: string;
  reason: SkipReason;
  explanation: string;
}

/** `EarningGrant` */
export interface EarningGrant {
  rule: string;
  currency: string;
  points: number;
  expiresInDays?: number;
  explanation: string;
}

/** `EarningSimulation` (POST /clubs/{club}/rules/simulate) */
export interface EarningSimulation {
  facts: Record<string, unknown>;
  fired: FiredEarningRule[];
  skipped: SkippedEarningRule[];
  grants: EarningGrant[];
}

/** `FieldError` */
export interface FieldError {
  field: string;
  reason: string;
}

/** `Problem`: RFC 9457 problem details, the body of every error the API answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** An API call that failed; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Yields the member's current access token, or null when there is no usable session. */
export type AccessTokenSource = () => Promise<string | null>;

export interface ApiClientOptions {
  /** Where the API lives; the same origin as the portal unless told otherwise. */
  baseUrl?: string;
  /** Needed for the member operations; the public ones work without it. */
  accessToken?: AccessTokenSource;
}

/** A rule set as read, with its revision (`ETag`), or null if the server sent none. */
export interface RevisedRuleSet {
  set: EarningRuleSet;
  revision: string | null;
}

/** `WebhookEventType` */
export type WebhookEventType =
  | 'purchase.recorded'
  | 'refund.recorded'
  | 'redemption.recorded'
  | 'member.tier_changed'
  | 'points.expiring'
  | 'import.finished';

/** `WebhookEndpoint`: never a secret. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
  status: 'enabled' | 'disabled';
  disabledReason?: string;
  disabledAt?: string;
  previousSecretValidUntil?: string;
  notifyEmail?: string;
  createdAt: string;
  updatedAt: string;
}

/** `NewWebhookEndpoint` */
export interface NewWebhookEndpoint {
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
  notifyEmail?: string;
}

/** `WebhookEndpointWithSecret`: the secret, shown once. */
export interface WebhookEndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

/** `WebhookMessage` */
export interface WebhookMessage {
  id: string;
  eventType: WebhookEventType;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  deliveredAt?: string;
}

/** `WebhookDeliveryAttempt` */
export interface WebhookDeliveryAttempt {
  attemptedAt: string;
  durationMs: number;
  statusCode?: number;
  error?: string;
  manual: boolean;
}

/** `WebhookMessageDetail` */
export interface WebhookMessageDetail {
  message: WebhookMessage;
  body: string;
  attempts: WebhookDeliveryAttempt[];
}

/** Whose webhook endpoints: a club's or a partner's, by slug. */
export interface WebhookOwner {
  kind: TenantKinds;
  slug: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface BloomApi {
  getClubSignInInfo(club: string, options?: RequestOptions): Promise<ClubSignInInfo>;
  getMyCabinet(options?: RequestOptions): Promise<MemberCabinet>;
  /** The club's current consent texts (public). */
  listPublicConsents(club: string, options?: RequestOptions): Promise<ConsentDocument[]>;
  /** Joins the club online: the signed-in login becomes a member (or is mailed a claim link). */
  joinClub(request: JoinRequestOnline, options?: RequestOptions): Promise<OnlineMembership>;
  /** Accepts a staff invitation mailed to the signed-in person's address. */
  acceptStaffInvitation(token: string, options?: RequestOptions): Promise<AcceptedStaffInvitation>;
  /** Claims a registration made at a partner's counter, with the link's token. */
  claimCounterRegistration(
    claim: { token: string; termsVersion?: number },
    options?: RequestOptions,
  ): Promise<ClaimedRegistration>;
  listMyPurchases(
    page: { limit?: number; cursor?: string },
    options?: RequestOptions,
  ): Promise<MemberPurchasePage>;
  /** The passport QR code as an `image/svg+xml` blob (it needs the bearer token, so no plain URL). */
  getMyPassportQr(options?: RequestOptions): Promise<Blob>;
  /** A one-time code the member tells the cashier to pay with points (replaces the previous one). */
  requestRedemptionCode(options?: RequestOptions): Promise<RedemptionCode>;
  /** Accepts a version of a consent text, or withdraws marketing. */
  answerConsent(answer: ConsentAnswer, options?: RequestOptions): Promise<void>;
  listMyInvitations(options?: RequestOptions): Promise<MemberInvitations>;
  respondToInvitation(
    invitationId: string,
    answer: 'accept' | 'decline',
    options?: RequestOptions,
  ): Promise<Invitation>;
  /** The same, sent to the member's e-mail: the answer has no code, only where it went. */
  sendRedemptionCodeByEmail(options?: RequestOptions): Promise<RedemptionCode>;
  /** The passport's TOTP key, or null when the member has not turned it on. */
  getPassportTotp(options?: RequestOptions): Promise<PassportTotp | null>;
  /** Turns the passport's TOTP on with a new key. */
  enrolPassportTotp(options?: RequestOptions): Promise<PassportTotp>;
  disablePassportTotp(options?: RequestOptions): Promise<void>;

  // The club console (club-owner, club-admin): 403 for anyone else.
  listEarningRules(club: string, options?: RequestOptions): Promise<EarningRuleSet>;
  /** The set with its revision (the `ETag`), to send back as `If-Match` when saving an edit. */
  readEarningRules(club: string, options?: RequestOptions): Promise<RevisedRuleSet>;
  /**
   * Replaces the whole set; nothing is saved unless all of it is valid. With `ifMatch`, a set
   * saved by someone else since that revision is refused (412 `stale-rules`).
   */
  defineEarningRules(
    club: string,
    set: EarningRuleSet,
    options?: RequestOptions,
    ifMatch?: string,
  ): Promise<EarningRuleSet>;
  simulateEarning(
    club: string,
    request: EarningSimulationRequest,
    options?: RequestOptions,
  ): Promise<EarningSimulation>;
  listCategories(club: string, options?: RequestOptions): Promise<Category[]>;
  listTiers(club: string, options?: RequestOptions): Promise<Tier[]>;
  /** Replaces the ladder. */
  defineTiers(club: string, tiers: Tier[], options?: RequestOptions): Promise<Tier[]>;
  getTierPolicy(club: string, options?: RequestOptions): Promise<TierPolicy>;
  setTierPolicy(club: string, policy: TierPolicy, options?: RequestOptions): Promise<TierPolicy>;
  listCurrencies(club: string, options?: RequestOptions): Promise<Currency[]>;
  /** Adds or redefines the currencies given (never removes one); answers all of them. */
  defineCurrencies(
    club: string,
    currencies: Currency[],
    options?: RequestOptions,
  ): Promise<Currency[]>;
  getLedgerPolicy(club: string, options?: RequestOptions): Promise<LedgerPolicy>;
  setLedgerPolicy(
    club: string,
    policy: LedgerPolicy,
    options?: RequestOptions,
  ): Promise<LedgerPolicy>;

  // The operator's console (platform-operator): 403 for anyone else.
  getPlatformSignInInfo(options?: RequestOptions): Promise<PlatformSignInInfo>;
  listPlans(options?: RequestOptions): Promise<Plan[]>;
  listTenants(query: TenantQuery, options?: RequestOptions): Promise<TenantPage>;
  /** `kinds` is the path segment: `clubs` or `partners`. */
  getTenant(kinds: TenantKinds, slug: string, options?: RequestOptions): Promise<TenantSummary>;
  suspendTenant(
    kinds: TenantKinds,
    slug: string,
    reason: string,
    options?: RequestOptions,
  ): Promise<TenantSummary>;
  resumeTenant(kinds: TenantKinds, slug: string, options?: RequestOptions): Promise<TenantSummary>;
  getTenantSubscription(
    kinds: TenantKinds,
    slug: string,
    options?: RequestOptions,
  ): Promise<Subscription>;
  changeTenantSubscription(
    kinds: TenantKinds,
    slug: string,
    update: SubscriptionUpdate,
    options?: RequestOptions,
  ): Promise<Subscription>;
  listSignUps(
    query: { status?: SignUpProgress['status']; limit?: number },
    options?: RequestOptions,
  ): Promise<SignUpProgress[]>;
  resumeSignUp(id: string, options?: RequestOptions): Promise<SignUpProgress>;
  // The partner's console (platform realm, the partner's organization).
  listPartnerClubs(partner: string, options?: RequestOptions): Promise<PartnershipDetails[]>;
  redeemPartnerInvitation(
    partner: string,
    code: string,
    options?: RequestOptions,
  ): Promise<PartnershipDetails>;
  listPartnerJoinRequests(partner: string, options?: RequestOptions): Promise<JoinRequest[]>;
  requestToJoinClub(
    partner: string,
    body: JoinRequestCreate,
    options?: RequestOptions,
  ): Promise<JoinRequest>;
  listPartnerApiKeys(partner: string, options?: RequestOptions): Promise<ApiKey[]>;
  uploadCsvImport(
    partner: string,
    file: Blob,
    fileName: string,
    options?: RequestOptions,
  ): Promise<CsvImport>;
  listCsvImports(partner: string, options?: RequestOptions): Promise<CsvImport[]>;
  getCsvImport(partner: string, id: string, options?: RequestOptions): Promise<CsvImport>;
  downloadCsvImportRejections(partner: string, id: string, options?: RequestOptions): Promise<Blob>;
  getImportMapping(partner: string, options?: RequestOptions): Promise<ImportMapping>;
  putImportMapping(
    partner: string,
    mapping: ImportMapping,
    options?: RequestOptions,
  ): Promise<ImportMapping>;
  createPartnerApiKey(
    partner: string,
    body: NewApiKey,
    options?: RequestOptions,
  ): Promise<IssuedApiKey>;
  rotatePartnerApiKey(
    partner: string,
    id: string,
    overlapHours: number,
    options?: RequestOptions,
  ): Promise<ApiKeyRotation>;
  revokePartnerApiKey(partner: string, id: string, options?: RequestOptions): Promise<void>;
  listPartnerStaff(partner: string, options?: RequestOptions): Promise<StaffMember[]>;
  invitePartnerStaff(
    partner: string,
    email: string,
    role: PartnerStaffRole,
    options?: RequestOptions,
  ): Promise<StaffMember>;
  changePartnerStaffRole(
    partner: string,
    id: string,
    role: PartnerStaffRole,
    options?: RequestOptions,
  ): Promise<StaffMember>;
  removePartnerStaff(partner: string, id: string, options?: RequestOptions): Promise<void>;
  // The cashier's terminal (a partner's staff login, role cashier; ADR 0043). Each call that
  // moves value carries its own Idempotency-Key, so a resend after a lost answer is safe.
  lookupMember(passportCode: string, options?: RequestOptions): Promise<MemberCard>;
  postPurchase(
    idempotencyKey: string,
    purchase: PurchaseRequest,
    options?: RequestOptions,
  ): Promise<PurchaseResult>;
  postRefund(
    idempotencyKey: string,
    refund: RefundRequest,
    options?: RequestOptions,
  ): Promise<RefundResult>;
  postRedemption(
    idempotencyKey: string,
    redemption: RedemptionRequest,
    options?: RequestOptions,
  ): Promise<RedemptionResult>;
  registerAtCounter(
    club: string,
    idempotencyKey: string,
    registration: CounterRegistrationRequest,
    options?: RequestOptions,
  ): Promise<CounterRegistrationResult>;
  getPartnerSubscription(partner: string, options?: RequestOptions): Promise<Subscription>;
  changePartnerPlan(
    partner: string,
    change: PlanChangeRequest,
    options?: RequestOptions,
  ): Promise<Subscription>;
  listWebhookEndpoints(owner: WebhookOwner, options?: RequestOptions): Promise<WebhookEndpoint[]>;
  createWebhookEndpoint(
    owner: WebhookOwner,
    body: NewWebhookEndpoint,
    options?: RequestOptions,
  ): Promise<WebhookEndpointWithSecret>;
  rotateWebhookSecret(
    owner: WebhookOwner,
    id: string,
    graceHours: number,
    options?: RequestOptions,
  ): Promise<WebhookEndpointWithSecret>;
  setWebhookEndpointEnabled(
    owner: WebhookOwner,
    id: string,
    enabled: boolean,
    options?: RequestOptions,
  ): Promise<WebhookEndpoint>;
  deleteWebhookEndpoint(owner: WebhookOwner, id: string, options?: RequestOptions): Promise<void>;
  listWebhookMessages(
    owner: WebhookOwner,
    id: string,
    options?: RequestOptions,
  ): Promise<WebhookMessage[]>;
  getWebhookMessage(
    owner: WebhookOwner,
    id: string,
    message: string,
    options?: RequestOptions,
  ): Promise<WebhookMessageDetail>;
  redeliverWebhookMessage(
    owner: WebhookOwner,
    id: string,
    message: string,
    options?: RequestOptions,
  ): Promise<WebhookMessage>;
}

/** A tenant kind as a path segment of `/platform/tenants/{kind}/{slug}`. */
export type TenantKinds = 'clubs' | 'partners';

export function tenantKinds(kind: TenantKind): TenantKinds {
  return kind === 'club' ? 'clubs' : 'partners';
}

/** `PassportTotp` */
export interface PassportTotp {
  otpauthUri: string;
  secret: string;
  digits: number;
  periodSeconds: number;
}

const JSON_ACCEPT = 'application/json, application/problem+json';

function clubPath(club: string): string {
  return `/clubs/${encodeURIComponent(club)}`;
}

function webhookPath(owner: WebhookOwner): string {
  return `/${owner.kind}/${encodeURIComponent(owner.slug)}/webhook-endpoints`;
}

function partnerPath(partner: string): string {
  return `/partners/${encodeURIComponent(partner)}`;
}

function tenantPath(kinds: TenantKinds, slug: string): string {
  return `/platform/tenants/${kinds}/${encodeURIComponent(slug)}`;
}

function queryString(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function createApi(options: ApiClientOptions = {}): BloomApi {
  const baseUrl = options.baseUrl ?? '/api/v1';

  async function send(
    path: string,
    accept: string,
    authenticated: boolean,
    request: RequestOptions = {},
    method = 'GET',
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const headers = new Headers({ Accept: accept, ...extraHeaders });
    const raw = body instanceof Blob;
    if (body !== undefined) headers.set('Content-Type', raw ? 'text/csv' : 'application/json');
    if (authenticated) {
      const token = options.accessToken ? await options.accessToken() : null;
      if (!token) {
        throw new ApiError({
          type: 'about:blank',
          title: 'Требуется вход',
          status: 401,
          detail: 'Сессия истекла или вход не выполнен.',
        });
      }
      headers.set('Authorization', `Bearer ${token}`);
    }
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : raw ? body : JSON.stringify(body),
        signal: request.signal ?? null,
        credentials: 'omit',
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw new ApiError({
        type: 'about:blank',
        title: 'Сервер недоступен',
        status: 0,
        detail: 'Проверьте подключение к интернету и повторите попытку.',
      });
    }
    if (!response.ok) throw new ApiError(await readProblem(response));
    return response;
  }

  async function getJson<T>(path: string, authenticated: boolean, request?: RequestOptions) {
    return sendJson<T>('GET', path, authenticated, undefined, request);
  }

  async function sendJson<T>(
    method: string,
    path: string,
    authenticated: boolean,
    body: unknown,
    request?: RequestOptions,
  ): Promise<T> {
    const response = await send(path, JSON_ACCEPT, authenticated, request, method, body);
    if (!(response.headers.get('Content-Type') ?? '').includes('json')) {
      throw new ApiError({
        type: 'about:blank',
        title: 'Неожиданный ответ сервера',
        status: response.status,
        detail: `${path} ответил не JSON.`,
      });
    }
    return (await response.json()) as T;
  }

  /** A POST that creates or moves value: JSON in and out, with its `Idempotency-Key`. */
  async function sendKeyed<T>(
    path: string,
    idempotencyKey: string,
    body: unknown,
    request?: RequestOptions,
  ): Promise<T> {
    const response = await send(path, JSON_ACCEPT, true, request, 'POST', body, {
      'Idempotency-Key': idempotencyKey,
    });
    return (await response.json()) as T;
  }

  return {
    getClubSignInInfo: (club, request) =>
      getJson<ClubSignInInfo>(`/public/clubs/${encodeURIComponent(club)}`, false, request),
    getMyCabinet: (request) => getJson<MemberCabinet>('/me', true, request),
    listPublicConsents: (club, request) =>
      getJson<ConsentDocument[]>(
        `/public/clubs/${encodeURIComponent(club)}/consents`,
        false,
        request,
      ),
    claimCounterRegistration: (claim, request) =>
      sendJson<ClaimedRegistration>('POST', '/me/counter-registrations', true, claim, request),
    joinClub: (join, request) =>
      sendJson<OnlineMembership>('POST', '/me/membership', true, join, request),
    acceptStaffInvitation: (token, request) =>
      sendJson<AcceptedStaffInvitation>('POST', '/me/staff-invitations', true, { token }, request),
    listMyPurchases: (page, request) => {
      const query = new URLSearchParams();
      if (page.limit !== undefined) query.set('limit', String(page.limit));
      if (page.cursor !== undefined) query.set('cursor', page.cursor);
      const search = query.toString();
      return getJson<MemberPurchasePage>(
        `/me/purchases${search ? `?${search}` : ''}`,
        true,
        request,
      );
    },
    requestRedemptionCode: async (request) => {
      const response = await send('/me/redemption-code', JSON_ACCEPT, true, request, 'POST');
      return (await response.json()) as RedemptionCode;
    },
    answerConsent: async (answer, request) => {
      await send('/me/consents', JSON_ACCEPT, true, request, 'POST', answer);
    },
    listMyInvitations: (request) => getJson<MemberInvitations>('/me/invitations', true, request),
    respondToInvitation: async (invitationId, answer, request) => {
      const response = await send(
        `/me/invitations/${encodeURIComponent(invitationId)}/${answer}`,
        JSON_ACCEPT,
        true,
        request,
        'POST',
      );
      return (await response.json()) as Invitation;
    },
    sendRedemptionCodeByEmail: async (request) => {
      const response = await send(
        '/me/redemption-code?delivery=email',
        JSON_ACCEPT,
        true,
        request,
        'POST',
      );
      return (await response.json()) as RedemptionCode;
    },
    getPassportTotp: async (request) => {
      try {
        return await getJson<PassportTotp>('/me/passport/totp', true, request);
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return null;
        throw error;
      }
    },
    enrolPassportTotp: async (request) => {
      const response = await send('/me/passport/totp', JSON_ACCEPT, true, request, 'POST');
      return (await response.json()) as PassportTotp;
    },
    disablePassportTotp: async (request) => {
      await send('/me/passport/totp', JSON_ACCEPT, true, request, 'DELETE');
    },
    listEarningRules: (club, request) =>
      getJson<EarningRuleSet>(`${clubPath(club)}/rules`, true, request),
    readEarningRules: async (club, request) => {
      const response = await send(`${clubPath(club)}/rules`, JSON_ACCEPT, true, request);
      return {
        set: (await response.json()) as EarningRuleSet,
        revision: response.headers.get('ETag'),
      };
    },
    defineEarningRules: async (club, set, request, ifMatch) => {
      const response = await send(
        `${clubPath(club)}/rules`,
        JSON_ACCEPT,
        true,
        request,
        'PUT',
        set,
        ifMatch ? { 'If-Match': ifMatch } : {},
      );
      return (await response.json()) as EarningRuleSet;
    },
    simulateEarning: (club, body, request) =>
      sendJson<EarningSimulation>('POST', `${clubPath(club)}/rules/simulate`, true, body, request),
    listCategories: (club, request) =>
      getJson<Category[]>(`${clubPath(club)}/categories`, true, request),
    listTiers: (club, request) => getJson<Tier[]>(`${clubPath(club)}/tiers`, true, request),
    defineTiers: (club, tiers, request) =>
      sendJson<Tier[]>('PUT', `${clubPath(club)}/tiers`, true, tiers, request),
    getTierPolicy: (club, request) =>
      getJson<TierPolicy>(`${clubPath(club)}/tier-policy`, true, request),
    setTierPolicy: (club, policy, request) =>
      sendJson<TierPolicy>('PUT', `${clubPath(club)}/tier-policy`, true, policy, request),
    listCurrencies: (club, request) =>
      getJson<Currency[]>(`${clubPath(club)}/currencies`, true, request),
    defineCurrencies: (club, currencies, request) =>
      sendJson<Currency[]>('PUT', `${clubPath(club)}/currencies`, true, currencies, request),
    getLedgerPolicy: (club, request) =>
      getJson<LedgerPolicy>(`${clubPath(club)}/ledger-policy`, true, request),
    setLedgerPolicy: (club, policy, request) =>
      sendJson<LedgerPolicy>('PUT', `${clubPath(club)}/ledger-policy`, true, policy, request),
    getPlatformSignInInfo: (request) =>
      getJson<PlatformSignInInfo>('/public/platform', false, request),
    listPlans: (request) => getJson<Plan[]>('/plans', false, request),
    listTenants: (query, request) =>
      getJson<TenantPage>(
        `/platform/tenants${queryString({
          kind: query.kind,
          status: query.status,
          q: query.q,
          limit: query.limit,
          cursor: query.cursor,
        })}`,
        true,
        request,
      ),
    getTenant: (kinds, slug, request) =>
      getJson<TenantSummary>(tenantPath(kinds, slug), true, request),
    suspendTenant: (kinds, slug, reason, request) =>
      sendJson<TenantSummary>(
        'PUT',
        `${tenantPath(kinds, slug)}/suspension`,
        true,
        { reason },
        request,
      ),
    resumeTenant: (kinds, slug, request) =>
      sendJson<TenantSummary>(
        'DELETE',
        `${tenantPath(kinds, slug)}/suspension`,
        true,
        undefined,
        request,
      ),
    getTenantSubscription: (kinds, slug, request) =>
      getJson<Subscription>(`${tenantPath(kinds, slug)}/subscription`, true, request),
    changeTenantSubscription: (kinds, slug, update, request) =>
      sendJson<Subscription>(
        'PUT',
        `${tenantPath(kinds, slug)}/subscription`,
        true,
        update,
        request,
      ),
    listSignUps: (query, request) =>
      getJson<SignUpProgress[]>(
        `/platform/signups${queryString({ status: query.status, limit: query.limit })}`,
        true,
        request,
      ),
    resumeSignUp: (id, request) =>
      sendJson<SignUpProgress>(
        'POST',
        `/platform/signups/${encodeURIComponent(id)}/resume`,
        true,
        undefined,
        request,
      ),
    uploadCsvImport: async (partner, file, fileName, request) => {
      const response = await send(
        `${partnerPath(partner)}/imports${queryString({ fileName })}`,
        JSON_ACCEPT,
        true,
        request,
        'POST',
        file,
      );
      return (await response.json()) as CsvImport;
    },
    listCsvImports: async (partner, request) =>
      (
        await getJson<{ items: CsvImport[] }>(
          `${partnerPath(partner)}/imports?limit=20`,
          true,
          request,
        )
      ).items,
    getCsvImport: (partner, id, request) =>
      getJson<CsvImport>(
        `${partnerPath(partner)}/imports/${encodeURIComponent(id)}`,
        true,
        request,
      ),
    downloadCsvImportRejections: async (partner, id, request) =>
      (
        await send(
          `${partnerPath(partner)}/imports/${encodeURIComponent(id)}/rejections.csv`,
          'text/csv, application/problem+json',
          true,
          request,
        )
      ).blob(),
    getImportMapping: (partner, request) =>
      getJson<ImportMapping>(`${partnerPath(partner)}/import-mapping`, true, request),
    putImportMapping: (partner, mapping, request) =>
      sendJson<ImportMapping>(
        'PUT',
        `${partnerPath(partner)}/import-mapping`,
        true,
        mapping,
        request,
      ),
    listPartnerClubs: (partner, request) =>
      getJson<PartnershipDetails[]>(`${partnerPath(partner)}/clubs`, true, request),
    redeemPartnerInvitation: (partner, code, request) =>
      sendJson<PartnershipDetails>(
        'POST',
        `${partnerPath(partner)}/clubs`,
        true,
        { code },
        request,
      ),
    listPartnerJoinRequests: async (partner, request) =>
      (
        await getJson<{ items: JoinRequest[] }>(
          `${partnerPath(partner)}/join-requests?limit=100`,
          true,
          request,
        )
      ).items,
    requestToJoinClub: (partner, body, request) =>
      sendJson<JoinRequest>('POST', `${partnerPath(partner)}/join-requests`, true, body, request),
    listPartnerApiKeys: (partner, request) =>
      getJson<ApiKey[]>(`${partnerPath(partner)}/api-keys`, true, request),
    createPartnerApiKey: (partner, body, request) =>
      sendJson<IssuedApiKey>('POST', `${partnerPath(partner)}/api-keys`, true, body, request),
    rotatePartnerApiKey: (partner, id, overlapHours, request) =>
      sendJson<ApiKeyRotation>(
        'POST',
        `${partnerPath(partner)}/api-keys/${encodeURIComponent(id)}/rotation`,
        true,
        { overlapHours },
        request,
      ),
    revokePartnerApiKey: async (partner, id, request) => {
      await send(
        `${partnerPath(partner)}/api-keys/${encodeURIComponent(id)}`,
        JSON_ACCEPT,
        true,
        request,
        'DELETE',
      );
    },
    listWebhookEndpoints: (owner, request) =>
      getJson<WebhookEndpoint[]>(webhookPath(owner), true, request),
    createWebhookEndpoint: (owner, body, request) =>
      sendJson<WebhookEndpointWithSecret>('POST', webhookPath(owner), true, body, request),
    rotateWebhookSecret: (owner, id, graceHours, request) =>
      sendJson<WebhookEndpointWithSecret>(
        'POST',
        `${webhookPath(owner)}/${encodeURIComponent(id)}/rotation`,
        true,
        { graceHours },
        request,
      ),
    setWebhookEndpointEnabled: (owner, id, enabled, request) =>
      sendJson<WebhookEndpoint>(
        'POST',
        `${webhookPath(owner)}/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`,
        true,
        undefined,
        request,
      ),
    deleteWebhookEndpoint: async (owner, id, request) => {
      await send(
        `${webhookPath(owner)}/${encodeURIComponent(id)}`,
        JSON_ACCEPT,
        true,
        request,
        'DELETE',
      );
    },
    listWebhookMessages: (owner, id, request) =>
      getJson<WebhookMessage[]>(
        `${webhookPath(owner)}/${encodeURIComponent(id)}/messages?limit=50`,
        true,
        request,
      ),
    getWebhookMessage: (owner, id, message, request) =>
      getJson<WebhookMessageDetail>(
        `${webhookPath(owner)}/${encodeURIComponent(id)}/messages/${encodeURIComponent(message)}`,
        true,
        request,
      ),
    redeliverWebhookMessage: (owner, id, message, request) =>
      sendJson<WebhookMessage>(
        'POST',
        `${webhookPath(owner)}/${encodeURIComponent(id)}/messages/${encodeURIComponent(message)}/redelivery`,
        true,
        undefined,
        request,
      ),
    listPartnerStaff: (partner, request) =>
      getJson<StaffMember[]>(`${partnerPath(partner)}/staff`, true, request),
    invitePartnerStaff: (partner, email, role, request) =>
      sendJson<StaffMember>(
        'POST',
        `${partnerPath(partner)}/staff`,
        true,
        { email, role },
        request,
      ),
    changePartnerStaffRole: (partner, id, role, request) =>
      sendJson<StaffMember>(
        'PUT',
        `${partnerPath(partner)}/staff/${encodeURIComponent(id)}`,
        true,
        { role },
        request,
      ),
    removePartnerStaff: async (partner, id, request) => {
      await send(
        `${partnerPath(partner)}/staff/${encodeURIComponent(id)}`,
        JSON_ACCEPT,
        true,
        request,
        'DELETE',
      );
    },
    lookupMember: (passportCode, request) =>
      getJson<MemberCard>(`/members/lookup${queryString({ passportCode })}`, true, request),
    postPurchase: (key, purchase, request) =>
      sendKeyed<PurchaseResult>('/purchases', key, purchase, request),
    postRefund: (key, refund, request) => sendKeyed<RefundResult>('/refunds', key, refund, request),
    postRedemption: (key, redemption, request) =>
      sendKeyed<RedemptionResult>('/redemptions', key, redemption, request),
    registerAtCounter: (club, key, registration, request) =>
      sendKeyed<CounterRegistrationResult>(
        `${clubPath(club)}/counter-registrations`,
        key,
        registration,
        request,
      ),
    getPartnerSubscription: (partner, request) =>
      getJson<Subscription>(`${partnerPath(partner)}/subscription`, true, request),
    changePartnerPlan: (partner, change, request) =>
      sendJson<Subscription>('PUT', `${partnerPath(partner)}/subscription`, true, change, request),
    getMyPassportQr: async (request) => {
      const response = await send('/me/passport/qr', 'image/svg+xml', true, request);
      const blob = await response.blob();
      // An <img> only renders SVG from a blob whose type says so.
      return blob.type === 'image/svg+xml' ? blob : new Blob([blob], { type: 'image/svg+xml' });
    },
  };
}

const STATUS_TITLES: Record<number, string> = {
  401: 'Требуется вход',
  403: 'Доступ запрещён',
  404: 'Не найдено',
  502: 'Сервер недоступен',
  503: 'Сервер недоступен',
  504: 'Сервер недоступен',
};

export async function readProblem(response: Response): Promise<Problem> {
  // What to show when the answer is not problem+json (a proxy's error page, say).
  const fallback: Problem = {
    type: 'about:blank',
    title: STATUS_TITLES[response.status] ?? 'Ошибка сервера',
    status: response.status,
    detail: `HTTP ${response.status} ${response.statusText}`.trim(),
  };
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem> | null;
    if (body && typeof body.title === 'string') {
      return { ...fallback, ...body, status: body.status ?? response.status };
    }
  } catch {
    // Not JSON after all: the status line is all we have.
  }
  return fallback;
}

/** Any failure as a problem, for showing it the same way as the API's own errors. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return {
    type: 'about:blank',
    title: 'Что-то пошло не так',
    status: 0,
    detail: error instanceof Error ? error.message : String(error),
  };
}
