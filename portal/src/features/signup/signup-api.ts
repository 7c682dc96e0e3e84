/**
 * The public sign-up endpoints (no login): the link's token is the only credential of the progress
 * and of a partner's first key, sent in the `Signup-Token` header.
 */
import { ApiError, readProblem } from '../../lib/api';

export interface SignUpRequest {
  kind: 'club' | 'partner';
  slug: string;
  name: string;
  adminEmail: string;
  plan: string;
  acceptTerms?: boolean;
  termsVersion?: string;
}

export interface SignUpAccepted {
  id: string;
  sentTo: string;
  linkExpiresAt: string;
  repeated: boolean;
}

export interface SignUpStep {
  step:
    | 'registered'
    | 'schema-migrated'
    | 'identity-created'
    | 'admin-invited'
    | 'plan-assigned'
    | 'activated';
  state: 'done' | 'running' | 'failed' | 'pending';
}

export interface SignUpProgress {
  id: string;
  kind: 'club' | 'partner';
  slug: string;
  name: string;
  status: 'awaiting-verification' | 'provisioning' | 'ready' | 'expired';
  adminEmail: string;
  steps: SignUpStep[];
  attempts: number;
  /** Why the last attempt failed: a code worded by `failureReason`. */
  lastError?: string;
  /** The log entry's reference, for support. */
  lastErrorReference?: string;
  firstKeyAvailable: boolean;
}

export interface IssuedApiKey {
  key: string;
  prefix: string;
  scopes: string[];
}

const BASE = '/api/v1/signups';

async function call<T>(
  path: string,
  init: { method: string; body?: unknown; token?: string; signal?: AbortSignal },
): Promise<T> {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  if (init.token) headers.set('Signup-Token', init.token);
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: init.method,
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
      credentials: 'omit',
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Сервер недоступен',
      status: 0,
      detail: 'Проверьте подключение к интернету и повторите попытку.',
    });
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  return (await response.json()) as T;
}

export const signUpApi = {
  terms: (signal?: AbortSignal) =>
    call<{ version: string; url: string }>('/terms', { method: 'GET', signal }),
  apply: (request: SignUpRequest, signal?: AbortSignal) =>
    call<SignUpAccepted>('', { method: 'POST', body: request, signal }),
  verify: (token: string, signal?: AbortSignal) =>
    call<SignUpProgress>('/verification', { method: 'POST', body: { token }, signal }),
  progress: (token: string, signal?: AbortSignal) =>
    call<SignUpProgress>('/progress', { method: 'GET', token, signal }),
  firstKey: (token: string, signal?: AbortSignal) =>
    call<IssuedApiKey>('/first-api-key', { method: 'POST', token, signal }),
};
