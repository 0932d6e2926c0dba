import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/api/schema';
import {
  cameras,
  march,
  renderReview,
  reviewDb,
  scope,
  serveReviewReads,
} from '@/features/review/testing/review-fixtures';
import {
  captureDownloads,
  commune,
  cultureCentre,
  fileResponse,
  page,
  plan,
  planRef,
  emptyValue,
  serviceCentre,
  target,
  police,
  problemResponse,
} from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession, testMe } from '@/testing/session';

type Assignment = components['schemas']['Assignment'];
type ConsolidatedReport = components['schemas']['ConsolidatedReport'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];

type IndicatorResult = ConsolidatedReport['indicators'][number];

function indicatorResult(
  code: string,
  content: string,
  status: IndicatorResult['status'],
  leadUnit: IndicatorResult['leadUnit'],
  value: IndicatorResult['value'],
): IndicatorResult {
  return {
    indicator: {
      kind: 'INDICATOR',
      id: `c1000000-0000-4000-8000-0000000000${code.length}${code.at(-1)}`,
      code,
      content,
    },
    groupCode: code.slice(0, 1),
    unitOfMeasure: null,
    target: target(
      code === 'A.1' ? { kind: 'PASS_FAIL', comparator: null, value: null, wording: 'Đạt' } : {},
    ),
    leadUnit,
    status,
    achieved: null,
    expected: null,
    reportId: null,
    reportPeriodKey: value ? '2026-03' : null,
    value,
    reportState: null,
    achievements: null,
    difficulties: null,
    proposals: null,
    contributions: 0,
    evidenceCount: 0,
  };
}

function consolidated(period: ReportingPeriod = march): ConsolidatedReport {
  return {
    plan: planRef,
    issuingUnit: commune,
    period,
    statusCounts: { MET: 1, AT_RISK: 1, NOT_REPORTED: 1 },
    indicators: [
      indicatorResult('C.11', 'Tỷ lệ hồ sơ trực tuyến toàn trình', 'AT_RISK', serviceCentre, {
        ...emptyValue,
        numerator: 1450,
        denominator: 2000,
        empty: false,
      }),
      indicatorResult('C.12', 'Số camera an ninh được kết nối', 'NOT_REPORTED', police, null),
      indicatorResult('A.1', 'Xã đạt chuẩn hạ tầng số', 'MET', cultureCentre, {
        ...emptyValue,
        met: true,
        empty: false,
      }),
    ],
    tasks: [],
    timeliness: {
      expected: 12,
      submitted: 9,
      onTime: 8,
      late: 1,
      missing: 3,
      lateUnits: [
        { unit: police, missing: 2, submittedLate: 0, daysLate: 5 },
        { unit: cultureCentre, missing: 0, submittedLate: 1, daysLate: 2 },
      ],
    },
  };
}

function lateAssignment(item: Assignment['item']): Assignment {
  return {
    plan: planRef,
    period: { id: march.id, key: march.key, unitDeadline: march.unitDeadline, closed: false },
    item,
    unit: police,
    role: 'LEAD',
    state: 'LATE',
    deadline: march.unitDeadline,
    daysLeft: -5,
    reportId: null,
    reportVersion: null,
    overdue: true,
    daysLate: 5,
    reviewComment: null,
    actions: [],
  };
}

const owed = [
  lateAssignment({
    kind: 'TASK',
    id: 'f0000000-0000-4000-8000-000000000032',
    code: 'III.2',
    content: 'Triển khai camera giám sát an ninh trật tự tại các ấp',
  }),
  lateAssignment(cameras.item),
];

/** Serves the period's consolidated report (from `state`), its overview and the late assignments. */
function servePeriod(state: { period: ReportingPeriod }) {
  const assignmentQueries: URLSearchParams[] = [];
  server.use(
    http.get('*/api/v1/plans/:planId/periods/:periodKey/consolidated', () =>
      HttpResponse.json(consolidated(state.period)),
    ),
    http.get('*/api/v1/plans/:planId/periods/:periodKey/overview', () =>
      HttpResponse.json({ plan: planRef, periodKey: '2026-03', plans: [], rollups: [] }),
    ),
    http.get('*/api/v1/assignments', ({ request }) => {
      assignmentQueries.push(new URL(request.url).searchParams);
      return HttpResponse.json(page(owed, { size: 200 }));
    }),
  );
  return assignmentQueries;
}

const reminder = [
  'Kính gửi: Công an xã.',
  'Thực hiện Kế hoạch số 84/KH-UBND, hạn gửi báo cáo kết quả thực hiện tháng 3/2026 là ngày 20/03/2026. Đến nay, đơn vị chưa gửi báo cáo đối với 2 nội dung sau:',
  '- C.12: Số camera an ninh được kết nối',
  '- III.2: Triển khai camera giám sát an ninh trật tự tại các ấp',
  'Đề nghị đơn vị khẩn trương cập nhật kết quả, đính kèm tài liệu kiểm chứng và gửi báo cáo trên Hệ thống theo dõi Kế hoạch chuyển đổi số.',
  'Trân trọng./.',
].join('\n');

describe('PeriodStatus', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('opens a plan the server says the person reviews, and its current period', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T09:00:00+07:00'));
    serveReviewReads(reviewDb());
    servePeriod({ period: march });
    const asked: string[] = [];
    server.use(
      http.get('*/api/v1/plans', ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push(query.toString());
        return HttpResponse.json(page(query.get('reviewable') === 'true' ? [plan] : []));
      }),
    );
    const { router } = renderReview('/review/period');

    await waitFor(() =>
      expect(router.state.location.search).toBe(`?plan=${plan.id}&period=2026-03`),
    );
    // Which plans are reviewed is the server's to say: the page asks for them, naming no status of its own.
    expect(asked).toEqual(['reviewable=true&size=100&sort=startYear%2Cdesc']);
    expect(screen.queryByText(/chỉ được xem báo cáo/)).not.toBeInTheDocument();
    vi.useRealTimers();
  });

  it('tells someone the server lets review nothing that the page is for reading', async () => {
    await seedSession({
      me: { ...testMe, roles: ['VIEWER'], coordinatedUnits: [], actions: [], grantableRoles: [] },
    });
    serveReviewReads(reviewDb());
    server.use(http.get('*/api/v1/plans', () => HttpResponse.json(page([]))));
    renderReview('/review/period');

    expect(
      await screen.findByText(
        'Tài khoản của bạn chỉ được xem báo cáo; việc chấp nhận, trả lại và gửi báo cáo tổng hợp do điều phối viên thực hiện.',
      ),
    ).toBeInTheDocument();
  });

  it('lists the late units with what they owe, and copies a ready reminder', async () => {
    serveReviewReads(reviewDb());
    const assignmentQueries = servePeriod({ period: march });
    const { user } = renderReview(`/review/period?${scope}`);

    const late = await screen.findByRole('region', { name: 'Đơn vị chậm nộp báo cáo' });
    const [police, culture] = within(late).getAllByRole('listitem', { name: /./ });
    expect(police).toHaveAccessibleName('Công an xã');
    expect(police).toHaveTextContent('Chưa gửi đủ');
    expect(police).toHaveTextContent('Trễ 5 ngày');
    expect(police).toHaveTextContent('Chưa gửi: 2 nội dung');
    expect(await within(police!).findByText('C.12 Số camera an ninh được kết nối')).toBeVisible();
    expect(culture).toHaveAccessibleName('Trung tâm Văn hóa, Thông tin và Thể thao');
    expect(culture).toHaveTextContent('Đã gửi, trễ hạn');
    expect(culture).toHaveTextContent('Gửi trễ hạn: 1 nội dung');
    expect(within(culture!).queryByRole('button')).not.toBeInTheDocument();
    expect(assignmentQueries[0]?.toString()).toBe(
      `planId=${plan.id}&periodKey=2026-03&state=LATE&size=200&page=0&sort=unit%2Casc`,
    );

    await user.click(within(police!).getByRole('button', { name: 'Sao chép lời nhắc Công an xã' }));

    expect(await navigator.clipboard.readText()).toBe(reminder);
    expect(within(police!).getByRole('status')).toHaveTextContent(
      'Đã sao chép lời nhắc gửi Công an xã.',
    );
  });

  it('selects the reminder for copying by hand when the clipboard refuses', async () => {
    serveReviewReads(reviewDb());
    servePeriod({ period: march });
    const { user } = renderReview(`/review/period?${scope}`);
    const button = await screen.findByRole('button', { name: 'Sao chép lời nhắc Công an xã' });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Denied', 'NotAllowedError'),
    );

    await user.click(button);

    const text = await screen.findByRole('textbox', { name: 'Nội dung lời nhắc gửi Công an xã' });
    expect(text).toBeVisible();
    expect(text).toHaveValue(reminder);
    await waitFor(() => expect(text).toHaveFocus());
    expect((text as HTMLTextAreaElement).selectionStart).toBe(0);
    expect((text as HTMLTextAreaElement).selectionEnd).toBe(reminder.length);
    expect(
      screen.getByText(
        /Trình duyệt không cho sao chép tự động\. Nội dung lời nhắc đã được chọn sẵn/,
      ),
    ).toBeInTheDocument();
  });

  it('downloads the consolidated report of the period as Word, PDF or Excel, with the access token', async () => {
    serveReviewReads(reviewDb());
    servePeriod({ period: march });
    const saved = captureDownloads();
    const requested: { path: string; token: string | null }[] = [];
    server.use(
      http.get('*/api/v1/plans/:planId/periods/:periodKey/documents/:file', ({ request }) => {
        requested.push({
          path: new URL(request.url).pathname,
          token: request.headers.get('Authorization'),
        });
        return fileResponse('Báo cáo tổng hợp tháng 3-2026.pdf', {
          asciiName: 'bao-cao-tong-hop.pdf',
          type: 'application/pdf',
        });
      }),
    );
    const { user } = renderReview(`/review/period?${scope}`);

    const downloads = await screen.findByRole('group', { name: 'Tải báo cáo' });
    expect(
      within(downloads)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Word (DOCX)', 'PDF', 'Excel']);
    await user.click(within(downloads).getByRole('button', { name: 'PDF' }));

    await waitFor(() =>
      expect(saved).toEqual([{ download: 'Báo cáo tổng hợp tháng 3-2026.pdf', size: 4 }]),
    );
    expect(requested.map((r) => r.path)).toEqual([
      `/api/v1/plans/${plan.id}/periods/2026-03/documents/consolidated.pdf`,
    ]);
    expect(requested[0]?.token).toMatch(/^Bearer access-/);
  });

  it('says why the consolidated report could not be downloaded', async () => {
    serveReviewReads(reviewDb());
    servePeriod({ period: march });
    captureDownloads();
    server.use(
      http.get('*/api/v1/plans/:planId/periods/:periodKey/documents/:file', () =>
        problemResponse(
          403,
          'access.denied',
          'Bạn không có quyền xem báo cáo tổng hợp của kỳ này.',
        ),
      ),
    );
    const { user } = renderReview(`/review/period?${scope}`);

    const downloads = await screen.findByRole('group', { name: 'Tải báo cáo' });
    await user.click(within(downloads).getByRole('button', { name: 'Word (DOCX)' }));

    expect(
      await screen.findByText('Bạn không có quyền xem báo cáo tổng hợp của kỳ này.'),
    ).toBeVisible();
  });

  it('shows the timeliness of the period', async () => {
    serveReviewReads(reviewDb());
    servePeriod({ period: march });
    renderReview(`/review/period?${scope}`);

    const summary = await screen.findByRole('region', {
      name: 'Tình hình nộp báo cáo: Tháng 3/2026',
    });
    const facts = within(summary)
      .getAllByRole('term')
      .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
    await waitFor(() => expect(within(summary).getByRole('link')).toHaveTextContent('2 báo cáo'));
    expect(facts.slice(0, 8)).toEqual([
      'Trạng thái kỳ báo cáo: Chưa gửi lên',
      'Hạn nộp của đơn vị: 20/03/2026',
      'Hạn gửi báo cáo tổng hợp: 25/03/2026',
      'Số nội dung phải báo cáo: 12',
      'Đã gửi: 9',
      'Gửi đúng hạn: 8',
      'Gửi trễ hạn: 1',
      'Quá hạn chưa gửi: 3',
    ]);
  });

  it('draws the consolidated report, indicators with target, value and status, before the send-up', async () => {
    serveReviewReads(reviewDb());
    servePeriod({ period: march });
    renderReview(`/review/period?${scope}`);

    const section = await screen.findByRole('region', { name: 'Báo cáo tổng hợp Tháng 3/2026' });
    expect(
      within(within(section).getByRole('list', { name: 'Số chỉ tiêu theo tình trạng' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['!Có nguy cơ chậm 1', '?Chưa có số liệu 1', '✓Đạt 1']);
    const rows = within(section).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      [
        'C.11 Tỷ lệ hồ sơ trực tuyến toàn trình',
        '≥ 80%',
        '1.450/2.000 (72,5%)',
        '!Có nguy cơ chậm',
        'Trung tâm Phục vụ hành chính công',
      ],
      [
        'C.12 Số camera an ninh được kết nối',
        '≥ 80%',
        'Chưa có số liệu được chấp nhận',
        '?Chưa có số liệu',
        'Công an xã',
      ],
      ['A.1 Xã đạt chuẩn hạ tầng số', 'Đạt', 'Đạt', '✓Đạt', cultureCentre.name],
    ]);
    // Read before it is sent: the report comes first, the late units and the send-up after it.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Báo cáo tổng hợp Tháng 3/2026')).toBeLessThan(
      headings.indexOf('Gửi báo cáo tổng hợp lên cấp trên'),
    );
  });

  it('marks the consolidated report as sent up with If-Match and the note', async () => {
    serveReviewReads(reviewDb({ reports: [] }));
    const state = { period: march };
    servePeriod(state);
    const received: { ifMatch: string | null; body: unknown }[] = [];
    server.use(
      http.post('*/api/v1/plans/:planId/periods/:periodKey/send-up', async ({ request }) => {
        received.push({ ifMatch: request.headers.get('If-Match'), body: await request.json() });
        state.period = {
          ...march,
          closed: true,
          sentUpAt: '2026-03-24T03:30:00Z',
          sentUpBy: 'Nguyễn Văn An',
          sentUpNote: 'Báo cáo số 45/BC-UBND ngày 24/3/2026',
          version: 5,
        };
        return HttpResponse.json(state.period, { headers: { ETag: '"5"' } });
      }),
    );
    const { user } = renderReview(`/review/period?${scope}`);

    const sendUp = await screen.findByRole('region', {
      name: 'Gửi báo cáo tổng hợp lên cấp trên',
    });
    await user.type(
      within(sendUp).getByRole('textbox', { name: 'Số, ngày văn bản báo cáo (không bắt buộc)' }),
      'Báo cáo số 45/BC-UBND ngày 24/3/2026',
    );
    await user.click(within(sendUp).getByRole('button', { name: 'Đánh dấu đã gửi lên' }));

    expect(
      await within(sendUp).findByText(
        'Đã ghi nhận báo cáo tổng hợp được gửi lên cấp trên (Tháng 3/2026).',
      ),
    ).toBeInTheDocument();
    expect(received).toEqual([
      { ifMatch: '"4"', body: { note: 'Báo cáo số 45/BC-UBND ngày 24/3/2026' } },
    ]);
    expect(
      await within(sendUp).findByText('Gửi lúc 10:30 24/03/2026, người ghi nhận: Nguyễn Văn An.'),
    ).toBeInTheDocument();
    expect(within(sendUp).getByText('Đã gửi lên')).toBeInTheDocument();
    expect(
      within(sendUp).getByText('Văn bản: Báo cáo số 45/BC-UBND ngày 24/3/2026'),
    ).toBeInTheDocument();
    expect(within(sendUp).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows why sending up was refused, and a field error next to its field', async () => {
    serveReviewReads(reviewDb());
    servePeriod({ period: march });
    let answer = problemResponse(
      409,
      'period.reports-waiting',
      'Còn 2 báo cáo chờ duyệt; hãy chấp nhận hoặc trả lại trước khi gửi báo cáo tổng hợp.',
    );
    server.use(http.post('*/api/v1/plans/:planId/periods/:periodKey/send-up', () => answer));
    const { user } = renderReview(`/review/period?${scope}`);
    const sendUp = await screen.findByRole('region', {
      name: 'Gửi báo cáo tổng hợp lên cấp trên',
    });
    expect(
      await within(sendUp).findByText(
        'Còn 2 báo cáo chờ duyệt: cần chấp nhận hoặc trả lại trước khi gửi lên.',
      ),
    ).toBeInTheDocument();

    await user.click(within(sendUp).getByRole('button', { name: 'Đánh dấu đã gửi lên' }));
    expect(
      await within(sendUp).findByText(
        'Còn 2 báo cáo chờ duyệt; hãy chấp nhận hoặc trả lại trước khi gửi báo cáo tổng hợp.',
      ),
    ).toBeInTheDocument();

    answer = problemResponse(400, 'request.invalid', 'Ghi chú dài quá 500 ký tự.', {
      errors: [{ field: 'note', code: 'size', detail: 'Ghi chú dài quá 500 ký tự.' }],
    });
    await user.click(within(sendUp).getByRole('button', { name: 'Đánh dấu đã gửi lên' }));
    const note = within(sendUp).getByRole('textbox', {
      name: 'Số, ngày văn bản báo cáo (không bắt buộc)',
    });
    await waitFor(() => expect(note).toHaveAttribute('aria-invalid', 'true'));
    expect(note).toHaveAccessibleDescription('Ghi chú dài quá 500 ký tự.');
    expect(note).toHaveFocus();
    expect(
      within(sendUp).getByText('Chưa ghi nhận được. Vui lòng xem lỗi ở ô nhập liệu.'),
    ).toBeInTheDocument();
  });
});
