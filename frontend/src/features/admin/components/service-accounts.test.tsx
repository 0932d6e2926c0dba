import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { ServiceAccountCreate } from '@/features/admin/components/service-account-create';
import { ServiceAccountEdit } from '@/features/admin/components/service-account-edit';
import { ServiceAccountsList } from '@/features/admin/components/service-accounts-list';
import {
  authed,
  commune,
  page,
  pickUnit,
  problem,
  renderPages,
  serveUnits,
  serviceAccount,
} from '@/features/admin/testing/admin-fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

type ServiceAccount = components['schemas']['ServiceAccount'];

const pages = [
  { path: '/admin/service-accounts', element: <ServiceAccountsList /> },
  { path: '/admin/service-accounts/new', element: <ServiceAccountCreate /> },
  { path: '/admin/service-accounts/:accountId', element: <ServiceAccountEdit /> },
];

const secret = 'sA9-Qm2vX7pLr4TzK8wN1bYc6dHf3jGe';

describe('service accounts', () => {
  let stored: ServiceAccount;

  beforeEach(async () => {
    await seedSession();
    serveUnits();
    stored = serviceAccount();
    server.use(
      http.get(
        '*/api/v1/service-accounts/:accountId',
        authed(() => HttpResponse.json(stored)),
      ),
    );
  });

  it('lists the accounts with search and sort in the URL', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(
        '*/api/v1/service-accounts',
        authed((request) => {
          requests.push(new URL(request.url).searchParams);
          return HttpResponse.json(
            page([
              stored,
              serviceAccount({
                id: 'c0000000-0000-4000-8000-000000000042',
                clientId: 'cong-du-lieu-cu',
                name: 'Cổng dữ liệu cũ',
                description: null,
                active: false,
                lastUsedAt: '2026-02-01T10:00:00+07:00',
              }),
            ]),
          );
        }),
      ),
    );
    const { router, user } = renderPages(pages, '/admin/service-accounts?q=du+lieu');

    const table = await screen.findByRole('table', { name: 'Danh sách tài khoản hệ thống' });
    expect(requests[0]?.toString()).toBe('page=0&size=20&q=du+lieu');
    expect(
      within(within(table).getAllByRole('row')[2]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'cong-du-lieu-cu',
      'Cổng dữ liệu cũ',
      'Xã Xuân Lộc',
      'Đã thu hồi',
      '01/02/2026',
      '26/03/2026',
    ]);

    await user.click(screen.getByRole('button', { name: 'Mã client' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=du+lieu&sort=clientId%2Casc'),
    );
    await waitFor(() =>
      expect(requests.at(-1)?.toString()).toBe('page=0&size=20&q=du+lieu&sort=clientId%2Casc'),
    );
  });

  it('shows the secret of a new account once, and never again after closing', async () => {
    const posted: unknown[] = [];
    server.use(
      http.post(
        '*/api/v1/service-accounts',
        authed(async (request) => {
          const body = (await request.json()) as components['schemas']['ServiceAccountCreate'];
          posted.push(body);
          if (body.clientId === 'province-system') {
            return problem(
              409,
              'service-account.client-id-taken',
              "Mã client 'province-system' đã được dùng.",
              [
                {
                  field: 'clientId',
                  code: 'service-account.client-id-taken',
                  detail: "Mã client 'province-system' đã được dùng.",
                },
              ],
            );
          }
          return HttpResponse.json({ account: stored, clientSecret: secret }, { status: 201 });
        }),
      ),
    );
    const { router, user } = renderPages(pages, '/admin/service-accounts/new');

    await user.type(await screen.findByLabelText('Mã client'), 'province-system');
    await user.type(screen.getByLabelText('Tên'), 'Kho dữ liệu dùng chung xã Xuân Lộc');
    await user.type(screen.getByLabelText('Mô tả'), 'Lấy kết quả báo cáo hằng tháng');
    await pickUnit(user, 'Được đọc dữ liệu của', 'xuan loc', commune);
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản hệ thống' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Mã client')).toHaveAccessibleDescription(
        expect.stringContaining("Mã client 'province-system' đã được dùng."),
      ),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('Mã client'));
    await user.type(screen.getByLabelText('Mã client'), 'kho-du-lieu-xa');
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản hệ thống' }));

    const dialog = await screen.findByRole('dialog', { name: 'Khóa bí mật của kho-du-lieu-xa' });
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining('Khóa chỉ hiện một lần này và sẽ không hiện lại'),
    );
    expect(within(dialog).getByLabelText('Khóa bí mật')).toHaveValue(secret);
    expect(within(dialog).getByLabelText('Mã client')).toHaveValue('kho-du-lieu-xa');
    expect(posted[1]).toEqual({
      clientId: 'kho-du-lieu-xa',
      name: 'Kho dữ liệu dùng chung xã Xuân Lộc',
      description: 'Lấy kết quả báo cáo hằng tháng',
      orgUnitId: commune.id,
    });

    await user.click(within(dialog).getByRole('button', { name: 'Sao chép khóa bí mật' }));
    expect(await within(dialog).findByText('Đã sao chép khóa bí mật.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(secret);

    await user.click(within(dialog).getByRole('button', { name: 'Tôi đã lưu khóa, đóng' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/admin/service-accounts/${stored.id}`),
    );
    expect(
      await screen.findByText('Đã tạo tài khoản hệ thống kho-du-lieu-xa.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(secret)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(secret);

    // The account page itself never shows it, even read afresh.
    await router.navigate('/admin/service-accounts/new');
    await router.navigate(`/admin/service-accounts/${stored.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: stored.name })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(secret);
  });

  it('issues a new secret after asking, shown once with If-Match', async () => {
    const rotations: (string | null)[] = [];
    server.use(
      http.post(
        '*/api/v1/service-accounts/:accountId/secret',
        authed((request) => {
          rotations.push(request.headers.get('If-Match'));
          stored = { ...stored, version: 3, secretRotatedAt: '2026-04-02T08:00:00+07:00' };
          return HttpResponse.json({ account: stored, clientSecret: secret });
        }),
      ),
    );
    const { user } = renderPages(pages, `/admin/service-accounts/${stored.id}`);

    await user.click(await screen.findByRole('button', { name: 'Cấp khóa bí mật mới…' }));
    await user.click(screen.getByRole('button', { name: 'Cấp khóa mới' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Khóa bí mật mới của kho-du-lieu-xa',
    });
    expect(within(dialog).getByLabelText('Khóa bí mật')).toHaveValue(secret);
    expect(rotations).toEqual(['"2"']);

    await user.click(within(dialog).getByRole('button', { name: 'Tôi đã lưu khóa, đóng' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(secret);
    expect(screen.getByText('Đã cấp khóa bí mật mới cho kho-du-lieu-xa.')).toBeInTheDocument();
    expect(screen.getByText('02/04/2026')).toBeInTheDocument();
  });

  it('revokes an account with active: false, after asking', async () => {
    const writes: { ifMatch: string | null; body: unknown }[] = [];
    server.use(
      http.put(
        '*/api/v1/service-accounts/:accountId',
        authed(async (request) => {
          const body = (await request.json()) as components['schemas']['ServiceAccountUpdate'];
          writes.push({ ifMatch: request.headers.get('If-Match'), body });
          stored = { ...stored, active: body.active, version: 3 };
          return HttpResponse.json(stored);
        }),
      ),
    );
    const { user } = renderPages(pages, `/admin/service-accounts/${stored.id}`);

    await user.click(await screen.findByRole('button', { name: 'Thu hồi tài khoản…' }));
    await user.click(screen.getByRole('button', { name: 'Thu hồi' }));

    expect(
      await screen.findByText('Đã thu hồi tài khoản hệ thống kho-du-lieu-xa.'),
    ).toBeInTheDocument();
    expect(writes).toEqual([
      {
        ifMatch: '"2"',
        body: {
          name: 'Kho dữ liệu dùng chung xã Xuân Lộc',
          description: 'Lấy kết quả báo cáo hằng tháng',
          orgUnitId: commune.id,
          active: false,
        },
      },
    ]);
    expect(screen.getByText('Đã thu hồi', { selector: '.status' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kích hoạt lại' })).toBeInTheDocument();
  });
});
