import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/api/schema';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';
import {
  getSession,
  replaceSession,
  safeNextPath,
  signIn,
  signOut,
  subscribeSession,
} from '@/lib/auth';
import { server } from '@/testing/mocks/server';
import { bearer, issueTokens, problem, testMe, testPassword } from '@/testing/session';

type TokenResponse = components['schemas']['TokenResponse'];

const emptyPage = { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 };

function listPlans() {
  return unwrap(apiClient.GET('/api/v1/plans'));
}

type TokenCall = {
  form: URLSearchParams;
  contentType: string | null;
  authorization: string | null;
};

/**
 * Serves the token endpoint: a password grant with the test password gets `signIn`, a refresh
 * grant gets what `refresh` answers for its token. Records every call.
 */
function serveTokens({
  signIn: signInTokens = issueTokens(),
  refresh = () => HttpResponse.json(issueTokens()),
}: {
  signIn?: TokenResponse;
  refresh?: (token: string) => Response | Promise<Response>;
} = {}) {
  const calls: TokenCall[] = [];
  const signOuts: URLSearchParams[] = [];
  server.use(
    http.post('*/api/v1/auth/token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      calls.push({
        form,
        contentType: request.headers.get('Content-Type'),
        authorization: request.headers.get('Authorization'),
      });
      if (form.get('grant_type') === 'refresh_token') return refresh(form.get('refresh_token')!);
      return form.get('password') === testPassword
        ? HttpResponse.json(signInTokens)
        : problem(401, 'auth.invalid-credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }),
    http.post('*/api/v1/auth/sign-out', async ({ request }) => {
      signOuts.push(new URLSearchParams(await request.text()));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  const refreshes = () => calls.filter((call) => call.form.get('grant_type') === 'refresh_token');
  return { calls, signOuts, refreshes };
}

/** Serves the plans list to `valid` tokens only; records the token of every request. */
function servePlans(valid: (token: string | null) => boolean) {
  const tokens: (string | null)[] = [];
  server.use(
    http.get('*/api/v1/plans', ({ request }) => {
      const token = bearer(request);
      tokens.push(token);
      return valid(token)
        ? HttpResponse.json(emptyPage)
        : problem(401, 'auth.unauthenticated', 'Cần đăng nhập.');
    }),
  );
  return tokens;
}

function storedRefreshToken(): string | undefined {
  const stored = sessionStorage.getItem('auth.refresh');
  return stored ? (JSON.parse(stored) as { token: string }).token : undefined;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('signIn', () => {
  it('sends a form-encoded password grant and keeps only the refresh token in storage', async () => {
    const { calls } = serveTokens({
      signIn: issueTokens({ access_token: 'access-a', refresh_token: 'refresh-a' }),
    });
    const tokens = servePlans((token) => token === 'access-a');

    await signIn('an.nv', testPassword);

    expect(calls).toHaveLength(1);
    expect(calls[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(calls[0]?.authorization).toBeNull();
    expect(Object.fromEntries(calls[0]!.form)).toEqual({
      grant_type: 'password',
      username: 'an.nv',
      password: testPassword,
    });
    expect(getSession()).toEqual({ status: 'signed-in' });
    expect(storedRefreshToken()).toBe('refresh-a');
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain('access-a');

    await listPlans();
    expect(tokens).toEqual(['access-a']);
  });

  it('rejects with the problem of a refusal and stays signed out', async () => {
    serveTokens();
    const error = await signIn('an.nv', 'sai').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'auth.invalid-credentials' });
    expect(getSession()).toEqual({ status: 'signed-out', reason: null });
    expect(storedRefreshToken()).toBeUndefined();
  });

  it('reads the wait of a locked account from Retry-After', async () => {
    server.use(
      http.post('*/api/v1/auth/token', () =>
        problem(429, 'auth.account-locked', 'Tài khoản tạm khóa.', {
          headers: { 'Retry-After': '120' },
        }),
      ),
    );
    await expect(signIn('an.nv', 'sai')).rejects.toMatchObject({
      status: 429,
      code: 'auth.account-locked',
      retryAfter: 120,
    });
  });
});

describe('refreshing', () => {
  it('answers concurrent 401s with one refresh, then retries each request once', async () => {
    const { refreshes } = serveTokens({
      signIn: issueTokens({ access_token: 'old', refresh_token: 'refresh-1' }),
      refresh: (token) =>
        token === 'refresh-1'
          ? HttpResponse.json(issueTokens({ access_token: 'new', refresh_token: 'refresh-2' }))
          : problem(401, 'auth.invalid-refresh-token', 'Phiên đăng nhập đã hết hạn.'),
    });
    await signIn('an.nv', testPassword);
    const tokens = servePlans((token) => token === 'new');

    await expect(Promise.all([listPlans(), listPlans(), listPlans()])).resolves.toHaveLength(3);

    expect(refreshes()).toHaveLength(1);
    expect(refreshes()[0]?.authorization).toBeNull();
    expect(tokens.filter((token) => token === 'old')).toHaveLength(3);
    expect(tokens.filter((token) => token === 'new')).toHaveLength(3);
    expect(storedRefreshToken()).toBe('refresh-2');
    expect(getSession()).toEqual({ status: 'signed-in' });
  });

  it('presents each refresh token only once', async () => {
    let next = 1;
    let accepted: string | null = null;
    const { refreshes } = serveTokens({
      signIn: issueTokens({ access_token: 'access-0', refresh_token: 'refresh-0' }),
      refresh: () => {
        accepted = `access-${next}`;
        return HttpResponse.json(
          issueTokens({ access_token: accepted, refresh_token: `refresh-${next++}` }),
        );
      },
    });
    await signIn('an.nv', testPassword);
    servePlans((token) => token === accepted);

    // The server stops accepting the access token before each call, so each needs a refresh.
    await listPlans();
    accepted = null;
    await listPlans();

    expect(refreshes().map((call) => call.form.get('refresh_token'))).toEqual([
      'refresh-0',
      'refresh-1',
    ]);
    expect(storedRefreshToken()).toBe('refresh-2');
  });

  it('retries a request with its body', async () => {
    serveTokens({ signIn: issueTokens({ access_token: 'old' }) });
    await signIn('an.nv', testPassword);
    const bodies: unknown[] = [];
    server.use(
      http.put('*/api/v1/me/password', async ({ request }) => {
        bodies.push(await request.json());
        return bearer(request) === 'old'
          ? problem(401, 'auth.unauthenticated', 'Cần đăng nhập.')
          : new HttpResponse(null, { status: 204 });
      }),
    );
    const body = { currentPassword: testPassword, newPassword: 'Mới-mật-khẩu-2' };

    await unwrap(apiClient.PUT('/api/v1/me/password', { body }));

    expect(bodies).toEqual([body, body]);
  });

  it('renews an access token about to expire before using it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { refreshes } = serveTokens({
      signIn: issueTokens({ access_token: 'old', expires_in: 900 }),
      refresh: () => HttpResponse.json(issueTokens({ access_token: 'new' })),
    });
    await signIn('an.nv', testPassword);
    const tokens = servePlans((token) => token !== null);

    await listPlans();
    vi.setSystemTime(Date.now() + 875_000);
    await listPlans();

    expect(refreshes()).toHaveLength(1);
    expect(tokens).toEqual(['old', 'new']);
  });

  it('ends the session when the refresh token is refused', async () => {
    serveTokens({
      signIn: issueTokens({ access_token: 'old' }),
      refresh: () => problem(401, 'auth.invalid-refresh-token', 'Phiên đăng nhập đã hết hạn.'),
    });
    await signIn('an.nv', testPassword);
    servePlans(() => false);
    const listener = vi.fn();
    const unsubscribe = subscribeSession(listener);

    await expect(listPlans()).rejects.toMatchObject({ status: 401 });

    unsubscribe();
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(listener).toHaveBeenCalledOnce();
    expect(storedRefreshToken()).toBeUndefined();
  });

  it('keeps the session when the refresh fails for lack of network', async () => {
    serveTokens({
      signIn: issueTokens({ access_token: 'old', refresh_token: 'refresh-kept' }),
      refresh: () => HttpResponse.error(),
    });
    await signIn('an.nv', testPassword);
    servePlans(() => false);

    await expect(listPlans()).rejects.toMatchObject({ status: 0, code: 'network' });

    expect(getSession()).toEqual({ status: 'signed-in' });
    expect(storedRefreshToken()).toBe('refresh-kept');
  });
});

describe('after a reload', () => {
  async function reload() {
    vi.resetModules();
    const auth = await import('@/lib/auth');
    const client = await import('@/lib/api-client');
    return { auth, listPlans: () => client.unwrap(client.apiClient.GET('/api/v1/plans')) };
  }

  it('stays signed in with the refresh token from sessionStorage', async () => {
    sessionStorage.setItem('auth.refresh', JSON.stringify({ token: 'kept', expiresAt: null }));
    const { refreshes } = serveTokens({
      refresh: (token) =>
        token === 'kept'
          ? HttpResponse.json(issueTokens({ access_token: 'after-reload' }))
          : problem(401, 'auth.invalid-refresh-token', 'Phiên đăng nhập đã hết hạn.'),
    });
    const tokens = servePlans((token) => token === 'after-reload');

    const { auth, listPlans: list } = await reload();
    expect(auth.getSession()).toEqual({ status: 'signed-in' });
    await list();

    expect(refreshes()).toHaveLength(1);
    expect(tokens).toEqual(['after-reload']);
  });

  it('starts signed out when the stored refresh token has expired', async () => {
    sessionStorage.setItem(
      'auth.refresh',
      JSON.stringify({ token: 'kept', expiresAt: Date.now() - 1000 }),
    );
    const { auth } = await reload();
    expect(auth.getSession()).toEqual({ status: 'signed-out', reason: null });
  });
});

describe('signOut', () => {
  it('clears the session and revokes the refresh token on the server', async () => {
    const { signOuts } = serveTokens({
      signIn: issueTokens({ access_token: 'access-a', refresh_token: 'refresh-a' }),
    });
    await signIn('an.nv', testPassword);
    const tokens = servePlans(() => true);

    await signOut();

    expect(signOuts.map((form) => Object.fromEntries(form))).toEqual([
      { refresh_token: 'refresh-a' },
    ]);
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(storedRefreshToken()).toBeUndefined();
    await listPlans();
    expect(tokens).toEqual([null]);
  });

  it('clears the session even when the server cannot be reached', async () => {
    serveTokens();
    await signIn('an.nv', testPassword);
    server.use(http.post('*/api/v1/auth/sign-out', () => HttpResponse.error()));

    await expect(signOut()).resolves.toBeUndefined();

    expect(getSession()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(storedRefreshToken()).toBeUndefined();
  });
});

describe('replaceSession', () => {
  const newPassword = 'Mới-mật-khẩu-2';

  /** The backend: changing the password revokes every token; signing in needs the new one. */
  function serveAccount() {
    let revoked = false;
    let markRevoked = () => {};
    const revokedNow = new Promise<void>((resolve) => (markRevoked = resolve));
    const signIns: URLSearchParams[] = [];
    const refreshes: URLSearchParams[] = [];
    server.use(
      http.post('*/api/v1/auth/token', async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        if (form.get('grant_type') === 'refresh_token') {
          refreshes.push(form);
          return revoked
            ? problem(401, 'auth.invalid-refresh-token', 'Phiên đăng nhập đã hết hạn.')
            : HttpResponse.json(issueTokens());
        }
        signIns.push(form);
        const expected = revoked ? newPassword : testPassword;
        return form.get('password') === expected
          ? HttpResponse.json(issueTokens({ access_token: revoked ? 'after' : 'before' }))
          : problem(401, 'auth.invalid-credentials', 'Sai mật khẩu.');
      }),
      http.put('*/api/v1/me/password', ({ request }) => {
        if (bearer(request) !== 'before') return problem(401, 'auth.unauthenticated', '…');
        revoked = true;
        markRevoked();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const tokens = servePlans((token) => token === (revoked ? 'after' : 'before'));
    return { signIns, refreshes, tokens, revokedNow };
  }

  function changePassword(authorization: string) {
    return unwrap(
      apiClient.PUT('/api/v1/me/password', {
        body: { currentPassword: testPassword, newPassword },
        headers: { Authorization: authorization },
      }),
    );
  }

  it('signs in again with the new password while other requests wait for it', async () => {
    const { signIns, refreshes, tokens } = serveAccount();
    await signIn(testMe.username, testPassword);

    const change = replaceSession(changePassword, {
      username: testMe.username,
      password: newPassword,
    });
    const list = listPlans();
    await change;
    await list;

    expect(signIns.map((form) => form.get('password'))).toEqual([testPassword, newPassword]);
    expect(refreshes).toEqual([]);
    expect(tokens.at(-1)).toBe('after');
    expect(getSession()).toEqual({ status: 'signed-in' });
  });

  it('retries a request refused meanwhile with the new sign-in instead of refreshing', async () => {
    const { refreshes, revokedNow } = serveAccount();
    await signIn(testMe.username, testPassword);
    const seen: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/plans', async ({ request }) => {
        const token = bearer(request);
        seen.push(token);
        if (token === 'after') return HttpResponse.json(emptyPage);
        // Sent with the old token, answered after the change revoked it.
        await revokedNow;
        return problem(401, 'auth.unauthenticated', 'Cần đăng nhập.');
      }),
    );

    const list = listPlans();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await replaceSession(changePassword, { username: testMe.username, password: newPassword });
    await list;

    expect(seen).toEqual(['before', 'after']);
    expect(refreshes).toEqual([]);
    expect(getSession()).toEqual({ status: 'signed-in' });
  });

  it('ends the session when signing in with the new password fails', async () => {
    serveAccount();
    await signIn(testMe.username, testPassword);

    await expect(
      replaceSession(changePassword, { username: testMe.username, password: 'khác' }),
    ).rejects.toMatchObject({ code: 'auth.invalid-credentials' });

    expect(getSession()).toEqual({ status: 'signed-out', reason: 'password-changed' });
  });

  it('leaves the session alone when the change is refused', async () => {
    serveAccount();
    await signIn(testMe.username, testPassword);
    const refuse = () => Promise.reject(new ApiError(400, 'request.invalid', 'Sai.'));

    await expect(
      replaceSession(refuse, { username: testMe.username, password: newPassword }),
    ).rejects.toMatchObject({ status: 400 });

    expect(getSession()).toEqual({ status: 'signed-in' });
    await listPlans();
  });
});

describe('safeNextPath', () => {
  it('keeps a path on this site', () => {
    expect(safeNextPath('/plans?status=ISSUED#top')).toBe('/plans?status=ISSUED#top');
    expect(safeNextPath('/plans/../change-password')).toBe('/change-password');
  });

  it('falls back for anything that could leave the site', () => {
    for (const next of [
      null,
      '',
      'plans',
      'https://evil.example/plans',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNextPath(next)).toBe('/');
    }
    expect(safeNextPath('//evil.example', '/plans')).toBe('/plans');
  });
});
