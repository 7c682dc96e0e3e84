/**
 * Signing a member in to a club: OIDC authorization code + PKCE against the club's own Keycloak
 * realm, through oidc-client-ts; and an operator in to the platform realm the same way. The signed-in user lives in sessionStorage (the library's default),
 * one entry per realm and client, so a session in one club never leaks into another.
 *
 * The identity provider sends the member back to the portal's root (`${origin}/`), the one redirect
 * URI every club's client registers; the club the member came from travels in the sign-in state.
 */
import { ErrorResponse, OidcClient, UserManager, type User } from 'oidc-client-ts';
import type { ClubSignInInfo, PlatformSignInInfo, Problem } from '../../lib/api';

export interface ClubSession {
  /** The signed-in member with a usable access token, or null. */
  currentUser: () => Promise<User | null>;
  accessToken: () => Promise<string | null>;
  /** Leaves the page for the club's login screen. */
  signIn: () => Promise<void>;
  /** Leaves the page for the realm's registration screen (`prompt=create`): joining the club. */
  register: () => Promise<void>;
  /** Asks for a new access token now (e.g. after a role was granted), without leaving the page. */
  renew: () => Promise<void>;
  /** Ends the session at the identity provider too, and comes back to the club's page. */
  signOut: () => Promise<void>;
}

/** What the member brings back from the identity provider, stored with the sign-in request. */
interface ReturnState {
  /** Absent for the platform realm (the operator's console). */
  club?: string;
  /** The portal page (hash route) the sign-in or sign-out started from: cabinet or console. */
  page?: string;
}

export interface ReturnFromProvider {
  /** The club whose page the member started from, when known. */
  club: string | null;
  /** The hash route of that page (`#/c/<club>/console`), when known; the caller checks it. */
  page: string | null;
  /** Why the sign-in did not complete, when it did not. */
  problem?: Problem;
}

function redirectUri(): string {
  return `${window.location.origin}/`;
}

const managers = new Map<string, UserManager>();

function userManager(authority: string, clientId: string): UserManager {
  const key = `${authority} ${clientId}`;
  let manager = managers.get(key);
  if (!manager) {
    manager = new UserManager({
      authority,
      client_id: clientId,
      redirect_uri: redirectUri(),
      post_logout_redirect_uri: redirectUri(),
      response_type: 'code',
      scope: 'openid profile email',
    });
    manager.events.addSilentRenewError((error) => {
      console.warn('Bloom: could not renew the access token', error);
    });
    managers.set(key, manager);
  }
  return manager;
}

export function createClubSession(club: ClubSignInInfo): ClubSession {
  // Read when leaving, so the person comes back to the page they left from.
  return createSession(club.issuer, club.clientId, () => ({
    club: club.slug,
    page: window.location.hash,
  }));
}

/** The operator's session in the platform realm; it comes back to the console page left from. */
export function createPlatformSession(platform: PlatformSignInInfo): ClubSession {
  return createSession(platform.issuer, platform.clientId, () => ({
    page: window.location.hash,
  }));
}

function createSession(
  authority: string,
  clientId: string,
  returnState: () => ReturnState,
): ClubSession {
  const manager = userManager(authority, clientId);

  async function currentUser(): Promise<User | null> {
    const user = await manager.getUser();
    if (!user) return null;
    if (!user.expired) return user;
    // Without network the session cannot be renewed now; keep it (the cashier's terminal takes
    // purchases offline and sends them once the network, and with it a fresh token, is back).
    if (!navigator.onLine) return user;
    if (user.refresh_token) {
      try {
        return await manager.signinSilent();
      } catch (error) {
        console.warn('Bloom: the session could not be refreshed', error);
      }
    }
    await manager.removeUser();
    return null;
  }

  return {
    currentUser,
    accessToken: async () => (await currentUser())?.access_token ?? null,
    signIn: async () => {
      await manager.removeUser();
      await manager.clearStaleState();
      await manager.signinRedirect({ state: returnState() });
    },
    register: async () => {
      await manager.removeUser();
      await manager.clearStaleState();
      await manager.signinRedirect({ state: returnState(), prompt: 'create' });
    },
    renew: async () => {
      await manager.signinSilent();
    },
    signOut: () => manager.signoutRedirect({ state: returnState() }),
  };
}

/**
 * Finishes a redirect back from the identity provider, if this page load is one: exchanges the
 * code for tokens (sign-in) or just reads which club to return to (sign-out). Returns null on an
 * ordinary page load. The caller then removes the query and shows the club's page.
 */
export async function completeRedirect(): Promise<ReturnFromProvider | null> {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('state')) return null;

  // The stored request state says which realm and client it was made for, so the response can
  // be read before knowing the club; the settings of this reader are not used for that.
  const reader = new OidcClient({
    authority: window.location.origin,
    client_id: 'bloom-portal',
    redirect_uri: redirectUri(),
  });

  if (params.has('code') || params.has('error')) {
    let club: string | null = null;
    let page: string | null = null;
    try {
      const { state } = await reader.readSigninResponseState(window.location.href);
      club = stringIn(state.data, 'club');
      page = stringIn(state.data, 'page');
      const user = await userManager(state.authority, state.client_id).signinRedirectCallback(
        window.location.href,
      );
      return {
        club: stringIn(user.state, 'club') ?? club,
        page: stringIn(user.state, 'page') ?? page,
      };
    } catch (error) {
      return { club, page, problem: signInProblem(error) };
    }
  }

  try {
    const { state } = await reader.readSignoutResponseState(window.location.href, true);
    return { club: stringIn(state?.data, 'club'), page: stringIn(state?.data, 'page') };
  } catch {
    return { club: null, page: null };
  }
}

function stringIn(data: unknown, key: 'club' | 'page'): string | null {
  if (typeof data === 'object' && data !== null && key in data) {
    const value = (data as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : null;
  }
  return null;
}

function signInProblem(error: unknown): Problem {
  if (error instanceof ErrorResponse) {
    return {
      type: 'about:blank',
      title: error.error === 'access_denied' ? 'Вход отменён' : 'Не удалось войти',
      status: 401,
      detail: error.error_description ?? error.error ?? error.message,
    };
  }
  return {
    type: 'about:blank',
    title: 'Не удалось войти',
    status: 401,
    detail: error instanceof Error ? error.message : String(error),
  };
}
