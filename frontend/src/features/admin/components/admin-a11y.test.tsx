import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { BundleImport } from '@/features/admin/components/bundle-import';
import { ServiceAccountCreate } from '@/features/admin/components/service-account-create';
import { UnitEdit } from '@/features/admin/components/unit-edit';
import { UnitsList } from '@/features/admin/components/units-list';
import { UserCreate } from '@/features/admin/components/user-create';
import {
  authed,
  commune,
  cultureOffice,
  pickUnit,
  problem,
  renderPages,
  serveUnits,
  serviceAccount,
} from '@/features/admin/testing/admin-fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

/** Serious and critical violations; colour contrast needs a real browser's layout and is left to it. */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('administration accessibility', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await seedSession();
    serveUnits();
  });

  it('has no serious violations on the units list with its tree filter open', async () => {
    renderPages(
      [{ path: '/admin/units', element: <UnitsList /> }],
      `/admin/units?withinId=${commune.id}`,
    );
    await screen.findByRole('table');
    await screen.findByRole('navigation', { name: 'Vị trí trong cây đơn vị' });
    expect(await violations()).toEqual([]);
  });

  it('has no serious violations on a unit with a refused delete', async () => {
    server.use(
      http.delete(
        '*/api/v1/org-units/:id',
        authed(() => problem(409, 'org-unit.referenced', 'Đơn vị đang được dùng (3 chỗ).')),
      ),
    );
    const { user } = renderPages(
      [{ path: '/admin/units/:unitId', element: <UnitEdit /> }],
      `/admin/units/${cultureOffice.id}`,
    );
    await user.click(await screen.findByRole('button', { name: 'Xóa đơn vị…' }));
    await user.click(screen.getByRole('button', { name: 'Xóa đơn vị' }));
    await screen.findByText('Đơn vị đang được dùng (3 chỗ).');
    expect(await violations()).toEqual([]);
  });

  it('has no serious violations on a new account with its roles and checked fields', async () => {
    const { user } = renderPages(
      [{ path: '/admin/users/new', element: <UserCreate /> }],
      '/admin/users/new',
    );
    await pickUnit(user, 'Đơn vị công tác', 'van hoa', cultureOffice);
    await screen.findByText('Điều phối toàn xã, phường: Xã Xuân Lộc.');
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    await screen.findByText('Vui lòng chọn ít nhất một vai trò.');
    expect(await violations()).toEqual([]);
  });

  it('has no serious violations while a new secret is shown', async () => {
    server.use(
      http.post(
        '*/api/v1/service-accounts',
        authed(() =>
          HttpResponse.json(
            { account: serviceAccount(), clientSecret: 'sA9-Qm2vX7pLr4TzK8wN1bYc6dHf3jGe' },
            { status: 201 },
          ),
        ),
      ),
    );
    const { user } = renderPages(
      [{ path: '/admin/service-accounts/new', element: <ServiceAccountCreate /> }],
      '/admin/service-accounts/new',
    );
    await user.type(screen.getByLabelText('Mã client'), 'kho-du-lieu-xa');
    await user.type(screen.getByLabelText('Tên'), 'Kho dữ liệu xã');
    await pickUnit(user, 'Được đọc dữ liệu của', 'xuan loc', commune);
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản hệ thống' }));
    await screen.findByRole('dialog');
    expect(await violations()).toEqual([]);
  });

  it('has no serious violations on an import preview', async () => {
    server.use(
      http.post(
        '*/api/v1/plan-bundles',
        authed(() =>
          HttpResponse.json({
            dryRun: true,
            planId: null,
            planCode: 'XL-2026',
            indicators: { created: ['A.1'], updated: [], removed: ['C.9'], unchanged: 4 },
          }),
        ),
      ),
    );
    const { user } = renderPages(
      [{ path: '/admin/import', element: <BundleImport /> }],
      '/admin/import',
    );
    await user.upload(
      screen.getByLabelText('Tệp gói kế hoạch (.json)'),
      new File(
        [JSON.stringify({ format: 'dti-plan-bundle', plan: { code: 'XL-2026' } })],
        'xl.json',
        {
          type: 'application/json',
        },
      ),
    );
    await screen.findByRole('table');
    expect(await violations()).toEqual([]);
  });
});
