import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import {
  authed,
  culture,
  economy,
  page,
  problemWith,
  viewerMe,
} from '@/features/plans/testing/fixtures';
import { renderPlans, slowTest } from '@/features/plans/testing/render';
import { server } from '@/testing/mocks/server';
import { seedSession, testMe } from '@/testing/session';

type PlanIntake = components['schemas']['PlanIntake'];
type PlanIntakeBlock = components['schemas']['PlanIntakeBlock'];
type PlanIntakeInput = components['schemas']['PlanIntakeInput'];
type BundleChanges = components['schemas']['BundleChanges'];

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const newPlanId = 'b7c1d2e3-0000-4000-8000-000000002027';

function paragraph(
  index: number,
  text: string,
  role: PlanIntakeBlock['role'],
  extra: Partial<PlanIntakeBlock> = {},
): PlanIntakeBlock {
  return {
    index,
    page: 0,
    kind: 'PARAGRAPH',
    text,
    bold: false,
    doubtful: false,
    rows: null,
    doubtfulCells: null,
    role,
    ...extra,
  };
}

const table: PlanIntakeBlock = {
  index: 7,
  page: 0,
  kind: 'TABLE',
  text: null,
  bold: false,
  doubtful: false,
  rows: [
    [
      'STT',
      'Nội dung chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu năm 2027',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
    ],
    ['A', 'Hạ tầng', '', '', '', ''],
    ['1', 'Tỷ lệ nhà văn hóa ấp có Wifi miễn phí', '%', '≥ 50%', 'Phòng Văn hóa - Xã hội', ''],
    ['2', 'Tỷ lệ hồ sơ xử lý trực tuyến', '%', '100%', 'Phòng Kinh tế - Hạ tầng', 'Các ấp'],
  ],
  doubtfulCells: null,
  role: 'APPENDIX_TABLE',
};

const blocks: PlanIntakeBlock[] = [
  paragraph(1, 'UBND XÃ XUÂN LỘC', 'HEADING', { bold: true }),
  paragraph(2, 'KẾ HOẠCH', 'TITLE', { bold: true }),
  paragraph(3, 'Chuyển đổi số thử nghiệm năm 2027', 'TITLE', { bold: true }),
  paragraph(
    4,
    'Các cơ quan, đơn vị báo cáo gửi UBND xã (thông qua Phòng Văn hóa - Xã hội) trước ngày 20 hằng tháng.',
    'REGIME',
  ),
  paragraph(5, 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', 'SIGNER', { bold: true }),
  paragraph(6, 'Nguyễn Văn Bình', 'SIGNER', { bold: true }),
  table,
];

const none: BundleChanges = { created: [], updated: [], removed: [], unchanged: 0 };

/** The reading of the sample plan: a unit name no unit matches (an ERROR) and the regime's coordinator in doubt. */
function reading(overrides: Partial<PlanIntake> = {}): PlanIntake {
  return {
    committed: false,
    valid: false,
    source: { kind: 'DOCX', pages: 0, blocks },
    plan: {
      format: 'dti-plan-bundle',
      formatVersion: 1,
      orgUnits: [],
      plan: {
        code: 'XUANLOC-CDS-2027',
        documentNumber: '12/KH-UBND',
        issuingUnitCode: 'DNAI.XUANLOC',
        issueDate: '2027-01-15',
        issuePlace: 'Xuân Lộc',
        title: 'Kế hoạch Chuyển đổi số thử nghiệm năm 2027',
        startYear: 2027,
        endYear: 2027,
        status: 'ISSUED',
        legalBases: [
          {
            citation: 'Kế hoạch số 119/KH-UBND ngày 09/3/2026 của UBND tỉnh',
            planCode: 'DNAI-KH119-2026',
          },
        ],
        sections: [{ key: 'OBJECTIVES', heading: 'I. MỤC TIÊU', body: 'Thử nghiệm.' }],
        signerName: 'Nguyễn Văn Bình',
        signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
        recipients: ['Chủ tịch, các PCT UBND xã', 'Lưu: VT, VHXH.'],
        reportingRegime: {
          frequency: 'MONTHLY',
          unitReportDay: 20,
          consolidationDay: 25,
          coordinatorUnitCode: culture.code,
          recipientUnitCode: 'DNAI.XUANLOC',
          wording: 'trước ngày 20 hằng tháng',
        },
      },
      indicatorGroups: [{ code: 'A', name: 'Hạ tầng', order: 1 }],
      indicators: [
        {
          code: 'A.1',
          groupCode: 'A',
          order: 1,
          content: 'Tỷ lệ nhà văn hóa ấp có Wifi miễn phí',
          unitOfMeasure: '%',
          targets: [{ year: 2027, kind: 'PERCENT', comparator: 'GE', value: 50, wording: '≥ 50%' }],
          leadUnitCode: culture.code,
          cooperatingUnitCodes: [],
        },
      ],
      taskGroups: [],
      tasks: [],
    },
    findings: [
      {
        block: 4,
        row: null,
        column: null,
        severity: 'WARNING',
        code: 'intake.coordinator-unknown',
        detail: 'Không xác định được đơn vị đầu mối tổng hợp báo cáo, cần kiểm tra lại.',
        candidates: [],
        offer: null,
        name: null,
      },
      {
        block: 7,
        row: 3,
        column: 4,
        severity: 'ERROR',
        code: 'import.unit-unknown',
        detail:
          "Không tìm thấy đơn vị 'Phòng Kinh tế - Hạ tầng'; gần nhất: Phòng Kinh tế, Phòng Văn hóa - Xã hội.",
        candidates: [economy, culture],
        offer: null,
        name: 'Phòng Kinh tế - Hạ tầng',
      },
      {
        block: null,
        row: null,
        column: null,
        severity: 'WARNING',
        code: 'intake.unit-group-offered',
        detail: "'Các ấp' là tên gọi chung của nhiều đơn vị: có thể tạo thành một nhóm đơn vị.",
        candidates: [],
        offer: 'Các ấp',
        name: null,
      },
    ],
    changes: {
      dryRun: true,
      planId: null,
      planCode: 'XUANLOC-CDS-2027',
      plan: { ...none, created: ['XUANLOC-CDS-2027'] },
      groups: { ...none, created: ['indicator:A'] },
      indicators: { ...none, created: ['A.1'] },
      tasks: none,
      orgUnits: none,
    },
    etag: '"new"',
    learnedAliases: [],
    units: [
      { code: 'DNAI.XUANLOC', name: 'Xã Xuân Lộc', created: false },
      { code: culture.code, name: culture.name, created: false },
      { code: economy.code, name: economy.name, created: false },
    ],
    ...overrides,
  };
}

/** The preview after the person placed the name and chose to create the group: nothing blocks any more. */
function fixed(): PlanIntake {
  const before = reading();
  return {
    ...before,
    valid: true,
    findings: before.findings.filter((f) => f.severity === 'WARNING' && f.offer === null),
    plan: {
      ...before.plan,
      orgUnits: [
        {
          code: 'DNAI.XUANLOC.AP2',
          name: 'Các ấp',
          kind: 'UNIT_GROUP',
          parentCode: 'DNAI.XUANLOC',
        },
      ],
      indicators: [
        ...(before.plan.indicators ?? []),
        {
          code: 'A.2',
          groupCode: 'A',
          order: 2,
          content: 'Tỷ lệ hồ sơ xử lý trực tuyến',
          unitOfMeasure: '%',
          targets: [{ year: 2027, kind: 'PERCENT', value: 100, wording: '100%' }],
          leadUnitCode: economy.code,
          cooperatingUnitCodes: ['DNAI.XUANLOC.AP2'],
        },
      ],
    },
    changes: {
      ...before.changes,
      indicators: { ...none, created: ['A.1', 'A.2'] },
      orgUnits: { ...none, created: ['DNAI.XUANLOC.AP2'] },
    },
    units: [...before.units, { code: 'DNAI.XUANLOC.AP2', name: 'Các ấp', created: true }],
  };
}

type PlanIntakeJob = components['schemas']['PlanIntakeJob'];

/** The sample plan as a scan reads it: its blocks on pages, a target cell read with doubt. */
const scanSource: PlanIntake['source'] = {
  kind: 'SCAN',
  pages: 2,
  blocks: blocks.map((block) =>
    block.kind === 'TABLE'
      ? {
          ...block,
          page: 2,
          rows: block.rows!.map((cells, r) =>
            r === 2 ? cells.map((c, i) => (i === 3 ? '≥ 5O%' : c)) : cells,
          ),
          doubtfulCells: [[2, 3]],
        }
      : { ...block, page: 1 },
  ),
};

function job(overrides: Partial<PlanIntakeJob> = {}): PlanIntakeJob {
  return {
    id: '5c1e7a2b-0000-4000-8000-00000000a001',
    state: 'RUNNING',
    pagesDone: 0,
    pagesTotal: 0,
    source: null,
    problemCode: null,
    problemDetail: null,
    ...overrides,
  };
}

/** Serves a scan's job: each poll gets the next answer, the last repeated. */
function serveJob(answers: PlanIntakeJob[]) {
  let polls = 0;
  server.use(
    http.get(
      '*/api/v1/plan-intakes/jobs/:id',
      authed(() => HttpResponse.json(answers[Math.min(polls++, answers.length - 1)])),
    ),
  );
  return () => polls;
}

const scanFile = () =>
  new File([new Uint8Array([137, 80, 78, 71])], 'ke-hoach-quet.png', { type: 'image/png' });

type SentIntake = { path: string; type: string | null; ifMatch: string | null; body: unknown };

/** Serves the three intake calls with the answers given in turn for each; records what was sent. */
function serveIntake({
  read = [() => HttpResponse.json(reading())],
  previews = [] as (() => Response)[],
  commits = [] as (() => Response)[],
} = {}) {
  const sent: SentIntake[] = [];
  const answer = (list: (() => Response)[], path: string) =>
    authed(async (request) => {
      const type = request.headers.get('Content-Type');
      const body: unknown = type?.includes('json')
        ? await request.json()
        : (await request.arrayBuffer()).byteLength;
      sent.push({ path, type, ifMatch: request.headers.get('If-Match'), body });
      const count = sent.filter((s) => s.path === path).length;
      return list[Math.min(count, list.length) - 1]!();
    });
  server.use(
    http.post('*/api/v1/plan-intakes', answer(read, 'read')),
    http.post('*/api/v1/plan-intakes/previews', answer(previews, 'preview')),
    http.post('*/api/v1/plan-intakes/commits', answer(commits, 'commit')),
    http.get(
      '*/api/v1/org-units',
      authed(() =>
        HttpResponse.json(
          page(
            [
              {
                id: 'a0000000-0000-4000-8000-000000000002',
                code: 'DNAI.XUANLOC',
                name: 'Xã Xuân Lộc',
              },
              culture,
              economy,
            ].map((unit) => ({ ...unit, kind: 'DEPARTMENT' as const })),
          ),
        ),
      ),
    ),
  );
  return sent;
}

const wordFile = () =>
  new File([new Uint8Array([80, 75, 3, 4, 20, 0, 8])], 'ke-hoach-thu-nghiem.docx', {
    type: docxType,
  });

async function openAndRead() {
  const view = renderPlans('/plans/intake');
  const input = await screen.findByLabelText('Tệp văn bản kế hoạch');
  await view.user.upload(input, wordFile());
  await view.user.click(screen.getByRole('button', { name: 'Đọc văn bản' }));
  await screen.findByRole('heading', { name: 'Kế hoạch như đã hiểu' });
  return view;
}

async function openAndSend(file: File) {
  const view = renderPlans('/plans/intake');
  await view.user.upload(await screen.findByLabelText('Tệp văn bản kế hoạch'), file);
  await view.user.click(screen.getByRole('button', { name: 'Đọc văn bản' }));
  return view;
}

const commitButton = () => screen.getByRole('button', { name: 'Nhập kế hoạch' });

describe('PlanIntakePage', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it(
    'reads the Word file and shows the plan as understood beside its blocks, each doubt at its block, with no import while an error remains',
    async () => {
      const sent = serveIntake();
      const { user } = await openAndRead();

      expect(sent).toEqual([{ path: 'read', type: docxType, ifMatch: null, body: 7 }]);

      const understood = screen.getByRole('region', { name: 'Kế hoạch như đã hiểu' });
      expect(
        within(understood).getByText('Kế hoạch Chuyển đổi số thử nghiệm năm 2027'),
      ).toBeVisible();
      const facts = within(understood)
        .getAllByRole('term')
        .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
      expect(facts).toEqual([
        'Mã kế hoạch: XUANLOC-CDS-2027',
        'Số văn bản: 12/KH-UBND',
        'Ngày ban hành: 15/01/2027',
        'Nơi ban hành: Xuân Lộc',
        'Giai đoạn: 2027',
        'Đơn vị ban hành: Xã Xuân Lộc',
        'Trạng thái khi nhập: Đã ban hành',
      ]);
      expect(understood).toHaveTextContent(
        'Hằng tháng, đơn vị báo cáo trước ngày 20, tổng hợp trước ngày 25',
      );
      expect(understood).toHaveTextContent('Đầu mối tổng hợp: Phòng Văn hóa - Xã hội');
      expect(understood).toHaveTextContent(
        'Đã liên kết với kế hoạch DNAI-KH119-2026 trong hệ thống',
      );
      expect(understood).toHaveTextContent('Chỉ tiêu: 1 chỉ tiêu trong 1 nhóm');
      expect(understood).toHaveTextContent('Năm 2027: ≥ 50%');
      expect(understood).toHaveTextContent('Chủ trì: Phòng Văn hóa - Xã hội');

      expect(
        screen.getByText(
          'Sẽ tạo mới kế hoạch XUANLOC-CDS-2027: 1 chỉ tiêu, 0 nhiệm vụ, 1 nhóm chỉ tiêu, nhiệm vụ.',
        ),
      ).toBeVisible();
      expect(screen.getByText(/Còn 1 lỗi cần xử lý trước khi nhập/)).toBeVisible();

      // Each block says what it was understood as; the doubt about the regime is at its paragraph.
      const source = screen.getByRole('region', { name: 'Văn bản gốc' });
      const regime = within(source)
        .getByText(/trước ngày 20 hằng tháng\.$/)
        .closest('li')!;
      expect(within(regime).getByText('Chế độ báo cáo')).toBeVisible();
      expect(within(regime).getByText('Cần kiểm tra')).toBeVisible();
      expect(regime).toHaveTextContent('Không xác định được đơn vị đầu mối tổng hợp báo cáo');
      expect(within(source).getAllByText('Người ký')).toHaveLength(2);

      // The error is at its table, its cell highlighted.
      const tableBlock = within(source)
        .getByRole('region', { name: 'Bảng ở đoạn 7' })
        .closest('li')!;
      expect(within(tableBlock).getByText('Bảng phụ lục')).toBeVisible();
      expect(within(tableBlock).getByText('Lỗi')).toBeVisible();
      expect(within(tableBlock).getByText('Dòng 4, cột “Đơn vị chủ trì”')).toBeVisible();
      const cell = within(tableBlock).getByText('Phòng Kinh tế - Hạ tầng', { selector: 'td' });
      expect(cell).toHaveClass('intake-cell-error');

      // No codes or enum names on the screen.
      expect(document.body).not.toHaveTextContent(/APPENDIX_TABLE|import\.unit-unknown|WARNING/);

      // An error blocks the import.
      expect(commitButton()).toHaveAttribute('aria-disabled', 'true');
      expect(screen.getByText('Chưa nhập được: còn lỗi.')).toBeVisible();
      await user.click(commitButton());
      expect(sent.filter((s) => s.path === 'commit')).toEqual([]);
    },
    slowTest,
  );

  it(
    'sends the unit chosen for a name and the group to create, previews again, then imports with the preview’s etag and opens the plan',
    async () => {
      const sent = serveIntake({
        previews: [() => HttpResponse.json(fixed())],
        commits: [
          () =>
            HttpResponse.json({
              ...fixed(),
              committed: true,
              changes: { ...fixed().changes, dryRun: false, planId: newPlanId },
              etag: '"1"',
              learnedAliases: ['Phòng Kinh tế - Hạ tầng'],
            }),
        ],
      });
      const { user } = await openAndRead();

      await user.selectOptions(
        screen.getByLabelText('Đơn vị ứng với “Phòng Kinh tế - Hạ tầng”'),
        'Phòng Kinh tế',
      );
      await user.click(screen.getByRole('checkbox', { name: 'Tạo nhóm đơn vị “Các ấp” khi nhập' }));
      // A choice not yet previewed is not imported.
      expect(screen.getByText(/Bấm “Xem trước lại” để xem kết quả/)).toBeVisible();
      expect(commitButton()).toHaveAttribute('aria-disabled', 'true');

      await user.click(screen.getByRole('button', { name: 'Xem trước lại' }));
      await screen.findByText(/Không có lỗi chặn, nhưng có 1 điểm cần kiểm tra/);
      const previewSent = sent.find((s) => s.path === 'preview')!;
      expect(previewSent.type).toContain('application/json');
      const body = previewSent.body as PlanIntakeInput;
      expect(body.choices).toEqual({
        units: { 'Phòng Kinh tế - Hạ tầng': economy.code },
        createUnitGroups: ['Các ấp'],
        acknowledgeUnused: false,
      });
      expect(body.source.blocks).toEqual(blocks);
      expect(
        screen.getByText(
          'Sẽ tạo mới kế hoạch XUANLOC-CDS-2027: 2 chỉ tiêu, 0 nhiệm vụ, 1 nhóm chỉ tiêu, nhiệm vụ, 1 nhóm đơn vị mới.',
        ),
      ).toBeVisible();
      expect(screen.getByRole('region', { name: 'Kế hoạch như đã hiểu' })).toHaveTextContent(
        'Phối hợp: Các ấp (nhóm mới)',
      );

      await user.click(commitButton());

      await screen.findByRole('heading', { name: 'Đã nhập kế hoạch' });
      const commitSent = sent.find((s) => s.path === 'commit')!;
      expect(commitSent.ifMatch).toBe('"new"');
      expect(commitSent.body).toEqual(body);
      expect(
        screen.getByText(
          'Đã tạo kế hoạch XUANLOC-CDS-2027: 2 chỉ tiêu, 0 nhiệm vụ, 1 nhóm chỉ tiêu, nhiệm vụ, 1 nhóm đơn vị mới.',
        ),
      ).toBeVisible();
      expect(
        screen.getByText(
          'Đã ghi nhớ tên gọi khác của đơn vị: “Phòng Kinh tế - Hạ tầng”. Văn bản sau viết như vậy sẽ không cần chọn lại.',
        ),
      ).toBeVisible();
      expect(screen.getByRole('link', { name: 'Mở kế hoạch' })).toHaveAttribute(
        'href',
        `/plans/${newPlanId}`,
      );
    },
    slowTest,
  );

  it(
    'sends a paragraph as corrected, and after a refused import (the plan changed) previews again',
    async () => {
      const valid = reading({
        valid: true,
        findings: reading().findings.filter((f) => f.severity === 'WARNING' && f.offer === null),
        etag: '"7"',
        changes: {
          ...reading().changes,
          planId: newPlanId,
          plan: { ...none, updated: ['XUANLOC-CDS-2027'] },
          indicators: { ...none, updated: ['A.1', 'A.2'], unchanged: 28 },
          groups: { ...none, unchanged: 5 },
        },
      });
      const sent = serveIntake({
        read: [() => HttpResponse.json(valid)],
        previews: [() => HttpResponse.json({ ...valid, etag: '"8"' })],
        commits: [
          () =>
            problemWith(
              412,
              'conflict.stale-version',
              "Kế hoạch 'XUANLOC-CDS-2027' đã thay đổi sau lần xem trước: hãy xem trước lại.",
            ),
        ],
      });
      const { user } = await openAndRead();

      expect(
        screen.getByText(
          'Cập nhật kế hoạch XUANLOC-CDS-2027: thông tin kế hoạch thay đổi, 2 chỉ tiêu thay đổi, không có gì khác.',
        ),
      ).toBeVisible();

      await user.click(screen.getByRole('button', { name: 'Sửa đoạn 4' }));
      const text = screen.getByLabelText('Nội dung đoạn 4');
      await user.clear(text);
      await user.type(text, 'Báo cáo trước ngày 20 hằng tháng.');
      await user.click(screen.getByRole('button', { name: 'Xong' }));
      expect(screen.getByText('Đã sửa')).toBeVisible();
      expect(commitButton()).toHaveAttribute('aria-disabled', 'true');
      expect(screen.getByText('Chưa nhập được: hãy xem trước lại sau khi sửa.')).toBeVisible();

      await user.click(screen.getByRole('button', { name: 'Xem trước lại' }));
      await waitFor(() => expect(commitButton()).not.toHaveAttribute('aria-disabled'));
      const previewBody = sent.find((s) => s.path === 'preview')!.body as PlanIntakeInput;
      expect(previewBody.source.blocks.find((b) => b.index === 4)?.text).toBe(
        'Báo cáo trước ngày 20 hằng tháng.',
      );

      await user.click(commitButton());
      expect(await screen.findByText(/Kế hoạch đã được thay đổi sau lần xem trước/)).toBeVisible();
      expect(sent.filter((s) => s.path === 'commit').map((s) => s.ifMatch)).toEqual(['"8"']);
    },
    slowTest,
  );

  it('says why a file that is not a Word document was refused, next to the file field', async () => {
    serveIntake({
      read: [
        () =>
          problemWith(415, 'intake.unsupported', 'Tệp gửi lên không phải văn bản Word (.docx).'),
      ],
    });
    const { user } = renderPlans('/plans/intake');
    const input = await screen.findByLabelText('Tệp văn bản kế hoạch');
    expect(input).toHaveAttribute('accept', expect.stringContaining('.docx'));
    await user.upload(input, wordFile());
    await user.click(screen.getByRole('button', { name: 'Đọc văn bản' }));

    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining('Tệp gửi lên không phải văn bản Word (.docx).'),
    );
    expect(screen.queryByText(/intake\.unsupported/)).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Kế hoạch như đã hiểu' })).not.toBeInTheDocument();
  });

  it('shows, while the file is read, that it is being read', async () => {
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    serveIntake({ read: [() => HttpResponse.json(reading())] });
    server.use(
      http.post(
        '*/api/v1/plan-intakes',
        authed(async () => {
          await answered;
          return HttpResponse.json(reading());
        }),
      ),
    );
    const { user } = renderPlans('/plans/intake');
    await user.upload(await screen.findByLabelText('Tệp văn bản kế hoạch'), wordFile());
    await user.click(screen.getByRole('button', { name: 'Đọc văn bản' }));

    expect(
      await screen.findByText('Đang tải lên và đọc văn bản… việc này có thể mất vài giây.'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Đang đọc văn bản…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    release();
    await screen.findByRole('heading', { name: 'Kế hoạch như đã hiểu' });
  });

  it(
    'reads a scan: shows the pages read while the text is recognised, then previews what was read, each page and doubtful cell marked, the cell open for correction',
    async () => {
      const running = job();
      const sent = serveIntake({
        read: [() => HttpResponse.json(running, { status: 202 })],
        previews: [
          () => HttpResponse.json(reading({ source: scanSource })),
          () => HttpResponse.json(reading({ source: scanSource })),
        ],
      });
      serveJob([
        job({ pagesDone: 1, pagesTotal: 2 }),
        job({ state: 'DONE', pagesDone: 2, pagesTotal: 2, source: scanSource }),
      ]);
      const { user } = await openAndSend(scanFile());

      expect(await screen.findByText('Đang nhận dạng chữ: trang 1/2')).toBeVisible();
      expect(
        screen.getByRole('progressbar', { name: 'Đang nhận dạng chữ: trang 1/2' }),
      ).toHaveAttribute('value', '1');
      await screen.findByRole('heading', { name: 'Kế hoạch như đã hiểu' }, { timeout: 8000 });

      expect(sent.map((s) => s.path)).toEqual(['read', 'preview']);
      expect(sent[0]!.type).toBe('image/png');
      const first = sent[1]!.body as PlanIntakeInput;
      expect(first.source).toEqual(scanSource);
      expect(first.choices).toEqual({ units: {}, createUnitGroups: [], acknowledgeUnused: false });

      const source = screen.getByRole('region', { name: 'Văn bản gốc' });
      expect(within(source).getAllByText('Trang 1')).toHaveLength(6);
      const tableBlock = within(source)
        .getByRole('region', { name: 'Bảng ở đoạn 7' })
        .closest('li')!;
      expect(within(tableBlock).getByText('Trang 2')).toBeVisible();

      // The doubtful cell stands out and is corrected in place.
      const cellText = within(tableBlock).getByLabelText(
        'Nội dung ô Dòng 3, cột “Chỉ tiêu năm 2027”',
      );
      const cell = cellText.closest('td')!;
      expect(cell).toHaveClass('intake-cell-warning');
      expect(within(cell).getByText('Cần kiểm tra')).toBeVisible();
      await user.clear(cellText);
      await user.type(cellText, '≥ 50%');
      expect(within(cell).getByText('Đã sửa')).toBeVisible();
      await user.click(screen.getByRole('button', { name: 'Xem trước lại' }));
      await waitFor(() => expect(sent.filter((s) => s.path === 'preview')).toHaveLength(2));
      const again = sent.filter((s) => s.path === 'preview')[1]!.body as PlanIntakeInput;
      expect(again.source.blocks.find((b) => b.index === 7)?.rows?.[2]?.[3]).toBe('≥ 50%');
    },
    slowTest,
  );

  it(
    'says in words why a scan could not be read',
    async () => {
      serveIntake({ read: [() => HttpResponse.json(job(), { status: 202 })] });
      serveJob([
        job({
          state: 'FAILED',
          problemCode: 'intake.ocr-timeout',
          problemDetail: 'Đọc bản quét quá lâu nên đã dừng.',
        }),
      ]);
      await openAndSend(scanFile());

      const input = screen.getByLabelText('Tệp văn bản kế hoạch');
      await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'), { timeout: 5000 });
      expect(input).toHaveAccessibleDescription(
        expect.stringContaining('Không đọc được bản quét: Đọc bản quét quá lâu nên đã dừng.'),
      );
      expect(document.body).not.toHaveTextContent(/intake\.ocr-timeout|FAILED/);
      expect(screen.getByRole('button', { name: 'Đọc văn bản' })).not.toHaveAttribute(
        'aria-disabled',
      );
    },
    slowTest,
  );

  it('says the server is busy with other scans when it is', async () => {
    serveIntake({
      read: [() => problemWith(503, 'intake.busy', 'busy')],
    });
    await openAndSend(scanFile());
    expect(
      await screen.findByText('Máy chủ đang bận đọc các bản quét khác. Hãy thử lại sau ít phút.'),
    ).toBeVisible();
  });

  it(
    'sends another issuing unit chosen in the plan, and says nothing of changes while errors remain',
    async () => {
      const other = {
        id: 'a0000000-0000-4000-8000-000000000003',
        code: 'DNAI.XUANDINH',
        name: 'UBND xã Xuân Định',
      };
      await seedSession({
        me: { ...testMe, coordinatedUnits: [...testMe.coordinatedUnits, other] },
      });
      const sent = serveIntake({
        read: [() => HttpResponse.json(reading({ changes: null }))],
        previews: [() => HttpResponse.json(reading({ changes: null }))],
      });
      const { user } = await openAndRead();
      expect(
        screen.getByText('Chưa tính được những gì sẽ thay đổi: còn lỗi cần xử lý.'),
      ).toBeVisible();

      const plan = screen.getByRole('region', { name: 'Kế hoạch như đã hiểu' });
      await user.selectOptions(
        within(plan).getByLabelText('Đổi đơn vị ban hành'),
        'UBND xã Xuân Định',
      );
      await user.click(screen.getByRole('button', { name: 'Xem trước lại' }));
      await waitFor(() => expect(sent.filter((s) => s.path === 'preview')).toHaveLength(1));
      const body = sent.find((s) => s.path === 'preview')!.body as PlanIntakeInput;
      expect(body.choices?.issuingUnitId).toBe(other.id);
    },
    slowTest,
  );

  it('tells a reader the screen is for coordinators', async () => {
    await seedSession({ me: viewerMe });
    renderPlans('/plans/intake');
    expect(
      await screen.findByText('Chỉ điều phối viên mới được nhập kế hoạch từ văn bản.'),
    ).toBeVisible();
    expect(screen.queryByLabelText('Tệp văn bản kế hoạch')).not.toBeInTheDocument();
  });
});
