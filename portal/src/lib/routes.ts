/** The portal's addresses. Hash routes, so the server needs no fallback for deep links. */

export type Route =
  | { name: 'landing' }
  | { name: 'club'; club: string }
  | { name: 'console'; club: string }
  | { name: 'confirm'; club: string; token: string }
  | { name: 'signup' }
  | { name: 'signup-verify'; token: string }
  | { name: 'ops'; tab: OpsTab }
  | { name: 'ops-tenant'; kinds: 'clubs' | 'partners'; slug: string }
  | { name: 'partner-console'; partner: string }
  | { name: 'terminal'; partner: string | null }
  | { name: 'staff-invitation'; kind: 'club' | 'partner'; slug: string; token: string }
  | { name: 'not-found' };

/** The operator's console: the tenants, or the sign-ups. */
export type OpsTab = 'tenants' | 'signups';

const OPS_TENANT_ROUTE = /^\/ops\/tenants\/(clubs|partners)\/([a-z][a-z0-9-]{1,38}[a-z0-9])\/?$/;

/** The partner's console: `#/p/<partner>/console`. */
const PARTNER_CONSOLE_ROUTE = /^\/p\/([a-z][a-z0-9-]{1,38}[a-z0-9])\/console\/?$/;

/**
 * The cashier's terminal: `#/t/<partner>`; `#/t` alone (the installed app's start page) opens the
 * terminal used last on this device.
 */
const TERMINAL_ROUTE = /^\/t(?:\/([a-z][a-z0-9-]{1,38}[a-z0-9]))?\/?$/;

const SIGNUP_VERIFY_ROUTE = /^\/signup\/verify\/([A-Za-z0-9_-]{43})\/?$/;

/**
 * A staff invitation mailed to a login that existed before it: `#/c/<club>/staff-invitation/<token>`
 * (signed in to the club's realm) or `#/p/<partner>/staff-invitation/<token>` (the platform realm).
 */
const STAFF_INVITATION_ROUTE =
  /^\/(c|p)\/([a-z][a-z0-9-]{1,38}[a-z0-9])\/staff-invitation\/([A-Za-z0-9_-]{43})\/?$/;

/** The link a member registered at a partner's counter opens: `#/c/<club>/confirm/<token>`. */
const CONFIRM_ROUTE = /^\/c\/([a-z][a-z0-9-]{1,38}[a-z0-9])\/confirm\/([A-Za-z0-9_-]{43})\/?$/;

/** The `Slug` pattern of the contract, then the page within the club. */
const CLUB_ROUTE = /^\/c\/([a-z][a-z0-9-]{1,38}[a-z0-9])(\/console)?\/?$/;

export const DEMO_CLUB = 'bloom-care';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { name: 'landing' };
  if (path === '/signup' || path === '/signup/') return { name: 'signup' };
  if (path === '/ops' || path === '/ops/' || path === '/ops/tenants') {
    return { name: 'ops', tab: 'tenants' };
  }
  if (path === '/ops/signups') return { name: 'ops', tab: 'signups' };
  const tenant = OPS_TENANT_ROUTE.exec(path);
  if (tenant?.[1] && tenant[2]) {
    return { name: 'ops-tenant', kinds: tenant[1] as 'clubs' | 'partners', slug: tenant[2] };
  }
  const partner = PARTNER_CONSOLE_ROUTE.exec(path)?.[1];
  if (partner) return { name: 'partner-console', partner };
  const terminal = TERMINAL_ROUTE.exec(path);
  if (terminal) return { name: 'terminal', partner: terminal[1] ?? null };
  const token = SIGNUP_VERIFY_ROUTE.exec(path)?.[1];
  if (token) return { name: 'signup-verify', token };
  const invitation = STAFF_INVITATION_ROUTE.exec(path);
  if (invitation?.[1] && invitation[2] && invitation[3]) {
    return {
      name: 'staff-invitation',
      kind: invitation[1] === 'c' ? 'club' : 'partner',
      slug: invitation[2],
      token: invitation[3],
    };
  }
  const confirm = CONFIRM_ROUTE.exec(path);
  if (confirm?.[1] && confirm[2]) return { name: 'confirm', club: confirm[1], token: confirm[2] };
  const match = CLUB_ROUTE.exec(path);
  const club = match?.[1];
  if (!club) return { name: 'not-found' };
  return match[2] ? { name: 'console', club } : { name: 'club', club };
}

export function clubHref(club: string): string {
  return `#/c/${encodeURIComponent(club)}`;
}

/** The club console: rules, preview, tiers, currencies and policies, for the club's staff. */
export function consoleHref(club: string): string {
  return `${clubHref(club)}/console`;
}

export const LANDING_HREF = '#/';

export const SIGNUP_HREF = '#/signup';

/** The operator's console (platform realm, role `platform-operator`). */
export function opsHref(tab: OpsTab = 'tenants'): string {
  return tab === 'tenants' ? '#/ops' : `#/ops/${tab}`;
}

/** One tenant in the operator's console. */
export function opsTenantHref(kinds: 'clubs' | 'partners', slug: string): string {
  return `#/ops/tenants/${kinds}/${encodeURIComponent(slug)}`;
}

/** The partner's console (platform realm, the partner's organization). */
export function partnerConsoleHref(partner: string): string {
  return `#/p/${encodeURIComponent(partner)}/console`;
}

/** The cashier's terminal of a partner (platform realm, role `cashier`). */
export function terminalHref(partner: string): string {
  return `#/t/${encodeURIComponent(partner)}`;
}

/**
 * Whether a hash route is a page of the platform realm: the operator's or a partner's console, or
 * a partner's staff invitation, or the cashier's terminal.
 */
export function isOpsRoute(route: Route): boolean {
  return (
    route.name === 'ops' ||
    route.name === 'ops-tenant' ||
    route.name === 'partner-console' ||
    route.name === 'terminal' ||
    (route.name === 'staff-invitation' && route.kind === 'partner')
  );
}
