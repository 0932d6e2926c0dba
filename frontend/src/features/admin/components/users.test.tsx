import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { UserCreate } from '@/features/admin/components/user-create';
import { UserEdit } from '@/features/admin/components/user-edit';
import { UsersList } from '@/features/admin/components/users-list';
import {
  authed,
  commune,
  cultureOffice,
  findAlert,
  page,
  pickUnit,
  problem,
  renderPages,
  serveUnits,
  unitRef,
  user as account,
} from '@/features/admin/testing/admin-fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

type User = components['schemas']['User'];

const pages = [
  { path: '/admin/users', element: <UsersList /> },
  { path: '/admin/users/new', element: <UserCreate /> },
  { path: '/admin/users/:userId', element: <UserEdit /> },
];

describe('users list', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('filters by role and unit and sorts, all from the URL', async () => {
    serveUnits();
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(
        '*/api/v1/users',
        authed((request) => {
          requests.push(new URL(request.url).searchParams);
          return HttpResponse.json(
            page([
              account(),
              account({
                id: 'b0000000-0000-4000-8000-000000000032',
                username: 'hung.nv',
                fullName: 'Nguyễn Văn Hùng',
                roles: ['UNIT_REPORTER', 'VIEWER'],
                active: false,
                lastSignInAt: null,
              }),
            ]),
          );
        }),
      ),
    );
    const { router, user } = renderPages(
      pages,
      `/admin/users?role=UNIT_REPORTER&withinUnitId=${commune.id}&sort=lastSignInAt,desc`,
    );

    const table = await screen.findByRole('table', { name: 'Danh sách tài khoản người dùng' });
    expect(requests[0]?.toString()).toBe(
      `page=0&size=20&role=UNIT_REPORTER&withinUnitId=${commune.id}&sort=lastSignInAt%2Cdesc`,
    );
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[2]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'hung.nv',
      'Nguyễn Văn Hùng',
      'Phòng Văn hóa - Xã hội',
      'Cán bộ báo cáo, Lãnh đạo (xem)',
      'Ngừng hoạt động',
      'Chưa đăng nhập',
      '26/03/2026',
    ]);
    expect(screen.getByRole('combobox', { name: 'Vai trò' })).toHaveValue('UNIT_REPORTER');
    const unitFilter = screen.getByRole('group', { name: 'Đơn vị (gồm cả cấp dưới)' });
    expect(await within(unitFilter).findByText('Xã Xuân Lộc')).toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Tình trạng' }),
      'Ngừng hoạt động',
    );
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?role=UNIT_REPORTER&withinUnitId=${commune.id}&sort=lastSignInAt%2Cdesc&active=false`,
      ),
    );
    await user.click(within(unitFilter).getByRole('button', { name: 'Bỏ chọn Xã Xuân Lộc' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?role=UNIT_REPORTER&sort=lastSignInAt%2Cdesc&active=false',
      ),
    );
    await waitFor(() =>
      expect(requests.at(-1)?.toString()).toBe(
        'page=0&size=20&role=UNIT_REPORTER&active=false&sort=lastSignInAt%2Cdesc',
      ),
    );
  });
});

describe('creating an account', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('offers the roles the coordinator may give, each with where it would act', async () => {
    serveUnits();
    const { user } = renderPages(pages, '/admin/users/new');

    const roles = await screen.findByRole('group', { name: 'Vai trò' });
    // A commune coordinator gives only roles at or below their own.
    const boxes = await within(roles).findAllByRole('checkbox');
    expect(boxes.map((box) => box.parentElement?.textContent)).toEqual([
      'Điều phối cấp xã',
      'Cán bộ báo cáo',
      'Lãnh đạo (xem)',
    ]);
    expect(within(roles).getByLabelText('Cán bộ báo cáo')).toHaveAccessibleDescription(
      'Chọn đơn vị để thấy phạm vi của vai trò.',
    );

    await pickUnit(user, 'Đơn vị công tác', 'van hoa', cultureOffice);

    await waitFor(() =>
      expect(within(roles).getByLabelText('Điều phối cấp xã')).toHaveAccessibleDescription(
        'Điều phối toàn xã, phường: Xã Xuân Lộc.',
      ),
    );
    expect(within(roles).getByLabelText('Cán bộ báo cáo')).toHaveAccessibleDescription(
      'Đọc kế hoạch của Xã Xuân Lộc; báo cáo phần việc giao cho Phòng Văn hóa - Xã hội.',
    );
    expect(within(roles).getByLabelText('Lãnh đạo (xem)')).toHaveAccessibleDescription(
      'Xem dữ liệu của Phòng Văn hóa - Xã hội và các đơn vị cấp dưới.',
    );
  });

  it('places each refusal next to its field, then creates the account', async () => {
    serveUnits();
    const posted: components['schemas']['UserCreate'][] = [];
    server.use(
      http.post(
        '*/api/v1/users',
        authed(async (request) => {
          const body = (await request.json()) as components['schemas']['UserCreate'];
          posted.push(body);
          if (posted.length === 1) {
            return problem(400, 'request.invalid', 'Dữ liệu không hợp lệ.', [
              {
                field: 'password',
                code: 'auth.password-weak',
                detail: 'Mật khẩu cần ít nhất 8 ký tự, có ba trong bốn loại ký tự.',
              },
            ]);
          }
          if (posted.length === 2) {
            return problem(403, 'access.role-denied', 'Bạn không được giao vai trò VIEWER.');
          }
          const created: User = account({
            id: 'b0000000-0000-4000-8000-000000000099',
            username: body.username,
            fullName: body.fullName,
            roles: body.roles,
          });
          return HttpResponse.json(created, { status: 201 });
        }),
      ),
      http.get(
        '*/api/v1/users/:userId',
        authed(() =>
          HttpResponse.json(
            account({ id: 'b0000000-0000-4000-8000-000000000099', username: 'lan.tt' }),
          ),
        ),
      ),
    );
    const { router, user } = renderPages(pages, '/admin/users/new');

    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'Lan.TT');
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveValue('lan.tt');
    await user.type(screen.getByLabelText('Họ và tên'), 'Trần Thị Lan');
    await pickUnit(user, 'Đơn vị công tác', 'van hoa', cultureOffice);
    await user.click(screen.getByLabelText('Cán bộ báo cáo'));
    await user.click(screen.getByLabelText('Lãnh đạo (xem)'));
    await user.type(screen.getByLabelText('Mật khẩu ban đầu'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));

    const password = screen.getByLabelText('Mật khẩu ban đầu');
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(
        expect.stringContaining('Mật khẩu cần ít nhất 8 ký tự, có ba trong bốn loại ký tự.'),
      ),
    );
    expect(password).toHaveFocus();
    expect(posted[0]).toEqual({
      username: 'lan.tt',
      fullName: 'Trần Thị Lan',
      orgUnitId: cultureOffice.id,
      roles: ['UNIT_REPORTER', 'VIEWER'],
      password: 'abc',
    });

    await user.clear(password);
    await user.type(password, 'Xuan-Loc-2026');
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));

    // A refusal without field errors, about the roles: said next to the roles.
    const roles = screen.getByRole('group', { name: 'Vai trò' });
    await waitFor(() =>
      expect(roles).toHaveAccessibleDescription('Bạn không được giao vai trò VIEWER.'),
    );
    expect(password).not.toHaveAttribute('aria-invalid');

    await user.click(within(roles).getByLabelText('Lãnh đạo (xem)'));
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/admin/users/b0000000-0000-4000-8000-000000000099',
      ),
    );
    expect(await screen.findByText('Đã tạo tài khoản lan.tt.')).toBeInTheDocument();
    expect(posted[2]?.roles).toEqual(['UNIT_REPORTER']);
  });
});

describe('editing an account', () => {
  let stored: User;
  let writes: { url: string; ifMatch: string | null; body: unknown }[];

  beforeEach(async () => {
    await seedSession();
    serveUnits();
    stored = account();
    writes = [];
    server.use(
      http.get(
        '*/api/v1/users/:userId',
        authed(() => HttpResponse.json(stored)),
      ),
      http.put(
        '*/api/v1/users/:userId',
        authed(async (request) => {
          const body = (await request.json()) as components['schemas']['UserUpdate'];
          writes.push({
            url: new URL(request.url).pathname,
            ifMatch: request.headers.get('If-Match'),
            body,
          });
          stored = {
            ...stored,
            ...body,
            unit: unitRef(cultureOffice),
            version: stored.version + 1,
          };
          return HttpResponse.json(stored);
        }),
      ),
    );
  });

  it('deactivates after asking, with If-Match, and offers to reactivate', async () => {
    const { user } = renderPages(pages, `/admin/users/${stored.id}`);

    await user.click(await screen.findByRole('button', { name: 'Ngừng hoạt động tài khoản…' }));
    expect(
      screen.getByText('Ngừng hoạt động tài khoản lan.tt? Người dùng sẽ bị đăng xuất ngay.'),
    ).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Ngừng hoạt động' }));

    expect(await screen.findByText('Đã ngừng hoạt động tài khoản lan.tt.')).toBeInTheDocument();
    expect(writes).toEqual([
      {
        url: `/api/v1/users/${stored.id}`,
        ifMatch: '"5"',
        body: {
          fullName: 'Trần Thị Lan',
          email: 'lan.tt@xuanloc.dongnai.gov.vn',
          phone: '0251 3871 234',
          orgUnitId: cultureOffice.id,
          roles: ['UNIT_REPORTER'],
          active: false,
        },
      },
    ]);
    expect(screen.getByRole('button', { name: 'Kích hoạt lại' })).toBeInTheDocument();
  });

  it('saves the details from the version it was opened at', async () => {
    const { user } = renderPages(pages, `/admin/users/${stored.id}`);

    const phone = await screen.findByLabelText('Số điện thoại');
    await user.clear(phone);
    await user.type(phone, '0912 345 678');
    await user.click(screen.getByLabelText('Lãnh đạo (xem)'));
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

    expect(await screen.findByText('Đã lưu tài khoản lan.tt.')).toBeInTheDocument();
    expect(writes[0]).toMatchObject({
      ifMatch: '"5"',
      body: { phone: '0912 345 678', roles: ['UNIT_REPORTER', 'VIEWER'], active: true },
    });
  });

  it('sets a new password, showing the rule it broke next to the field', async () => {
    const resets: { ifMatch: string | null; body: unknown }[] = [];
    server.use(
      http.put(
        '*/api/v1/users/:userId/password',
        authed(async (request) => {
          const body = (await request.json()) as { newPassword: string };
          resets.push({ ifMatch: request.headers.get('If-Match'), body });
          if (body.newPassword.includes('lan.tt')) {
            return problem(400, 'auth.password-weak', 'Mật khẩu không hợp lệ.', [
              {
                field: 'newPassword',
                code: 'auth.password-contains-username',
                detail: 'Mật khẩu không được chứa tên đăng nhập.',
              },
            ]);
          }
          stored = { ...stored, version: 6 };
          return HttpResponse.json(stored);
        }),
      ),
    );
    const { user } = renderPages(pages, `/admin/users/${stored.id}`);

    const field = await screen.findByLabelText('Mật khẩu mới');
    await user.type(field, 'lan.tt-2026');
    await user.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));

    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('Mật khẩu không được chứa tên đăng nhập.'),
      ),
    );
    expect(await findAlert('Chưa lưu được. Vui lòng xem lỗi ở từng ô.')).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, 'Xuan-Loc-2026');
    await user.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));

    expect(
      await screen.findByText(
        'Đã đặt mật khẩu mới cho lan.tt. Tài khoản đã bị đăng xuất khỏi mọi thiết bị.',
      ),
    ).toBeInTheDocument();
    expect(resets.map((reset) => reset.ifMatch)).toEqual(['"5"', '"5"']);
    expect(resets[1]?.body).toEqual({ newPassword: 'Xuan-Loc-2026' });
    expect(screen.getByLabelText('Mật khẩu mới')).toHaveValue('');
  });
});
