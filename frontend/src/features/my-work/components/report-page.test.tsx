import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/api/schema';
import { ReportPage } from '@/features/my-work/components/report-page';
import { serveItem } from '@/features/my-work/testing/fixtures';
import {
  authed,
  emptyValue,
  evidence,
  healthStation,
  indicator,
  indicatorId,
  json,
  page,
  plan,
  police,
  problemResponse,
  report,
  reportId,
  reporterMe,
  target,
} from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

type Report = components['schemas']['Report'];

type Sent = { method: string; path: string; ifMatch: string | null; body: unknown };

/** A report on the server: reads, saves (bumping the version) and submissions, all recorded. */
function serveReport(initial: Report) {
  let current = initial;
  const sent: Sent[] = [];
  async function record(request: Request) {
    const text = await request.text();
    sent.push({
      method: request.method,
      path: new URL(request.url).pathname,
      ifMatch: request.headers.get('If-Match'),
      body: text ? (JSON.parse(text) as unknown) : null,
    });
    return text ? (JSON.parse(text) as Partial<Report>) : {};
  }
  server.use(
    http.get(
      '*/api/v1/reports/:reportId',
      authed(() => json(current)),
    ),
    http.put(
      '*/api/v1/reports/:reportId',
      authed(async (request) => {
        const body = await record(request);
        current = {
          ...current,
          ...body,
          value: { ...emptyValue, ...body.value, empty: false },
          version: current.version + 1,
        };
        return json(current);
      }),
    ),
    http.post(
      '*/api/v1/reports/:reportId/submit',
      authed(async (request) => {
        await record(request);
        current = {
          ...current,
          state: 'SUBMITTED',
          submittedAt: '2026-04-17T09:00:00+07:00',
          version: current.version + 1,
          // Under review, the unit may no longer change it.
          actions: [],
        };
        return json(current);
      }),
    ),
    http.get(
      '*/api/v1/evidence',
      authed(() => json(page([]))),
    ),
    http.get(
      '*/api/v1/reports',
      authed(() => json(page([]))),
    ),
  );
  return {
    sent,
    get current() {
      return current;
    },
    set current(next: Report) {
      current = next;
    },
  };
}

function renderReport(url = `/my-work/reports/${reportId}`) {
  return renderRoute(<ReportPage />, { path: '/my-work/reports/:reportId', url });
}

async function valueInput() {
  return screen.findByRole('textbox', { name: 'Giá trị đạt được' });
}

describe('ReportPage', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-17T09:00:00+07:00'));
    await seedSession({ me: reporterMe });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the report with its deadline and state, and saves a draft with If-Match', async () => {
    serveItem();
    const api = serveReport(report());
    let release = () => {};
    server.use(
      http.put('*/api/v1/reports/:reportId', async () => {
        // Held until the test has seen the progress shown while saving.
        await new Promise<void>((resolve) => (release = resolve));
        return undefined;
      }),
    );
    const { user } = renderReport();

    const input = await valueInput();
    expect(input).toHaveValue('65');
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'C.7 Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp',
      }),
    ).toBeInTheDocument();
    const facts = screen.getByText('Kỳ báo cáo').closest('dl')!;
    expect(facts).toHaveTextContent('Kỳ báo cáoTháng 3/2026');
    expect(facts).toHaveTextContent('Hạn báo cáo20/04/2026 · còn 3 ngày');
    expect(facts).toHaveTextContent('Trạng tháiBản nháp');
    expect(facts).toHaveTextContent('Chỉ tiêu năm 2026≥ 80%');

    await user.clear(input);
    await user.type(input, '72,5');
    expect(screen.getByText('Có thay đổi chưa lưu.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    expect(await screen.findByRole('button', { name: 'Đang lưu…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    release();

    expect(await screen.findByText('Đã lưu bản nháp lúc 09:00.')).toBeInTheDocument();
    expect(api.sent).toEqual([
      {
        method: 'PUT',
        path: `/api/v1/reports/${reportId}`,
        ifMatch: '"3"',
        body: {
          achievements: 'Đã hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa.',
          difficulties: null,
          proposals: null,
          evidenceExplanation: null,
          value: {
            number: 72.5,
            numerator: null,
            denominator: null,
            met: null,
            rank: null,
            rankOutOf: null,
            text: null,
          },
        },
      },
    ]);
    expect(screen.queryByText('Có thay đổi chưa lưu.')).not.toBeInTheDocument();
  });

  it('counts down to the deadline as the server counts, whatever the device’s clock says', async () => {
    // The device thinks it is 1 April; the server says 2 days are left.
    vi.setSystemTime(new Date('2026-04-01T09:00:00+07:00'));
    serveItem();
    const api = serveReport(report({ daysLeft: 2 }));
    renderReport();

    await valueInput();
    const facts = screen.getByText('Kỳ báo cáo').closest('dl')!;
    expect(facts).toHaveTextContent('Hạn báo cáo20/04/2026 · còn 2 ngày');
    expect(within(facts).queryByText('Quá hạn')).not.toBeInTheDocument();

    // Once the server says the report is overdue, it is late by the server's count of days.
    api.current = report({ daysLeft: -4, overdue: true, daysLate: 4, version: 4 });
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    expect(await within(facts).findByText('quá hạn 4 ngày')).toBeInTheDocument();
    expect(within(facts).getByText('Quá hạn')).toBeInTheDocument();
    focusManager.setFocused(undefined);
  });

  it('saves the changes, then submits with the version the save returned', async () => {
    serveItem();
    const api = serveReport(report());
    const { user } = renderReport();

    const input = await valueInput();
    await user.clear(input);
    await user.type(input, '81');
    await user.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));

    expect(
      await screen.findByText('Đã gửi báo cáo. Cán bộ điều phối sẽ xem xét và phản hồi.'),
    ).toBeInTheDocument();
    expect(api.sent.map(({ method, path, ifMatch }) => [method, path, ifMatch])).toEqual([
      ['PUT', `/api/v1/reports/${reportId}`, '"3"'],
      ['POST', `/api/v1/reports/${reportId}/submit`, '"4"'],
    ]);
    // Submitted: shown for reading, no longer editable.
    expect(screen.getByText('Báo cáo đã gửi ngày 17/04/2026, đang chờ duyệt.')).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Kết quả thực hiện trong kỳ' });
    expect(summary).toHaveTextContent('Giá trị đạt được81 %');
    expect(screen.queryByRole('textbox', { name: 'Giá trị đạt được' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gửi báo cáo' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Đã gửi, chờ duyệt').length).toBeGreaterThan(0);
  });

  it('tells the user when someone else changed the report (412) and reloads it', async () => {
    serveItem();
    const api = serveReport(report());
    server.use(
      http.put('*/api/v1/reports/:reportId', ({ request }) => {
        if (request.headers.get('If-Match') !== '"3"') return undefined;
        // Meanwhile a colleague saved 70 as version 4.
        api.current = report({ value: { ...emptyValue, number: 70, empty: false }, version: 4 });
        return problemResponse(
          412,
          'conflict.stale-version',
          'Bản báo cáo đã được người khác thay đổi (phiên bản hiện tại 4, bạn sửa từ phiên bản 3). Hãy tải lại rồi sửa tiếp.',
          { currentVersion: 4 },
        );
      }),
    );
    const { user } = renderReport();

    const input = await valueInput();
    await user.clear(input);
    await user.type(input, '90');
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        'Bản báo cáo đã được người khác thay đổi (phiên bản hiện tại 4, bạn sửa từ phiên bản 3). Hãy tải lại rồi sửa tiếp.',
      ),
    );
    expect(alert).toHaveTextContent('Đã tải lại bản mới nhất của báo cáo.');
    expect(alert).toHaveFocus();
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Giá trị đạt được' })).toHaveValue('70'),
    );

    // Working on from the newest version sends its ETag.
    await user.clear(screen.getByRole('textbox', { name: 'Giá trị đạt được' }));
    await user.type(screen.getByRole('textbox', { name: 'Giá trị đạt được' }), '75');
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));
    await screen.findByText('Đã lưu bản nháp lúc 09:00.');
    expect(api.sent.at(-1)?.ifMatch).toBe('"4"');
  });

  it('keeps unsaved edits when the report is read again, and saves them against their own version', async () => {
    serveItem();
    const api = serveReport(report());
    const ifMatches: (string | null)[] = [];
    server.use(
      http.put('*/api/v1/reports/:reportId', ({ request }) => {
        ifMatches.push(request.headers.get('If-Match'));
        return problemResponse(
          412,
          'conflict.stale-version',
          'Bản báo cáo đã được người khác thay đổi (phiên bản hiện tại 4, bạn sửa từ phiên bản 3). Hãy tải lại rồi sửa tiếp.',
          { currentVersion: 4 },
        );
      }),
    );
    const { user } = renderReport();

    const input = await valueInput();
    await user.clear(input);
    await user.type(input, '90');
    // A colleague saves meanwhile; coming back to the tab reads the report again.
    api.current = report({ value: { ...emptyValue, number: 70, empty: false }, version: 4 });
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await waitFor(() => expect(screen.getByText('Có thay đổi chưa lưu.')).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(input).toHaveValue('90');

    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    await waitFor(() => expect(input).toHaveValue('70'));
    expect(ifMatches).toEqual(['"3"']);
    expect(screen.getByRole('alert')).toHaveTextContent('Đã tải lại bản mới nhất của báo cáo.');
    focusManager.setFocused(undefined);
  });

  it('shows the newest version when the report is read again without unsaved edits', async () => {
    serveItem();
    const api = serveReport(report());
    renderReport();

    const input = await valueInput();
    api.current = report({ value: { ...emptyValue, number: 70, empty: false }, version: 4 });
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });

    await waitFor(() => expect(input).toHaveValue('70'));
    focusManager.setFocused(undefined);
  });

  it('shows a field error from a 400 problem next to its field', async () => {
    const fraction = indicator({
      capturedAsFraction: true,
      numeratorLabel: 'Số hồ sơ nộp trực tuyến',
      denominatorLabel: 'Tổng số hồ sơ tiếp nhận',
    });
    serveItem({ indicatorBody: fraction });
    serveReport(report({ value: emptyValue }));
    server.use(
      http.put('*/api/v1/reports/:reportId', () =>
        problemResponse(
          400,
          'report.numerator-exceeds-denominator',
          'Giá trị báo cáo chưa hợp lệ: Tử số (2100) lớn hơn mẫu số (2000): tỷ lệ vượt 100%.',
          {
            errors: [
              {
                field: 'value.numerator',
                code: 'report.numerator-exceeds-denominator',
                detail: 'Tử số (2100) lớn hơn mẫu số (2000): tỷ lệ vượt 100%.',
              },
            ],
          },
        ),
      ),
    );
    const { user } = renderReport();

    await user.type(
      await screen.findByRole('textbox', { name: 'Số hồ sơ nộp trực tuyến' }),
      '2100',
    );
    await user.type(screen.getByRole('textbox', { name: 'Tổng số hồ sơ tiếp nhận' }), '2000');
    expect(screen.getByText('105 %')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    const numerator = screen.getByRole('textbox', { name: 'Số hồ sơ nộp trực tuyến' });
    await waitFor(() => expect(numerator).toHaveAttribute('aria-invalid', 'true'));
    expect(numerator).toHaveAccessibleDescription(
      'Tử số (2100) lớn hơn mẫu số (2000): tỷ lệ vượt 100%.',
    );
    expect(numerator).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Chưa lưu được báo cáo. Giá trị báo cáo chưa hợp lệ: Tử số (2100) lớn hơn mẫu số (2000): tỷ lệ vượt 100%.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Vui lòng xem lỗi ở từng ô.');

    // Correcting the field takes its error away.
    await user.clear(numerator);
    expect(numerator).not.toHaveAttribute('aria-invalid');
  });

  it('catches what is not a number before sending anything', async () => {
    serveItem();
    const api = serveReport(report());
    const { user } = renderReport();

    const input = await valueInput();
    await user.clear(input);
    await user.type(input, 'khoảng 70');
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    expect(input).toHaveAccessibleDescription(
      'Chỉ tiêu: ≥ 80% Giá trị phải là số, ví dụ 72,5 hoặc 1.450.',
    );
    expect(input).toHaveFocus();
    expect(api.sent).toEqual([]);
  });

  it('shows the reviewer’s comment of a returned report and resubmits it', async () => {
    serveItem();
    const api = serveReport(
      report({
        state: 'RETURNED',
        reviewComment:
          'Tỷ lệ chưa khớp với số liệu trên Cổng dịch vụ công; đề nghị kiểm tra lại và bổ sung tài liệu.',
        reviewedBy: 'Lê Văn Cường',
        reviewedAt: '2026-04-15T16:20:00+07:00',
        firstSubmittedAt: '2026-04-12T10:00:00+07:00',
      }),
    );
    const { user } = renderReport();

    const notice = await screen.findByRole('region', { name: 'Báo cáo bị trả lại để chỉnh sửa' });
    expect(notice).toHaveTextContent(
      'Ý kiến của cán bộ duyệt:Tỷ lệ chưa khớp với số liệu trên Cổng dịch vụ công; đề nghị kiểm tra lại và bổ sung tài liệu.',
    );
    expect(notice).toHaveTextContent('— Lê Văn Cường, 15/04/2026');
    // The report names the unit that wrote it.
    expect(screen.getByText('Đơn vị báo cáo').nextElementSibling).toHaveTextContent(
      'Trung tâm Phục vụ hành chính công',
    );

    const input = await valueInput();
    await user.clear(input);
    await user.type(input, '68,4');
    await user.click(screen.getByRole('button', { name: 'Gửi lại báo cáo' }));

    await screen.findByText('Đã gửi báo cáo. Cán bộ điều phối sẽ xem xét và phản hồi.');
    expect(api.sent.map(({ method, ifMatch }) => [method, ifMatch])).toEqual([
      ['PUT', '"3"'],
      ['POST', '"4"'],
    ]);
  });

  it('shows another unit’s report to read only, even when it was returned', async () => {
    serveItem();
    await seedSession({
      me: {
        ...reporterMe,
        unit: {
          id: 'a0000000-0000-4000-8000-0000000000ca',
          code: 'DNAI.XUANLOC.CA',
          name: 'Công an xã',
        },
      },
    });
    serveReport(
      report({
        state: 'RETURNED',
        reviewComment: 'Bổ sung số liệu.',
        firstSubmittedAt: '2026-04-12T10:00:00+07:00',
        // Not their unit's: the server lets them do nothing with it.
        actions: [],
      }),
    );
    renderReport();

    expect(await screen.findByText('Bổ sung số liệu.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Giá trị đạt được' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Lưu nháp|Gửi báo cáo|Gửi lại báo cáo/ }),
    ).not.toBeInTheDocument();
  });

  it('creates the report on the first save, and the address follows', async () => {
    serveItem();
    const created = report({ value: { ...emptyValue, number: 50, empty: false }, version: 1 });
    const requests: unknown[] = [];
    serveReport(created);
    server.use(
      http.post(
        '*/api/v1/reports',
        authed(async (request) => {
          requests.push(await request.json());
          return json(created, 201);
        }),
      ),
    );
    const { router, user } = renderReport(
      `/my-work/reports/new?plan=${plan.id}&indicator=${indicatorId}&period=2026-03`,
    );

    const input = await valueInput();
    expect(input).toHaveValue('');
    expect(screen.getByText('Chưa báo cáo')).toBeInTheDocument();
    expect(screen.getByText('Chủ trì')).toBeInTheDocument();
    await user.type(input, '50');
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/my-work/reports/${reportId}`),
    );
    expect(await screen.findByText('Đã lưu bản nháp lúc 09:00.')).toBeInTheDocument();
    expect(requests).toEqual([
      expect.objectContaining({
        periodKey: '2026-03',
        indicatorId,
        value: expect.objectContaining({ number: 50 }) as unknown,
      }),
    ]);
    expect(screen.getByRole('textbox', { name: 'Giá trị đạt được' })).toHaveValue('50');
  });

  it('needs evidence or a written explanation before submitting', async () => {
    serveItem({ indicatorBody: indicator({ evidenceRequired: true }) });
    const api = serveReport(report({ evidenceRequired: true }));
    const { user } = renderReport();

    await valueInput();
    expect(
      screen.getByText('Chỉ tiêu này yêu cầu tài liệu kiểm chứng (hoặc giải trình nếu chưa có).'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));

    const explanation = screen.getByRole('textbox', { name: 'Giải trình về tài liệu kiểm chứng' });
    expect(explanation).toHaveAttribute('aria-invalid', 'true');
    expect(explanation).toHaveAccessibleDescription(
      expect.stringContaining(
        'Chỉ tiêu này cần tài liệu kiểm chứng: hãy đính kèm tài liệu, hoặc ghi rõ lý do chưa có.',
      ),
    );
    expect(explanation).toHaveFocus();
    expect(api.sent).toEqual([]);

    await user.type(explanation, 'Quyết định đang trình ký, sẽ bổ sung trước ngày 25.');
    await user.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));

    await screen.findByText('Đã gửi báo cáo. Cán bộ điều phối sẽ xem xét và phản hồi.');
    expect(api.sent[0]?.body).toEqual(
      expect.objectContaining({
        evidenceExplanation: 'Quyết định đang trình ký, sẽ bổ sung trước ngày 25.',
      }),
    );
  });

  it('shows the cooperating units’ contributions to the lead unit', async () => {
    serveItem({ indicatorBody: indicator({ cooperatingUnits: [police, healthStation] }) });
    serveReport(report());
    const queries: string[] = [];
    server.use(
      http.get(
        '*/api/v1/reports',
        authed((request) => {
          queries.push(new URL(request.url).search);
          return json(
            page([
              report({
                id: 'e0000000-0000-4000-8000-0000000000f1',
                unit: police,
                role: 'COOPERATING',
                state: 'SUBMITTED',
                value: { ...emptyValue, number: 80, empty: false },
                achievements: 'Hỗ trợ người dân kích hoạt tài khoản định danh điện tử mức 2.',
                evidenceCount: 2,
              }),
            ]),
          );
        }),
      ),
    );
    renderReport();

    const section = await screen.findByRole('region', { name: 'Đóng góp của các đơn vị phối hợp' });
    const [first, second] = await within(section).findAllByRole('listitem');
    expect(first).toHaveTextContent('Công an xã');
    expect(first).toHaveTextContent('Đã gửi, chờ duyệt');
    expect(first).toHaveTextContent('Giá trị: 80 %');
    expect(first).toHaveTextContent(
      'Hỗ trợ người dân kích hoạt tài khoản định danh điện tử mức 2.',
    );
    expect(first).toHaveTextContent('2 tài liệu kiểm chứng');
    expect(second).toHaveTextContent('Trạm Y tế xã');
    expect(second).toHaveTextContent('Chưa báo cáo');
    expect(queries).toEqual([
      `?planId=${plan.id}&periodKey=2026-03&role=COOPERATING&size=100&indicatorId=${indicatorId}`,
    ]);
  });

  it('asks before leaving with unsaved changes', async () => {
    serveItem();
    serveReport(report());
    const { router, user } = renderReport();

    const input = await valueInput();
    await user.type(input, '0');
    await user.click(screen.getByRole('link', { name: '← Quay lại danh sách' }));

    expect(
      screen.getByText('Bạn có thay đổi chưa lưu. Nếu rời khỏi trang này, các thay đổi đó sẽ mất.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ở lại trang' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Ở lại trang' }));

    expect(router.state.location.pathname).toBe(`/my-work/reports/${reportId}`);
    expect(input).toHaveValue('650');
  });

  it('enters a rank for a ranking indicator', async () => {
    const ranking = indicator({
      unitOfMeasure: 'Hạng',
      targets: [
        target({ kind: 'RANK', comparator: 'LE', value: 10, outOf: 34, wording: 'Top 10/34' }),
      ],
    });
    serveItem({ indicatorBody: ranking });
    const api = serveReport(report({ value: emptyValue }));
    const { user } = renderReport();

    await user.type(await screen.findByRole('textbox', { name: 'Thứ hạng đạt được' }), '8');
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    await screen.findByText('Đã lưu bản nháp lúc 09:00.');
    expect(api.sent[0]?.body).toEqual(
      expect.objectContaining({
        value: expect.objectContaining({ rank: 8, rankOutOf: 34, number: null }) as unknown,
      }),
    );
  });

  it('offers evidence already attached for download', async () => {
    serveItem();
    serveReport(report({ evidenceCount: 1 }));
    server.use(
      http.get(
        '*/api/v1/evidence',
        authed(() => json(page([evidence()]))),
      ),
    );
    renderReport();

    const list = await screen.findByRole('list', { name: 'Tài liệu đã đính kèm' });
    expect(list).toHaveTextContent('Quyết định 123/QĐ-UBND');
    expect(list).toHaveTextContent(
      'Số 123/QĐ-UBND · 20/03/2026 · UBND xã Xuân Lộc · Quyết định 123.pdf · 244 KB',
    );
    expect(
      within(list).getByRole('button', { name: 'Tải về: Quyết định 123/QĐ-UBND' }),
    ).toBeInTheDocument();
  });
});
