import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { UnitCreate } from '@/features/admin/components/unit-create';
import { UnitEdit } from '@/features/admin/components/unit-edit';
import { UnitsList } from '@/features/admin/components/units-list';
import {
  allUnits,
  authed,
  commune,
  cultureOffice,
  findAlert,
  page,
  policePost,
  problem,
  province,
  renderPages,
  serveUnits,
} from '@/features/admin/testing/admin-fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

type OrgUnit = components['schemas']['OrgUnit'];

const pages = [
  { path: '/admin/units', element: <UnitsList /> },
  { path: '/admin/units/new', element: <UnitCreate /> },
  { path: '/admin/units/:unitId', element: <UnitEdit /> },
];

function renderAt(url: string) {
  return renderPages(pages, url);
}

function cellTexts(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

describe('units list', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('reads search, kind, page and sort from the URL and sends them to the API', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(
        '*/api/v1/org-units',
        authed((request) => {
          requests.push(new URL(request.url).searchParams);
          return HttpResponse.json(page([commune], { page: 1, totalItems: 21, totalPages: 2 }));
        }),
      ),
    );
    renderAt('/admin/units?q=xuan+loc&kind=COMMUNE&page=2&sort=name,desc');

    const table = await screen.findByRole('table', { name: 'Danh sách đơn vị' });
    expect(requests[0]?.toString()).toBe('page=1&size=20&q=xuan+loc&kind=COMMUNE&sort=name%2Cdesc');
    expect(cellTexts(within(table).getAllByRole('row')[1]!)).toEqual([
      'DNAI.XUANLOC',
      'Xã Xuân Lộc',
      'Xã',
      'Tỉnh Đồng Nai',
      'Đang hoạt động',
      '26/03/2026',
      'Đơn vị trực thuộc',
    ]);
    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveValue('xuan loc');
    expect(screen.getByRole('combobox', { name: 'Loại đơn vị' })).toHaveValue('COMMUNE');
    expect(screen.getByRole('columnheader', { name: 'Tên đơn vị' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(screen.getByText('Trang 2 / 2')).toBeInTheDocument();
    expect(screen.getByText('Tổng số: 21 đơn vị')).toBeInTheDocument();
  });

  it('keeps the search, the sort and the page in the URL as the user changes them', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(
        '*/api/v1/org-units',
        authed((request) => {
          const query = new URL(request.url).searchParams;
          requests.push(query);
          return HttpResponse.json(
            page([cultureOffice], {
              page: Number(query.get('page')),
              totalItems: 30,
              totalPages: 2,
            }),
          );
        }),
      ),
    );
    const { router, user } = renderAt('/admin/units?page=2');
    await screen.findByRole('table');

    await user.type(screen.getByRole('searchbox', { name: 'Tìm kiếm' }), 'van hoa');
    await waitFor(() => expect(router.state.location.search).toBe('?q=van+hoa'));

    await user.click(screen.getByRole('button', { name: 'Mã' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=van+hoa&sort=code%2Casc'));

    await user.click(await screen.findByRole('button', { name: 'Trang sau' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=van+hoa&sort=code%2Casc&page=2'),
    );
    await waitFor(() =>
      expect(requests.at(-1)?.toString()).toBe('page=1&size=20&q=van+hoa&sort=code%2Casc'),
    );
    // The search is sent once typing stops, not once per keystroke.
    expect(requests.filter((q) => q.has('q') && q.get('q') !== 'van hoa')).toEqual([]);
  });

  it('walks down the tree: the units below one, with the path to it', async () => {
    const lists = serveUnits();
    const { router, user } = renderAt('/admin/units');
    await screen.findByRole('table');

    await user.click(screen.getByRole('link', { name: 'Đơn vị trực thuộc Xã Xuân Lộc' }));

    await waitFor(() => expect(router.state.location.search).toBe(`?parentId=${commune.id}`));
    const path = await screen.findByRole('navigation', { name: 'Vị trí trong cây đơn vị' });
    expect(
      within(path)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Tỉnh Đồng Nai', 'Xã Xuân Lộc']);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.getByRole('link', { name: 'Phòng Văn hóa - Xã hội' })).toHaveAttribute(
      'href',
      `/admin/units/${cultureOffice.id}`,
    );
    expect(screen.getByRole('link', { name: 'Công an xã Xuân Lộc' })).toBeInTheDocument();
    expect(lists.at(-1)?.get('parentId')).toBe(commune.id);
    // Adding from here adds below this unit.
    expect(screen.getByRole('link', { name: 'Thêm đơn vị' })).toHaveAttribute(
      'href',
      `/admin/units/new?parentId=${commune.id}`,
    );
  });
});

describe('creating a unit', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('shows the problem next to the field it concerns, then creates the unit', async () => {
    const units = [...allUnits];
    serveUnits(units);
    const posted: unknown[] = [];
    server.use(
      http.post(
        '*/api/v1/org-units',
        authed(async (request) => {
          const body = (await request.json()) as components['schemas']['OrgUnitCreate'];
          posted.push(body);
          if (body.code === 'DNAI.XUANLOC.VHXH') {
            return problem(
              409,
              'org-unit.code-taken',
              "Mã đơn vị 'DNAI.XUANLOC.VHXH' đã được dùng.",
              [
                {
                  field: 'code',
                  code: 'org-unit.code-taken',
                  detail: "Mã đơn vị 'DNAI.XUANLOC.VHXH' đã được dùng.",
                },
              ],
            );
          }
          const unit: OrgUnit = {
            ...cultureOffice,
            id: 'a0000000-0000-4000-8000-000000000099',
            code: body.code,
            name: body.name,
            version: 1,
          };
          units.push(unit);
          return HttpResponse.json(unit, { status: 201 });
        }),
      ),
    );
    const { router, user } = renderAt(`/admin/units/new?parentId=${commune.id}`);

    const parent = await screen.findByRole('group', { name: 'Đơn vị cấp trên' });
    expect(within(parent).getByText('Xã Xuân Lộc')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Mã đơn vị'), 'dnai.xuanloc.vhxh');
    expect(screen.getByLabelText('Mã đơn vị')).toHaveValue('DNAI.XUANLOC.VHXH');
    await user.type(screen.getByLabelText('Tên đơn vị'), 'Phòng Văn hóa - Xã hội');
    await user.selectOptions(screen.getByLabelText('Loại đơn vị'), 'Sở, phòng chuyên môn');
    await user.click(screen.getByRole('button', { name: 'Tạo đơn vị' }));

    const code = screen.getByLabelText('Mã đơn vị');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(
      expect.stringContaining("Mã đơn vị 'DNAI.XUANLOC.VHXH' đã được dùng."),
    );
    expect(code).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Chưa lưu được. Vui lòng xem lỗi ở từng ô.',
    );
    expect(screen.getByLabelText('Tên đơn vị')).not.toHaveAttribute('aria-invalid');
    expect(posted[0]).toEqual({
      code: 'DNAI.XUANLOC.VHXH',
      name: 'Phòng Văn hóa - Xã hội',
      kind: 'DEPARTMENT',
      parentId: commune.id,
    });

    await user.clear(code);
    await user.type(code, 'DNAI.XUANLOC.VHXH2');
    await user.click(screen.getByRole('button', { name: 'Tạo đơn vị' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/admin/units/a0000000-0000-4000-8000-000000000099',
      ),
    );
    expect(await screen.findByText('Đã tạo đơn vị Phòng Văn hóa - Xã hội.')).toBeInTheDocument();
  });

  it('checks the required fields and the code before sending anything', async () => {
    serveUnits();
    let posts = 0;
    server.use(
      http.post('*/api/v1/org-units', () => {
        posts += 1;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const { user } = renderAt('/admin/units/new');
    await user.type(await screen.findByLabelText('Mã đơn vị'), '.XL');
    await user.click(screen.getByRole('button', { name: 'Tạo đơn vị' }));

    expect(screen.getByLabelText('Mã đơn vị')).toHaveAccessibleDescription(
      expect.stringContaining('Mã chỉ gồm chữ in hoa không dấu'),
    );
    expect(screen.getByLabelText('Mã đơn vị')).toHaveFocus();
    expect(screen.getByLabelText('Tên đơn vị')).toHaveAccessibleDescription(
      expect.stringContaining('Vui lòng nhập trường này.'),
    );
    expect(screen.getByLabelText('Loại đơn vị')).toHaveAttribute('aria-invalid', 'true');
    // A commune coordinator cannot make a top-level unit: the parent is required.
    expect(screen.getByRole('group', { name: 'Đơn vị cấp trên' })).toHaveAccessibleDescription(
      'Vui lòng chọn đơn vị cấp trên: chỉ quản trị viên được tạo đơn vị cấp cao nhất.',
    );
    expect(posts).toBe(0);
  });
});

describe('editing a unit', () => {
  let units: OrgUnit[];
  beforeEach(async () => {
    await seedSession();
    units = allUnits.map((unit) => ({ ...unit }));
  });

  function store(next: OrgUnit) {
    units[units.findIndex((unit) => unit.id === next.id)] = next;
  }

  it('after a 412 says someone else changed the unit, reloads it, and saves from the new version', async () => {
    serveUnits(units);
    const puts: { ifMatch: string | null; body: unknown }[] = [];
    server.use(
      http.put(
        '*/api/v1/org-units/:id',
        authed(async (request) => {
          const body = (await request.json()) as components['schemas']['OrgUnitUpdate'];
          const ifMatch = request.headers.get('If-Match');
          puts.push({ ifMatch, body });
          if (ifMatch === '"3"') {
            // Meanwhile, someone else renamed it.
            store({ ...cultureOffice, name: 'Phòng Văn hóa - Xã hội xã Xuân Lộc', version: 4 });
            return problem(
              412,
              'request.stale',
              'Bản đơn vị đã được người khác thay đổi (phiên bản hiện tại 4, bạn sửa từ phiên bản 3). Hãy tải lại rồi sửa tiếp.',
            );
          }
          const saved = { ...cultureOffice, ...body, version: 5 } as OrgUnit;
          store(saved);
          return HttpResponse.json(saved);
        }),
      ),
    );
    const { user } = renderAt(`/admin/units/${cultureOffice.id}`);

    const name = await screen.findByLabelText('Tên đơn vị');
    await user.clear(name);
    await user.type(name, 'Phòng VH-XH');
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

    const alert = await findAlert('Dữ liệu đã được người khác thay đổi.');
    expect(alert).toHaveTextContent('phiên bản hiện tại 4, bạn sửa từ phiên bản 3');
    expect(puts[0]).toEqual({
      ifMatch: '"3"',
      body: {
        name: 'Phòng VH-XH',
        shortName: 'Phòng VH-XH',
        kind: 'DEPARTMENT',
        parentId: commune.id,
        active: true,
      },
    });

    await user.click(within(alert).getByRole('button', { name: 'Tải lại bản mới nhất' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Tên đơn vị')).toHaveValue('Phòng Văn hóa - Xã hội xã Xuân Lộc'),
    );
    expect(screen.queryByText('Dữ liệu đã được người khác thay đổi.', { exact: false })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(
      await screen.findByText('Đã lưu đơn vị Phòng Văn hóa - Xã hội xã Xuân Lộc.'),
    ).toBeInTheDocument();
    expect(puts[1]?.ifMatch).toBe('"4"');
  });

  it('moves a unit under another parent', async () => {
    serveUnits(units);
    const bodies: unknown[] = [];
    server.use(
      http.put(
        '*/api/v1/org-units/:id',
        authed(async (request) => {
          const body = (await request.json()) as components['schemas']['OrgUnitUpdate'];
          bodies.push(body);
          return HttpResponse.json({ ...policePost, version: 3 });
        }),
      ),
    );
    const { user } = renderAt(`/admin/units/${policePost.id}`);
    const parent = await screen.findByRole('group', { name: 'Đơn vị cấp trên' });

    await user.type(within(parent).getByRole('searchbox'), 'dong nai');
    await user.click(
      await within(parent).findByRole('button', { name: 'Chọn Tỉnh Đồng Nai (DNAI)' }),
    );
    expect(within(parent).getByText('Tỉnh Đồng Nai')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ parentId: province.id, name: 'Công an xã Xuân Lộc' });
  });

  it('saves the other names a unit answers to, one a line, with the version edited', async () => {
    serveUnits(units);
    const sent: { aliases: string[]; ifMatch: string | null }[] = [];
    server.use(
      http.put(
        '*/api/v1/org-units/:id/aliases',
        authed(async (request) => {
          const body = (await request.json()) as { aliases: string[] };
          sent.push({ aliases: body.aliases, ifMatch: request.headers.get('If-Match') });
          return HttpResponse.json({
            ...cultureOffice,
            aliases: body.aliases,
            version: cultureOffice.version + 1,
          });
        }),
      ),
    );
    const { user } = renderAt(`/admin/units/${cultureOffice.id}`);
    const box = await screen.findByRole('textbox', { name: 'Tên gọi khác, mỗi dòng một tên' });
    await user.type(box, 'Phòng VH&XH{enter}  {enter}P. VHXH');
    await user.click(screen.getByRole('button', { name: 'Lưu tên gọi khác' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      aliases: ['Phòng VH&XH', 'P. VHXH'],
      ifMatch: `"${cultureOffice.version}"`,
    });
    expect(await screen.findByText(/Đã lưu tên gọi khác/)).toBeInTheDocument();
  });

  it('shows why a unit in use cannot be deleted, and deactivates it instead', async () => {
    serveUnits(units);
    const deletes: (string | null)[] = [];
    const puts: unknown[] = [];
    const detail =
      "Đơn vị 'Phòng Văn hóa - Xã hội' đang được dùng (12 chỗ), nên không xóa được. Hãy ngừng hoạt động đơn vị thay vì xóa.";
    server.use(
      http.delete(
        '*/api/v1/org-units/:id',
        authed((request) => {
          deletes.push(request.headers.get('If-Match'));
          return problem(409, 'org-unit.referenced', detail);
        }),
      ),
      http.put(
        '*/api/v1/org-units/:id',
        authed(async (request) => {
          const body = (await request.json()) as components['schemas']['OrgUnitUpdate'];
          puts.push({ ifMatch: request.headers.get('If-Match'), body });
          const saved = { ...cultureOffice, active: body.active, version: 4 };
          store(saved);
          return HttpResponse.json(saved);
        }),
      ),
    );
    const { user } = renderAt(`/admin/units/${cultureOffice.id}`);

    await user.click(await screen.findByRole('button', { name: 'Xóa đơn vị…' }));
    expect(
      screen.getByText(
        'Xóa hẳn đơn vị Phòng Văn hóa - Xã hội (DNAI.XUANLOC.VHXH)? Không thể hoàn tác.',
      ),
    ).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Xóa đơn vị' }));

    const alert = await findAlert(detail);
    expect(alert).toHaveTextContent('Bạn có thể ngừng hoạt động đơn vị thay vì xóa');
    expect(deletes).toEqual(['"3"']);

    await user.click(within(alert).getByRole('button', { name: 'Ngừng hoạt động đơn vị' }));

    expect(
      await screen.findByText('Đã ngừng hoạt động đơn vị Phòng Văn hóa - Xã hội.'),
    ).toBeInTheDocument();
    expect(puts).toEqual([
      {
        ifMatch: '"3"',
        body: {
          name: 'Phòng Văn hóa - Xã hội',
          shortName: 'Phòng VH-XH',
          kind: 'DEPARTMENT',
          parentId: commune.id,
          active: false,
        },
      },
    ]);
    expect(screen.getByLabelText('Đơn vị đang hoạt động')).not.toBeChecked();
  });

  it('deletes a unit nothing refers to and returns to the list', async () => {
    serveUnits(units);
    server.use(
      http.delete(
        '*/api/v1/org-units/:id',
        authed(() => new HttpResponse(null, { status: 204 })),
      ),
    );
    const { router, user } = renderAt(`/admin/units/${policePost.id}`);

    await user.click(await screen.findByRole('button', { name: 'Xóa đơn vị…' }));
    await user.click(screen.getByRole('button', { name: 'Xóa đơn vị' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/units'));
    expect(await screen.findByText('Đã xóa đơn vị Công an xã Xuân Lộc.')).toBeInTheDocument();
  });

  it('shows the problem when the unit cannot be read', async () => {
    serveUnits(units);
    renderAt('/admin/units/a0000000-0000-4000-8000-0000000000ff');
    const alert = await findAlert('Không tải được đơn vị');
    expect(alert).toHaveTextContent('Không tìm thấy đơn vị.');
  });
});
