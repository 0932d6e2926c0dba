import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError, apiClient, unwrap } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import { server } from '@/testing/mocks/server';

const plansUrl = '*/api/v1/plans';

function listPlans() {
  return unwrap(apiClient.GET('/api/v1/plans', { params: { query: { size: 500 } } }));
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('api client', () => {
  it('resolves with the body of a successful response', async () => {
    const page = { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 };
    server.use(http.get(plansUrl, () => HttpResponse.json(page)));

    await expect(listPlans()).resolves.toEqual(page);
  });

  it('sends the UI language so problem details come back in it', async () => {
    let acceptLanguage: string | null = null;
    server.use(
      http.get(plansUrl, ({ request }) => {
        acceptLanguage = request.headers.get('Accept-Language');
        return HttpResponse.json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 });
      }),
    );

    await listPlans();
    expect(acceptLanguage).toBe('vi');
  });

  it('maps a 400 problem with field errors', async () => {
    server.use(
      http.get(plansUrl, () =>
        HttpResponse.json(
          {
            type: 'https://dti.example/problems/validation',
            title: 'Dữ liệu không hợp lệ',
            status: 400,
            detail: 'Có 3 lỗi trong tham số truy vấn.',
            code: 'request.invalid',
            errors: [
              { field: 'size', code: 'max', detail: 'Tối đa 200 bản ghi mỗi trang.' },
              { field: 'sort', code: 'field', detail: 'Không sắp xếp được theo "owner".' },
              { field: 'sort', code: 'direction', detail: 'Chiều sắp xếp phải là asc hoặc desc.' },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );

    const error = await failure(listPlans());
    expect(error.status).toBe(400);
    expect(error.code).toBe('request.invalid');
    expect(error.detail).toBe('Có 3 lỗi trong tham số truy vấn.');
    expect(error.message).toBe('Có 3 lỗi trong tham số truy vấn.');
    expect(error.fieldErrors).toEqual({
      size: 'Tối đa 200 bản ghi mỗi trang.',
      sort: 'Không sắp xếp được theo "owner". Chiều sắp xếp phải là asc hoặc desc.',
    });
  });

  it('maps a 404 problem', async () => {
    server.use(
      http.get(plansUrl, () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Không tìm thấy',
            status: 404,
            detail: 'Không tìm thấy đơn vị ban hành 7f0c….',
            code: 'org-unit.not-found',
          },
          { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );

    const error = await failure(listPlans());
    expect(error.status).toBe(404);
    expect(error.code).toBe('org-unit.not-found');
    expect(error.detail).toBe('Không tìm thấy đơn vị ban hành 7f0c….');
    expect(error.fieldErrors).toEqual({});
  });

  it('reads Retry-After as seconds or as a date', async () => {
    const locked = (retryAfter: string) =>
      HttpResponse.json(
        { status: 429, detail: 'Thử lại sau.', code: 'auth.account-locked' },
        {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter },
        },
      );
    server.use(http.get(plansUrl, () => locked('45')));
    expect((await failure(listPlans())).retryAfter).toBe(45);

    server.use(http.get(plansUrl, () => locked(new Date(Date.now() + 90_000).toUTCString())));
    const retryAfter = (await failure(listPlans())).retryAfter;
    expect(retryAfter).toBeGreaterThanOrEqual(89);
    expect(retryAfter).toBeLessThanOrEqual(90);

    server.use(http.get(plansUrl, () => HttpResponse.json({}, { status: 500 })));
    expect((await failure(listPlans())).retryAfter).toBeUndefined();
  });

  it('falls back to a Vietnamese message for a 404 without a body', async () => {
    server.use(http.get(plansUrl, () => new HttpResponse(null, { status: 404 })));

    const error = await failure(listPlans());
    expect(error.status).toBe(404);
    expect(error.code).toBe('http.404');
    expect(error.detail).toBe('Không tìm thấy dữ liệu yêu cầu.');
  });

  it('does not show the body of a non-JSON 500', async () => {
    server.use(
      http.get(plansUrl, () =>
        HttpResponse.html('<html><body><h1>Internal Server Error</h1></body></html>', {
          status: 500,
        }),
      ),
    );

    const error = await failure(listPlans());
    expect(error.status).toBe(500);
    expect(error.code).toBe('http.500');
    expect(error.detail).toBe('Máy chủ đang gặp sự cố (mã 500). Vui lòng thử lại sau.');
    expect(error.fieldErrors).toEqual({});
  });

  it('maps a network failure to status 0', async () => {
    server.use(http.get(plansUrl, () => HttpResponse.error()));

    const error = await failure(listPlans());
    expect(error.status).toBe(0);
    expect(error.code).toBe('network');
    expect(error.detail).toBe('Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('writes fallback messages in English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    server.use(http.get(plansUrl, () => HttpResponse.error()));

    const error = await failure(listPlans());
    expect(error.detail).toBe('Cannot reach the server. Please check the network and try again.');
  });
});
