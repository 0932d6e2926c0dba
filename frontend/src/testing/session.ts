import { http, HttpResponse } from 'msw';
import type { components } from '@/api/schema';
import { signIn } from '@/lib/auth';
import { server } from '@/testing/mocks/server';

type Me = components['schemas']['Me'];
type Problem = components['schemas']['Problem'];
type TokenResponse = components['schemas']['TokenResponse'];

export const testMe: Me = {
  kind: 'USER',
  id: 'c0000000-0000-4000-8000-000000000001',
  username: 'an.nv',
  fullName: 'Nguyễn Văn An',
  email: 'an.nv@xuanloc.dongnai.gov.vn',
  unit: {
    id: 'a0000000-0000-4000-8000-000000000002',
    code: 'DNAI.XUANLOC',
    name: 'UBND xã Xuân Lộc',
  },
  roles: ['COMMUNE_COORDINATOR'],
  coordinatedUnits: [
    {
      id: 'a0000000-0000-4000-8000-000000000002',
      code: 'DNAI.XUANLOC',
      name: 'UBND xã Xuân Lộc',
    },
  ],
  // As the server answers for a commune coordinator, whose own office reports on what it leads.
  actions: [
    'CREATE_PLAN',
    'REPORT',
    'REVIEW',
    'MANAGE_UNITS',
    'MANAGE_USERS',
    'MANAGE_SERVICE_ACCOUNTS',
  ],
  grantableRoles: ['COMMUNE_COORDINATOR', 'UNIT_REPORTER', 'VIEWER'],
  home: 'REVIEW',
  dashboardUnit: {
    id: 'a0000000-0000-4000-8000-000000000002',
    code: 'DNAI.XUANLOC',
    name: 'UBND xã Xuân Lộc',
  },
  scopes: [
    {
      role: 'COMMUNE_COORDINATOR',
      scope: {
        id: 'a0000000-0000-4000-8000-000000000002',
        code: 'DNAI.XUANLOC',
        name: 'UBND xã Xuân Lộc',
      },
    },
  ],
};

export const testPassword = 'Mật-khẩu-1';

let issued = 0;

/** A fresh token pair, numbered so that tests can tell one from the next. */
export function issueTokens(overrides: Partial<TokenResponse> = {}): TokenResponse {
  issued += 1;
  return {
    access_token: `access-${issued}`,
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: `refresh-${issued}`,
    refresh_expires_in: 28_800,
    ...overrides,
  };
}

export function problem(status: number, code: string, detail: string, init: ResponseInit = {}) {
  const body: Problem = {
    type: `https://dti.gov.vn/problems/${code}`,
    title: detail,
    status,
    detail,
    code,
    instance: '/api/v1',
    errors: [],
  };
  return HttpResponse.json(body, {
    ...init,
    status,
    headers: { 'Content-Type': 'application/problem+json', ...init.headers },
  });
}

export function unauthenticated() {
  return problem(401, 'auth.unauthenticated', 'Cần đăng nhập.');
}

/** The bearer token a request carries, or null. */
export function bearer(request: Request): string | null {
  return request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? null;
}

/**
 * Serves the token, sign-out and `me` endpoints the way the backend does for a valid account;
 * returns the form bodies they received and the tokens issued.
 */
export function serveAuth({ me = testMe }: { me?: Me } = {}) {
  const tokenRequests: URLSearchParams[] = [];
  const issued: TokenResponse[] = [];
  const signOutRequests: URLSearchParams[] = [];
  server.use(
    http.post('*/api/v1/auth/token', async ({ request }) => {
      tokenRequests.push(new URLSearchParams(await request.text()));
      issued.push(issueTokens());
      return HttpResponse.json(issued.at(-1));
    }),
    http.post('*/api/v1/auth/sign-out', async ({ request }) => {
      signOutRequests.push(new URLSearchParams(await request.text()));
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/api/v1/me', ({ request }) =>
      bearer(request) ? HttpResponse.json(me) : unauthenticated(),
    ),
  );
  return { tokenRequests, issued, signOutRequests };
}

/** Signs in before rendering, for tests about the pages behind the sign-in. */
export async function seedSession(options: { me?: Me } = {}) {
  const served = serveAuth(options);
  await signIn(testMe.username, testPassword);
  return served;
}
