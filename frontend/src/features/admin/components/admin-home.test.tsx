import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AdminHome } from '@/features/admin/components/admin-home';
import { renderPages } from '@/features/admin/testing/admin-fixtures';
import { seedSession, testMe } from '@/testing/session';

function renderHome() {
  return renderPages([{ path: '/admin', element: <AdminHome /> }], '/admin');
}

function sectionLinks() {
  return within(screen.getByRole('list'))
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
}

const allSections = [
  ['Đơn vị', '/admin/units'],
  ['Tài khoản người dùng', '/admin/users'],
  ['Tài khoản hệ thống', '/admin/service-accounts'],
  ['Nhập gói kế hoạch', '/admin/import'],
  ['Kế hoạch, chỉ tiêu và nhiệm vụ', '/plans'],
];

describe('administration home', () => {
  it('gives an administrator every section, over the whole system', async () => {
    await seedSession({
      me: {
        ...testMe,
        roles: ['ADMIN'],
        scopes: [],
        coordinatedUnits: [],
        actions: [
          'CREATE_PLAN',
          'REVIEW',
          'MANAGE_UNITS',
          'MANAGE_TOP_UNITS',
          'MANAGE_USERS',
          'MANAGE_SERVICE_ACCOUNTS',
        ],
      },
    });
    renderHome();
    expect(
      await screen.findByText('Bạn là quản trị viên: quản lý toàn bộ hệ thống.'),
    ).toBeInTheDocument();
    expect(sectionLinks()).toEqual(allSections);
  });

  it('tells a commune coordinator where their administration reaches', async () => {
    await seedSession();
    renderHome();
    expect(
      await screen.findByText('Bạn quản lý đơn vị và tài khoản trong phạm vi: UBND xã Xuân Lộc.'),
    ).toBeInTheDocument();
    expect(sectionLinks()).toEqual(allSections);
  });

  it('offers the sections the server lists for the account, and no others', async () => {
    await seedSession({ me: { ...testMe, actions: ['MANAGE_USERS'] } });
    renderHome();
    expect(
      await screen.findByText('Bạn quản lý đơn vị và tài khoản trong phạm vi: UBND xã Xuân Lộc.'),
    ).toBeInTheDocument();
    expect(sectionLinks()).toEqual([
      ['Tài khoản người dùng', '/admin/users'],
      ['Kế hoạch, chỉ tiêu và nhiệm vụ', '/plans'],
    ]);
  });

  it('offers nothing to someone without administration rights', async () => {
    await seedSession({
      me: { ...testMe, roles: ['VIEWER'], scopes: [], coordinatedUnits: [], actions: [] },
    });
    renderHome();
    expect(
      await screen.findByText(/Tài khoản của bạn không có quyền quản trị/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
