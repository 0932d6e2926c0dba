import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { BundleImport } from '@/features/admin/components/bundle-import';
import { authed, problem, renderPages } from '@/features/admin/testing/admin-fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

type BundleImportResult = components['schemas']['BundleImportResult'];

const bundle = {
  format: 'dti-plan-bundle',
  formatVersion: 1,
  orgUnits: [
    { code: 'DNAI', name: 'Tỉnh Đồng Nai', kind: 'PROVINCE', parentCode: null, active: true },
    {
      code: 'DNAI.XUANLOC',
      name: 'Xã Xuân Lộc',
      kind: 'COMMUNE',
      parentCode: 'DNAI',
      active: true,
    },
  ],
  plan: {
    code: 'XUANLOC-CDS-2026',
    documentNumber: '84/KH-UBND',
    issuingUnitCode: 'DNAI.XUANLOC',
    title: 'Kế hoạch chuyển đổi số xã Xuân Lộc năm 2026',
    startYear: 2026,
    endYear: 2026,
    status: 'DRAFT',
  },
  indicators: [{ code: 'A.1' }, { code: 'A.2' }, { code: 'B.1' }],
  tasks: [{ code: 'NV.1' }],
};

function changes(overrides: Partial<BundleImportResult> = {}): BundleImportResult {
  return {
    dryRun: true,
    planId: null,
    planCode: 'XUANLOC-CDS-2026',
    orgUnits: { created: [], updated: ['DNAI.XUANLOC'], removed: [], unchanged: 1 },
    plan: { created: ['XUANLOC-CDS-2026'], updated: [], removed: [], unchanged: 0 },
    groups: { created: ['A', 'B'], updated: [], removed: [], unchanged: 0 },
    indicators: { created: ['A.1', 'A.2'], updated: ['B.1'], removed: ['C.9'], unchanged: 0 },
    tasks: { created: ['NV.1'], updated: [], removed: [], unchanged: 0 },
    ...overrides,
  };
}

function file(content: string, name = 'xuan-loc-2026.json') {
  return new File([content], name, { type: 'application/json' });
}

describe('importing a plan bundle', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('previews with a dry run, then imports with dryRun=false', async () => {
    const calls: { dryRun: string | null; body: unknown; ifMatch?: string }[] = [];
    let answerPreview: () => void = () => {};
    server.use(
      http.post(
        '*/api/v1/plan-bundles',
        authed(async (request) => {
          const dryRun = new URL(request.url).searchParams.get('dryRun');
          const ifMatch = request.headers.get('If-Match');
          calls.push({ dryRun, body: await request.json(), ...(ifMatch ? { ifMatch } : {}) });
          if (dryRun === 'true') {
            // Held until the test has seen the progress shown meanwhile.
            await new Promise<void>((resolve) => {
              answerPreview = resolve;
            });
            return HttpResponse.json(changes({ etag: '"stored-1"' }));
          }
          return HttpResponse.json(
            changes({ dryRun: false, planId: 'f0000000-0000-4000-8000-000000000084' }),
          );
        }),
      ),
    );
    const { user } = renderPages(
      [{ path: '/admin/import', element: <BundleImport /> }],
      '/admin/import',
    );

    expect(screen.getByRole('button', { name: 'Nhập vào hệ thống' })).toBeDisabled();
    await user.upload(
      screen.getByLabelText('Tệp gói kế hoạch (.json)'),
      file(JSON.stringify(bundle)),
    );

    expect(
      await screen.findByRole('progressbar', { name: 'Đang chạy thử gói kế hoạch…' }),
    ).toBeInTheDocument();
    expect(screen.getByText('2 đơn vị, 3 chỉ tiêu, 1 nhiệm vụ')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nhập vào hệ thống' })).toBeDisabled();
    answerPreview();

    const table = await screen.findByRole('table', {
      name: 'Những thay đổi sẽ thực hiện nếu nhập',
    });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const indicatorRow = within(table).getByRole('rowheader', { name: 'Chỉ tiêu' }).closest('tr')!;
    expect(
      within(indicatorRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '1', '1', '0']);
    expect(screen.getByRole('list', { name: 'Chỉ tiêu: Tạo mới' })).toHaveTextContent('A.1A.2');
    expect(screen.getByRole('list', { name: 'Chỉ tiêu: Cập nhật' })).toHaveTextContent('B.1');
    expect(screen.getByRole('list', { name: 'Chỉ tiêu: Xóa' })).toHaveTextContent('C.9');
    expect(screen.getByText(/sẽ xóa 1 mục mà gói không còn liệt kê/)).toBeInTheDocument();
    expect(calls).toEqual([{ dryRun: 'true', body: bundle }]);

    await user.click(screen.getByRole('button', { name: 'Nhập vào hệ thống' }));

    expect(await screen.findByText('Đã nhập gói kế hoạch XUANLOC-CDS-2026.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mở kế hoạch vừa nhập' })).toHaveAttribute(
      'href',
      '/plans/f0000000-0000-4000-8000-000000000084',
    );
    expect(screen.getByRole('table', { name: 'Những thay đổi đã thực hiện' })).toBeInTheDocument();
    // The import names the plan as the dry run read it.
    expect(calls).toEqual([
      { dryRun: 'true', body: bundle },
      { dryRun: 'false', body: bundle, ifMatch: '"stored-1"' },
    ]);
  });

  it('runs the dry run again when the plan was changed since, and imports from the new one', async () => {
    const calls: { dryRun: string | null; ifMatch: string | null }[] = [];
    let previews = 0;
    server.use(
      http.post(
        '*/api/v1/plan-bundles',
        authed((request) => {
          const dryRun = new URL(request.url).searchParams.get('dryRun');
          const ifMatch = request.headers.get('If-Match');
          calls.push({ dryRun, ifMatch });
          if (dryRun === 'true') {
            previews += 1;
            return HttpResponse.json(changes({ etag: `"stored-${previews}"` }));
          }
          if (ifMatch === '"stored-1"') {
            return HttpResponse.json(
              {
                type: 'https://dti.example/problems/conflict.stale-version',
                title: 'Dữ liệu đã thay đổi',
                status: 412,
                code: 'conflict.stale-version',
                detail: "Kế hoạch 'XUANLOC-CDS-2026' đã được thay đổi sau lần xuất hoặc xem trước.",
              },
              { status: 412, headers: { 'Content-Type': 'application/problem+json' } },
            );
          }
          return HttpResponse.json(
            changes({ dryRun: false, planId: 'f0000000-0000-4000-8000-000000000084' }),
          );
        }),
      ),
    );
    const { user } = renderPages(
      [{ path: '/admin/import', element: <BundleImport /> }],
      '/admin/import',
    );
    await user.upload(
      screen.getByLabelText('Tệp gói kế hoạch (.json)'),
      file(JSON.stringify(bundle)),
    );
    await screen.findByRole('table', { name: 'Những thay đổi sẽ thực hiện nếu nhập' });
    await user.click(screen.getByRole('button', { name: 'Nhập vào hệ thống' }));

    expect(
      await screen.findByText(/đã được thay đổi sau lần xuất hoặc xem trước/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Đã chạy thử lại/)).toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(3));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Nhập vào hệ thống' })).toBeEnabled(),
    );
    await user.click(screen.getByRole('button', { name: 'Nhập vào hệ thống' }));

    expect(await screen.findByText('Đã nhập gói kế hoạch XUANLOC-CDS-2026.')).toBeInTheDocument();
    expect(calls).toEqual([
      { dryRun: 'true', ifMatch: null },
      { dryRun: 'false', ifMatch: '"stored-1"' },
      { dryRun: 'true', ifMatch: null },
      { dryRun: 'false', ifMatch: '"stored-2"' },
    ]);
  });

  it('lists every problem of a refused bundle with where it is, and does not offer to import', async () => {
    server.use(
      http.post(
        '*/api/v1/plan-bundles',
        authed(() =>
          problem(400, 'bundle.invalid', 'Gói kế hoạch có 2 tham chiếu không hợp lệ.', [
            {
              field: 'indicators[2].groupCode',
              code: 'bundle.unknown-group',
              detail: "Nhóm 'Z' không có trong gói.",
            },
            {
              field: 'tasks[0].code',
              code: 'bundle.code-repeated',
              detail: "Mã nhiệm vụ 'NV.1' bị lặp.",
            },
          ]),
        ),
      ),
    );
    const { user } = renderPages(
      [{ path: '/admin/import', element: <BundleImport /> }],
      '/admin/import',
    );

    await user.upload(
      screen.getByLabelText('Tệp gói kế hoạch (.json)'),
      file(JSON.stringify(bundle)),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Gói kế hoạch có 2 tham chiếu không hợp lệ.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      "indicators[2].groupCode Nhóm 'Z' không có trong gói.",
      "tasks[0].code Mã nhiệm vụ 'NV.1' bị lặp.",
    ]);
    expect(screen.getByRole('button', { name: 'Nhập vào hệ thống' })).toBeDisabled();
  });

  it('says next to the file field when the file is not a plan bundle, without sending it', async () => {
    let posts = 0;
    server.use(
      http.post('*/api/v1/plan-bundles', () => {
        posts += 1;
        return HttpResponse.json(changes());
      }),
    );
    const { user } = renderPages(
      [{ path: '/admin/import', element: <BundleImport /> }],
      '/admin/import',
    );
    const input = screen.getByLabelText('Tệp gói kế hoạch (.json)');

    await user.upload(input, file('{"format": "dti-plan-bundle", '));
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        expect.stringContaining('Tệp không phải JSON hợp lệ'),
      ),
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.upload(input, file(JSON.stringify({ format: 'other', plan: {} })));
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        expect.stringContaining('Tệp không phải gói kế hoạch'),
      ),
    );
    expect(posts).toBe(0);
  });
});
