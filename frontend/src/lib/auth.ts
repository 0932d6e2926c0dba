import type { Middleware } from 'openapi-fetch';
import { useSyncExternalStore } from 'react';
import type { components, operations } from '@/api/schema';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';

type TokenResponse = components['schemas']['TokenResponse'];
type FormBody<Operation extends 'createToken' | 'signOut'> = NonNullable<
  operations[Operation]['requestBody']
>['content']['application/x-www-form-urlencoded'];

/** Why the last session ended. */
export type SessionEndReason =
  /** The person signed out. */
  | 'signed-out'
  /** The server refused to renew it: expired, revoked, signed out elsewhere, account disabled. */
  | 'expired'
  /** The password was changed but signing in with the new one failed. */
  | 'password-changed';

export type Session =
  { status: 'signed-in' } | { status: 'signed-out'; reason: SessionEndReason | null };

export type Credentials = { username: string; password: string };

const tokenPath = '/api/v1/auth/token';
const signOutPath = '/api/v1/auth/sign-out';
/** Renew the access token this long before it expires, so that requests do not race its expiry. */
const renewMarginMs = 30_000;
const storageKey = 'auth.refresh';

type RefreshToken = { token: string; expiresAt: number | null };

const signedIn: Session = { status: 'signed-in' };

// The access token lives in memory only: nothing in storage for a script to read, gone with the page.
let accessToken: string | null = null;
let renewAt = 0;
// The refresh token is also kept in sessionStorage: a reload in the same tab stays signed in,
// closing the tab signs out.
let refreshToken: RefreshToken | null = readStoredRefreshToken();
let session: Session = refreshToken ? signedIn : { status: 'signed-out', reason: null };
/** Changes whenever a sign-in begins or ends, so that an answer for an earlier one is dropped. */
let generation = 0;
let refreshing: Promise<void> | null = null;
/** Set while a call that revokes every token runs and the account signs in again. */
let replacing: Promise<void> | null = null;
const listeners = new Set<() => void>();

function readStoredRefreshToken(): RefreshToken | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return null;
    const { token, expiresAt } = stored as Partial<RefreshToken>;
    if (typeof token !== 'string' || token === '') return null;
    if (typeof expiresAt === 'number' && expiresAt <= Date.now()) return null;
    return { token, expiresAt: typeof expiresAt === 'number' ? expiresAt : null };
  } catch {
    // Unreadable or blocked storage: start signed out.
    return null;
  }
}

function storeRefreshToken(value: RefreshToken | null) {
  try {
    if (value) sessionStorage.setItem(storageKey, JSON.stringify(value));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage blocked (privacy modes): the session still works until the page is reloaded.
  }
}

function setSession(next: Session) {
  if (next === session) return;
  session = next;
  for (const listener of listeners) listener();
}

function begin(tokens: TokenResponse) {
  if (!tokens.access_token || !tokens.refresh_token) {
    throw new ApiError(200, 'auth.no-token', i18n.t('errors.unexpected'));
  }
  const now = Date.now();
  const lifetimeMs = (tokens.expires_in ?? 0) * 1000;
  accessToken = tokens.access_token;
  // Without a lifetime, the token is used until the server refuses it. A short-lived one is
  // renewed halfway through rather than before every request.
  renewAt = lifetimeMs > 0 ? now + Math.max(lifetimeMs - renewMarginMs, lifetimeMs / 2) : Infinity;
  refreshToken = {
    token: tokens.refresh_token,
    expiresAt: tokens.refresh_expires_in ? now + tokens.refresh_expires_in * 1000 : null,
  };
  storeRefreshToken(refreshToken);
  setSession(signedIn);
}

function end(reason: SessionEndReason) {
  generation++;
  accessToken = null;
  renewAt = 0;
  refreshToken = null;
  storeRefreshToken(null);
  setSession({ status: 'signed-out', reason });
}

/** OAuth 2.0 endpoints take form-encoded bodies. */
function formBody(body: Record<string, string | undefined> | undefined): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body ?? {})) {
    if (value !== undefined) form.set(name, value);
  }
  return form.toString();
}

const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };

function requestTokens(body: FormBody<'createToken'>): Promise<TokenResponse> {
  return unwrap(
    apiClient.POST(tokenPath, { body, bodySerializer: formBody, headers: formHeaders }),
  );
}

async function revoke(token: string): Promise<void> {
  const body: FormBody<'signOut'> = { refresh_token: token };
  try {
    await unwrap(
      apiClient.POST(signOutPath, { body, bodySerializer: formBody, headers: formHeaders }),
    );
  } catch {
    // Nothing to do: the token is gone from this browser and expires on the server by itself.
  }
}

/** Signs in with a user name and password; rejects with the ApiError of a refusal. */
export async function signIn(username: string, password: string): Promise<void> {
  const tokens = await requestTokens({ grant_type: 'password', username, password });
  generation++;
  begin(tokens);
}

/** Ends the session here at once, then asks the server to revoke it; never rejects. */
export async function signOut(): Promise<void> {
  const token = refreshToken?.token;
  end('signed-out');
  if (token) await revoke(token);
}

async function exchangeRefreshToken(): Promise<void> {
  const current = refreshToken;
  const started = generation;
  if (!current) return;
  let tokens: TokenResponse;
  try {
    tokens = await requestTokens({ grant_type: 'refresh_token', refresh_token: current.token });
  } catch (error) {
    const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
    // A network failure or server error says nothing about the sign-in: keep it, fail this request.
    if (!refused) throw error;
    if (started === generation) end('expired');
    return;
  }
  if (started !== generation) {
    // Signed out (or in as someone else) meanwhile: the new tokens belong to nobody.
    if (tokens.refresh_token) void revoke(tokens.refresh_token);
    return;
  }
  begin(tokens);
}

/**
 * Trades the refresh token for new tokens. Refresh tokens are single-use, so concurrent callers
 * share one exchange rather than each presenting the same token.
 */
function refreshTokens(): Promise<void> {
  refreshing ??= exchangeRefreshToken().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * An access token to send: the current one, or a renewed one when it is missing (after a reload),
 * about to expire, or the one the server just `rejected`. Null without a session.
 */
async function usableAccessToken(rejected?: string): Promise<string | null> {
  // Every token is being revoked and replaced; the old ones would only end the session.
  while (replacing) await replacing;
  if (accessToken && accessToken !== rejected && Date.now() < renewAt) return accessToken;
  if (!refreshToken) return null;
  await refreshTokens();
  return accessToken;
}

/**
 * Runs `revoke`, a call that ends every sign-in of the account (changing the own password), then
 * signs in again with `credentials`. Meanwhile other requests wait instead of presenting revoked
 * tokens. `revoke` gets the Authorization header value to send itself.
 */
export async function replaceSession(
  revoke: (authorization: string) => Promise<void>,
  credentials: Credentials,
): Promise<void> {
  if (refreshing) await refreshing.catch(() => undefined);
  const token = await usableAccessToken();
  if (!token) throw new ApiError(401, 'auth.unauthenticated', i18n.t('errors.unauthorized'));
  let done = () => {};
  replacing = new Promise<void>((resolve) => (done = resolve));
  try {
    try {
      await revoke(`Bearer ${token}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) end('expired');
      throw error;
    }
    try {
      await signIn(credentials.username, credentials.password);
    } catch (error) {
      end('password-changed');
      throw error;
    }
  } finally {
    replacing = null;
    done();
  }
}

/** What each request was sent with, to retry it once after a 401. */
const sent = new Map<string, { token: string; retry: Request }>();

/**
 * Adds the access token to every API request (except the sign-in endpoints, and requests that
 * bring their own Authorization) and, when the server answers 401, renews it and retries once.
 */
const authMiddleware: Middleware = {
  async onRequest({ request, schemaPath, id }) {
    if (schemaPath === tokenPath || schemaPath === signOutPath) return;
    if (request.headers.has('Authorization')) return;
    const token = await usableAccessToken();
    if (!token) return;
    request.headers.set('Authorization', `Bearer ${token}`);
    // Cloned before sending: a sent request's body cannot be read again.
    sent.set(id, { token, retry: request.clone() });
    return request;
  },
  async onResponse({ response, id, options }) {
    const request = sent.get(id);
    sent.delete(id);
    if (!request || response.status !== 401) return;
    const token = await usableAccessToken(request.token);
    // No session any more: the 401 stands.
    if (!token) return;
    request.retry.headers.set('Authorization', `Bearer ${token}`);
    const retried = await options.fetch(request.retry);
    // Even a just-issued token is refused: the account can no longer use this sign-in.
    if (retried.status === 401 && accessToken === token) end('expired');
    return retried;
  },
  onError({ id }) {
    sent.delete(id);
  },
};

apiClient.use(authMiddleware);

/** Forgets the session and how it ended, as on a fresh page without one (between tests). */
export function resetSession() {
  end('signed-out');
  sent.clear();
  setSession({ status: 'signed-out', reason: null });
}

export function getSession(): Session {
  return session;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The current session, re-rendering the caller when it begins or ends. */
export function useSession(): Session {
  return useSyncExternalStore(subscribeSession, getSession);
}

/**
 * `value` if it is a path on this site (from `?next=`), else `fallback`; keeps a sign-in link from
 * sending people to another site afterwards.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value?.startsWith('/')) return fallback;
  const base = 'https://app.invalid';
  try {
    // Parsing as the browser will catches `//host`, `/\host` and control characters.
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
