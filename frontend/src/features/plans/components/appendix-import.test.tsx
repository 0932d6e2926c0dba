import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import {
  authed,
  culture,
  economy,
  plan,
  planId,
  problemWith,
  servePlan,
  viewerMe,
} from '@/features/plans/testing/fixtures';
import { renderPlans, slowTest } from '@/features/plans/testing/render';
import { captureDownloads, fileResponse } from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

type AppendixImportResult = components['schemas']['AppendixImportResult'];

const importUrl = '*/api/v1/plans/:planId/appendix/imports';

/** The preview of a sheet with a new indicator, an unchanged one, and a lead unit no unit matches. */
function preview(overrides: Partial<AppendixImportResult> = {}): AppendixImportResult {
  return {
    dryRun: true,
    valid: false,
    part: 'INDICATORS',
    planId,
    sheet: 'Phụ lục I',
    headerRow: 4,
    rows: [
      {
        row: 6,
        kind: 'GROUP',
        action: 'NONE',
        groupCode: 'A',
        groupName: 'Phát triển hạ tầng',
        indicator: null,
        task: null,
      },
      {
        row: 7,
        kind: 'ITEM',
        action: 'CREATE',
        groupCode: 'A',
        groupName: 'Phát triển hạ tầng',
        indicator: {
          code: 'A.3',
          groupCode: 'A',
          order: 3,
          content: 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng',
          unitOfMeasure: '%',
          targets: [
            {
              year: 2026,
              kind: 'PERCENT',
              comparator: 'GE',
              value: 90,
              qualification: 'trừ văn bản mật',
              wording: '≥ 90% (trừ văn bản mật)',
            },
            { year: 2027, kind: 'MILESTONE', text: 'Triển khai', wording: 'Triển khai' },
          ],
          baseline: null,
          leadUnit: culture,
          cooperatingUnits: [economy],
          leadWording: null,
          cooperatingWording: null,
          note: null,
        },
        task: null,
      },
      {
        row: 8,
        kind: 'ITEM',
        action: 'INVALID',
        groupCode: 'A',
        groupName: 'Phát triển hạ tầng',
        indicator: {
          code: 'A.4',
          groupCode: 'A',
          order: 4,
          content: 'Tỷ lệ người dân có chữ ký số',
          unitOfMeasure: 'người',
          targets: [
            {
              year: 2026,
              kind: 'RATIO',
              comparator: 'GE',
              value: 1,
              per: 1000,
              wording: '1/1.000 dân',
            },
          ],
          baseline: null,
          leadUnit: null,
          cooperatingUnits: [],
          leadWording: 'Phòng Văn hoá Xã hôi',
          cooperatingWording: null,
          note: null,
        },
        task: null,
      },
    ],
    problems: [
      {
        row: 8,
        column: 'F',
        cell: 'F8',
        header: 'Đơn vị chủ trì',
        severity: 'ERROR',
        code: 'import.unit-unknown',
        detail: "Không tìm thấy đơn vị 'Phòng Văn hoá Xã hôi'.",
        candidates: [culture],
        name: 'Phòng Văn hoá Xã hôi',
      },
    ],
    groups: { created: [], updated: [], removed: [], unchanged: 1 },
    unusedColumns: [],
    items: { created: ['A.3', 'A.4'], updated: [], removed: ['B.1'], unchanged: 1 },
    etag: '"bundle-1"',
    ...overrides,
  };
}

/** Serves the import with the answers given in turn; records each request's query and body size. */
function serveImport(...answers: (() => Response)[]) {
  const sent: {
    query: Record<string, string>;
    size: number;
    type: string | null;
    ifMatch?: string;
  }[] = [];
  server.use(
    http.post(
      importUrl,
      authed(async (request) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        const size = (await request.arrayBuffer()).byteLength;
        const ifMatch = request.headers.get('If-Match');
        sent.push({
          query,
          size,
          type: request.headers.get('Content-Type'),
          ...(ifMatch ? { ifMatch } : {}),
        });
        const answer = answers[Math.min(sent.length, answers.length) - 1]!;
        return answer();
      }),
    ),
  );
  return sent;
}

const workbook = () =>
  new File([new Uint8Array([80, 75, 3, 4, 20, 0])], 'phu-luc-chi-tieu.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

async function openImport() {
  const view = renderPlans(`/plans/${planId}/import`);
  await screen.findByRole('radio', { name: 'Chỉ tiêu' });
  return view;
}

describe('AppendixImportPage', () => {
  beforeEach(async () => {
    await seedSession();
    servePlan();
  });

  it(
    'checks the sheet and shows each row as understood and every problem with its row and column, offering no import',
    async () => {
      const sent = serveImport(() => HttpResponse.json(preview()));
      const { user } = await openImport();

      await user.upload(screen.getByLabelText('Tệp Excel (.xlsx)'), workbook());
      await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));

      await screen.findByRole('heading', { name: 'Kết quả kiểm tra' });
      expect(sent).toEqual([
        {
          query: { part: 'INDICATORS', dryRun: 'true' },
          size: 6,
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      ]);
      expect(screen.getByText('Trang tính “Phụ lục I”, dòng tiêu đề 4.')).toBeInTheDocument();
      expect(screen.getByText(/Có 1 lỗi cần sửa trong tệp/)).toBeInTheDocument();

      const counts = screen
        .getAllByRole('term')
        .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
      expect(counts).toEqual(['Thêm mới: 2', 'Thay đổi: 0', 'Giữ nguyên: 1', 'Xóa: 1']);
      expect(screen.getByText('Sẽ xóa khỏi kế hoạch: B.1.')).toBeInTheDocument();

      const problems = screen.getByRole('table', { name: 'Vấn đề trong tệp (1)' });
      const [, problem] = within(problems).getAllByRole('row');
      expect(
        within(problem!)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ).toEqual([
        'Lỗi',
        'Dòng 8, cột F',
        'Đơn vị chủ trì',
        "Không tìm thấy đơn vị 'Phòng Văn hoá Xã hôi'.Đơn vị gần giống: Phòng Văn hóa - Xã hội",
      ]);

      const rows = within(screen.getByRole('table', { name: 'Các dòng của trang tính (3)' }))
        .getAllByRole('row')
        .slice(1);
      expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
        'Nhóm',
        'Thêm mới',
        'Có lỗi',
      ]);
      expect(rows[1]).toHaveTextContent(
        '2026: ≥ 90% (trừ văn bản mật) → Tỷ lệ phần trăm · ≥ 90 · ngoại trừ: trừ văn bản mật',
      );
      expect(rows[1]).toHaveTextContent('2027: Triển khai → Mốc cần đạt · Triển khai');
      expect(rows[1]).toHaveTextContent('Chủ trì: Phòng Văn hóa - Xã hội');
      expect(rows[1]).toHaveTextContent('Phối hợp: Phòng Kinh tế');
      expect(rows[2]).toHaveTextContent('2026: 1/1.000 dân → Tỷ lệ trên mẫu số · ≥ 1 trên 1.000');

      // An error blocks the import: there is nothing to commit.
      expect(
        screen.queryByRole('button', { name: 'Nhập phụ lục chỉ tiêu' }),
      ).not.toBeInTheDocument();
    },
    slowTest,
  );

  it(
    'imports, with dryRun=false, a sheet whose check found no error, then returns to the plan with a notice',
    async () => {
      const valid = preview({
        valid: true,
        rows: preview().rows.slice(0, 2),
        problems: [
          {
            row: 7,
            column: 'D',
            cell: 'D7',
            header: 'Chỉ tiêu phấn đấu năm 2027',
            severity: 'WARNING',
            code: 'import.target-unreadable',
            detail: "Không đọc được chỉ tiêu 'Triển khai'; giữ nguyên văn.",
            candidates: [],
            name: null,
          },
        ],
      });
      const sent = serveImport(
        () => HttpResponse.json(valid),
        () => HttpResponse.json({ ...valid, dryRun: false }),
      );
      const { user, router } = await openImport();

      await user.click(screen.getByRole('radio', { name: 'Nhiệm vụ' }));
      await user.click(screen.getByRole('radio', { name: 'Chỉ tiêu' }));
      await user.upload(screen.getByLabelText('Tệp Excel (.xlsx)'), workbook());
      await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));

      await screen.findByText(/có 1 cảnh báo cần xem lại/);
      const problems = screen.getByRole('table', { name: 'Vấn đề trong tệp (1)' });
      expect(problems).toHaveTextContent('Cảnh báo');
      expect(problems).toHaveTextContent('Dòng 7, cột D');

      await user.click(screen.getByRole('button', { name: 'Nhập phụ lục chỉ tiêu' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(sent.map((s) => s.query)).toEqual([
        { part: 'INDICATORS', dryRun: 'true' },
        { part: 'INDICATORS', dryRun: 'false' },
      ]);
      expect(sent[1]?.size).toBe(6);
      // The import names the plan as the check read it.
      expect(sent.map((s) => s.ifMatch)).toEqual([undefined, '"bundle-1"']);
      expect(await screen.findByText('Đã nhập phụ lục chỉ tiêu từ Excel.')).toBeInTheDocument();
    },
    slowTest,
  );

  it(
    'names the columns whose content would not be imported, and imports only once the person agrees to leave them out',
    async () => {
      const valid = preview({
        valid: true,
        rows: preview().rows.slice(0, 2),
        problems: [],
        unusedColumns: [
          { column: 'H', header: 'Tiến độ', rows: 2, firstCell: 'H7' },
          { column: 'I', header: null, rows: 1, firstCell: 'I7' },
        ],
      });
      const sent = serveImport(
        () => HttpResponse.json(valid),
        () => HttpResponse.json({ ...valid, dryRun: false }),
      );
      const { user, router } = await openImport();

      await user.upload(screen.getByLabelText('Tệp Excel (.xlsx)'), workbook());
      await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));

      const unused = await screen.findByRole('region', {
        name: 'Cột có nội dung nhưng không được nhập',
      });
      expect(
        within(unused)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([
        'Cột H “Tiến độ”: 2 dòng có nội dung, đầu tiên ở ô H7',
        'Cột I (không có tiêu đề): 1 dòng có nội dung, đầu tiên ở ô I7',
      ]);

      // Until the person agrees, the import does nothing.
      const importButton = screen.getByRole('button', { name: 'Nhập phụ lục chỉ tiêu' });
      expect(importButton).toHaveAttribute('aria-disabled', 'true');
      await user.click(importButton);
      expect(sent).toHaveLength(1);

      await user.click(
        screen.getByRole('checkbox', {
          name: 'Tôi đã xem và đồng ý bỏ qua nội dung các cột này khi nhập',
        }),
      );
      await user.click(screen.getByRole('button', { name: 'Nhập phụ lục chỉ tiêu' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(sent.map((s) => s.query)).toEqual([
        { part: 'INDICATORS', dryRun: 'true' },
        { part: 'INDICATORS', dryRun: 'false', acknowledgeUnused: 'true' },
      ]);
    },
    slowTest,
  );

  it(
    'checks the sheet again when the plan was changed since the check, and imports from the new check',
    async () => {
      const valid = preview({ valid: true, rows: preview().rows.slice(0, 2), problems: [] });
      const sent = serveImport(
        () => HttpResponse.json(valid),
        () =>
          HttpResponse.json(
            {
              type: 'https://dti.example/problems/conflict.stale-version',
              title: 'Dữ liệu đã thay đổi',
              status: 412,
              code: 'conflict.stale-version',
              detail: "Kế hoạch 'XL' đã được thay đổi sau lần xem trước.",
            },
            { status: 412, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        () => HttpResponse.json({ ...valid, etag: '"bundle-2"' }),
        () => HttpResponse.json({ ...valid, dryRun: false }),
      );
      const { user, router } = await openImport();

      await user.upload(screen.getByLabelText('Tệp Excel (.xlsx)'), workbook());
      await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));
      await user.click(await screen.findByRole('button', { name: 'Nhập phụ lục chỉ tiêu' }));

      const alert = await screen.findByText(/đã được thay đổi sau lần xem trước/);
      expect(alert).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Tải lại bản mới nhất' }));
      await waitFor(() => expect(sent).toHaveLength(3));
      await user.click(await screen.findByRole('button', { name: 'Nhập phụ lục chỉ tiêu' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(sent.map((s) => [s.query.dryRun, s.ifMatch])).toEqual([
        ['true', undefined],
        ['false', '"bundle-1"'],
        ['true', undefined],
        ['false', '"bundle-2"'],
      ]);
    },
    slowTest,
  );

  it('says why a file that is not an XLSX was refused, next to the file field', async () => {
    const sent = serveImport(() =>
      problemWith(
        415,
        'import.not-xlsx',
        'Tệp không phải bảng tính Excel (.xlsx). Hãy lưu lại dưới dạng Excel Workbook rồi thử lại.',
      ),
    );
    const { user } = await openImport();

    await user.click(screen.getByRole('radio', { name: 'Nhiệm vụ' }));
    await user.upload(
      screen.getByLabelText('Tệp Excel (.xlsx)'),
      new File(['{\\rtf1}'], 'phu-luc.xlsx', { type: 'application/msword' }),
    );
    await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));

    const input = screen.getByLabelText('Tệp Excel (.xlsx)');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining('Tệp không phải bảng tính Excel (.xlsx).'),
    );
    expect(input).toHaveFocus();
    expect(screen.queryByRole('heading', { name: 'Kết quả kiểm tra' })).not.toBeInTheDocument();
    // Said once, where the file is chosen.
    expect(screen.getAllByText(/Tệp không phải bảng tính/)).toHaveLength(1);
    expect(sent.map((s) => s.query)).toEqual([{ part: 'TASKS', dryRun: 'true' }]);
  });

  it('asks for a file before checking anything', async () => {
    const sent = serveImport(() => HttpResponse.json(preview()));
    const { user } = await openImport();

    await user.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));

    expect(screen.getByLabelText('Tệp Excel (.xlsx)')).toHaveAccessibleDescription(
      expect.stringContaining('Hãy chọn tệp Excel cần nhập.'),
    );
    expect(sent).toEqual([]);
  });

  it('downloads the empty template of the chosen part, with the plan’s years', async () => {
    const saved = captureDownloads();
    const requested: string[] = [];
    server.use(
      http.get(
        '*/api/v1/document-templates/:template',
        authed((request) => {
          const url = new URL(request.url);
          requested.push(`${url.pathname}${url.search}`);
          return fileResponse('Mẫu phụ lục chỉ tiêu 2026-2027.xlsx');
        }),
      ),
    );
    const { user } = await openImport();

    await user.click(screen.getByRole('button', { name: 'Tải tệp mẫu chỉ tiêu' }));

    await waitFor(() =>
      expect(saved).toEqual([{ download: 'Mẫu phụ lục chỉ tiêu 2026-2027.xlsx', size: 4 }]),
    );
    expect(requested).toEqual([
      '/api/v1/document-templates/indicators.xlsx?startYear=2026&endYear=2027',
    ]);
  });
});

describe('Appendix on the plan document', () => {
  it('lets a reader download the appendix under the name the server gives, but not import it', async () => {
    await seedSession({ me: viewerMe });
    // The server lets a reader do nothing with the plan.
    servePlan({ current: plan({ actions: [] }) });
    const saved = captureDownloads();
    const requested: string[] = [];
    server.use(
      http.get(
        '*/api/v1/plans/:planId/appendix',
        authed((request) => {
          const url = new URL(request.url);
          requested.push(`${url.pathname}${url.search}`);
          return fileResponse('Phụ lục nhiệm vụ – Kế hoạch Xuân Lộc.xlsx', {
            asciiName: 'phu-luc.xlsx',
          });
        }),
      ),
    );
    const { user } = renderPlans(`/plans/${planId}`);
    const group = await screen.findByRole('group', { name: 'Tải phụ lục (Excel)' });

    expect(screen.queryByRole('link', { name: 'Nhập phụ lục từ Excel' })).not.toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: 'Tải phụ lục nhiệm vụ (Excel)' }));

    await waitFor(() =>
      expect(saved).toEqual([{ download: 'Phụ lục nhiệm vụ – Kế hoạch Xuân Lộc.xlsx', size: 4 }]),
    );
    expect(requested).toEqual([`/api/v1/plans/${planId}/appendix?part=TASKS`]);
  });

  it('shows the problem when the appendix cannot be downloaded', async () => {
    await seedSession({ me: viewerMe });
    // The server lets a reader do nothing with the plan.
    servePlan({ current: plan({ actions: [] }) });
    captureDownloads();
    server.use(
      http.get('*/api/v1/plans/:planId/appendix', () =>
        problemWith(404, 'plan.not-found', 'Không tìm thấy kế hoạch.'),
      ),
    );
    const { user } = renderPlans(`/plans/${planId}`);

    await user.click(await screen.findByRole('button', { name: 'Tải phụ lục chỉ tiêu (Excel)' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Không tìm thấy kế hoạch.');
  });

  it('offers the issuer’s coordinator the import, which opens the import page', async () => {
    await seedSession();
    servePlan();
    const { user, router } = renderPlans(`/plans/${planId}`);

    await user.click(await screen.findByRole('link', { name: 'Nhập phụ lục từ Excel' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}/import`));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nhập phụ lục từ Excel' }),
    ).toBeVisible();
  });
});
