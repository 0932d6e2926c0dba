import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/api/schema';
import {
  cameras,
  decision,
  onlineRecords,
  renderReview,
  reviewDb,
  scope,
  serveReviewReads,
  type ReviewDb,
} from '@/features/review/testing/review-fixtures';
import { evidence, linkEvidence, problemResponse } from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { bearer, seedSession } from '@/testing/session';

type Report = components['schemas']['Report'];

type Step = { path: string; ifMatch: string | null; body: unknown };

/** The labelled facts of a description list, as [label, value] pairs in their order. */
function facts(container: HTMLElement) {
  return within(container)
    .getAllByRole('term')
    .map((term) => [term.textContent, term.nextElementSibling?.textContent]);
}

/**
 * Serves a review step (`accept`, `return` or `reopen`) with `respond`; by default it succeeds the
 * way the server does, changing the report in `db`.
 */
function serveStep(
  db: ReviewDb,
  step: 'accept' | 'return' | 'reopen',
  respond?: (report: Report) => Response,
) {
  const received: Step[] = [];
  server.use(
    http.post(`*/api/v1/reports/:reportId/${step}`, async ({ request, params }) => {
      const body = (await request.json()) as { comment?: string | null };
      received.push({
        path: new URL(request.url).pathname,
        ifMatch: request.headers.get('If-Match'),
        body,
      });
      const index = db.reports.findIndex((r) => r.id === params.reportId);
      const current = db.reports[index]!;
      if (respond) return respond(current);
      const next: Report = {
        ...current,
        state: step === 'accept' ? 'ACCEPTED' : 'RETURNED',
        reviewComment: body.comment ?? null,
        version: current.version + 1,
        // As the server answers the coordinator: an accepted report may be reopened, a returned one waits for its unit.
        actions: step === 'accept' ? ['REOPEN'] : [],
      };
      db.reports[index] = next;
      return HttpResponse.json(next, { headers: { ETag: `"${next.version}"` } });
    }),
  );
  return received;
}

describe('ReportReview', () => {
  beforeEach(async () => {
    await seedSession();
  });

  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('shows the report: indicator, target, value in its shape, narrative, evidence and history', async () => {
    serveReviewReads(
      reviewDb({
        evidence: { [onlineRecords.id]: [decision] },
        history: {
          [onlineRecords.id]: [
            {
              at: '2026-03-10T01:00:00Z',
              by: 'Trần Thị Bình',
              action: 'CREATE',
              changes: { state: { from: null, to: 'DRAFT' } },
            },
            {
              at: '2026-03-18T02:15:00Z',
              by: 'Trần Thị Bình',
              action: 'UPDATE',
              changes: {
                state: { from: 'DRAFT', to: 'SUBMITTED' },
                'value.numerator': { from: 1400, to: 1450 },
              },
            },
            {
              at: '2026-03-19T03:00:00Z',
              by: 'Trần Thị Bình',
              action: 'EVIDENCE_ATTACHED',
              changes: { evidence: { from: null, to: 'Quyết định 45' } },
            },
            {
              at: '2026-03-19T03:05:00Z',
              by: 'Trần Thị Bình',
              action: 'EVIDENCE_UPDATED',
              changes: {
                evidence: { from: 'Quyết định 45', to: 'Quyết định 45 về một cửa' },
                'evidence.title': { from: 'Quyết định 45', to: 'Quyết định 45 về một cửa' },
                'evidence.docNumber': { from: null, to: '45/QĐ-UBND' },
                'evidence.docDate': { from: '2026-03-02', to: '2026-03-12' },
              },
            },
            {
              at: '2026-03-19T03:10:00Z',
              by: 'Trần Thị Bình',
              action: 'EVIDENCE_DETACHED',
              changes: { evidence: { from: 'Ảnh chụp', to: null } },
            },
          ],
        },
      }),
    );
    renderReview(`/review/${onlineRecords.id}?${scope}`);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'C.11 – Trung tâm Phục vụ hành chính công',
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Chờ duyệt')[0]).toBeInTheDocument();
    expect(await screen.findByText('≥ 80%')).toBeInTheDocument();
    expect(screen.getByText('Chỉ tiêu năm 2026')).toBeInTheDocument();
    expect(screen.getByText('1.450/2.000 (72,5%)')).toBeInTheDocument();
    expect(screen.getByText('Số hồ sơ trực tuyến toàn trình')).toBeInTheDocument();
    expect(screen.getByText('Đã tiếp nhận 1.450 hồ sơ trực tuyến toàn trình')).toBeInTheDocument();
    expect(screen.getByText('Đường truyền tại 3 ấp chưa ổn định')).toBeInTheDocument();
    expect(screen.getByText('Đơn vị không ghi nội dung này.')).toBeInTheDocument();

    const evidence = screen.getByRole('region', { name: 'Tài liệu kiểm chứng' });
    const [document] = await within(evidence).findAllByRole('listitem');
    expect(document).toHaveTextContent('Tệp Báo cáo số liệu dịch vụ công tháng 3');
    expect(facts(document!)).toEqual([
      ['Số, ký hiệu', '12/BC-TTPVHCC'],
      ['Ngày ban hành', '17/03/2026'],
      ['Cơ quan ban hành', 'Trung tâm Phục vụ hành chính công'],
    ]);
    expect(within(evidence).getByText('bao-cao-thang-3.pdf (240 KB)')).toBeInTheDocument();
    expect(
      within(evidence).getByRole('button', {
        name: 'Xem Báo cáo số liệu dịch vụ công tháng 3',
      }),
    ).toBeInTheDocument();
    expect(
      within(evidence).getByRole('button', {
        name: 'Tải về Báo cáo số liệu dịch vụ công tháng 3',
      }),
    ).toBeInTheDocument();

    const history = screen.getByRole('region', { name: 'Lịch sử báo cáo' });
    const entries = await within(history).findAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('Tạo báo cáo · 08:00 10/03/2026 · Trần Thị Bình');
    expect(entries[1]).toHaveTextContent('Gửi duyệt · 09:15 18/03/2026 · Trần Thị Bình');
    expect(entries[1]).toHaveTextContent('Nội dung sửa: kết quả đạt được');
    // Evidence is part of the record: attaching, changing a document's details and removing it are all there.
    expect(entries[2]).toHaveTextContent(
      'Đính kèm tài liệu «Quyết định 45» · 10:00 19/03/2026 · Trần Thị Bình',
    );
    expect(entries[3]).toHaveTextContent('Sửa thông tin tài liệu «Quyết định 45»');
    expect(entries[3]).toHaveTextContent('tên: Quyết định 45 → Quyết định 45 về một cửa');
    expect(entries[3]).toHaveTextContent('số hiệu: (trống) → 45/QĐ-UBND');
    expect(entries[3]).toHaveTextContent('ngày ban hành: 02/03/2026 → 12/03/2026');
    expect(entries[4]).toHaveTextContent('Gỡ tài liệu «Ảnh chụp»');

    expect(screen.getByText('Báo cáo 1/2 trên trang danh sách')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Báo cáo tiếp theo' })).toHaveAttribute(
      'href',
      `/review/${cameras.id}?${scope}`,
    );
  });

  it('accepts with If-Match, then moves on to the next report in the queue', async () => {
    const db = reviewDb();
    serveReviewReads(db);
    const received = serveStep(db, 'accept');
    const { router, user } = renderReview(`/review/${onlineRecords.id}?${scope}`);
    await screen.findByRole('heading', { level: 1, name: /^C\.11/ });

    await user.click(screen.getByRole('button', { name: 'Chấp nhận' }));

    expect(received).toEqual([
      {
        path: `/api/v1/reports/${onlineRecords.id}/accept`,
        ifMatch: '"7"',
        body: { comment: null },
      },
    ]);
    const next = await screen.findByRole('heading', { level: 1, name: 'C.12 – Công an xã' });
    expect(router.state.location.pathname).toBe(`/review/${cameras.id}`);
    expect(router.state.location.search).toBe(`?${scope}`);
    await waitFor(() => expect(next).toHaveFocus());
    expect(
      screen.getByText('Đã chấp nhận báo cáo C.11 của Trung tâm Phục vụ hành chính công.'),
    ).toHaveAttribute('role', 'status');
  });

  it('accepts from the keyboard, with the optional comment', async () => {
    const db = reviewDb({ reports: [onlineRecords] });
    serveReviewReads(db);
    const received = serveStep(db, 'accept');
    const { router, user } = renderReview(`/review/${onlineRecords.id}?${scope}`);
    await screen.findByRole('heading', { level: 1, name: /^C\.11/ });
    expect(screen.getByRole('button', { name: 'Chấp nhận' })).toHaveAttribute(
      'aria-keyshortcuts',
      'c',
    );

    await user.type(screen.getByRole('textbox', { name: 'Nhận xét' }), 'Số liệu khớp');
    // Typing "c" in the comment box must not accept; outside a field it does.
    expect(received).toEqual([]);
    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('c');

    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]?.body).toEqual({ comment: 'Số liệu khớp' });
    // It was the last report waiting: back to the list, which says so.
    await waitFor(() => expect(router.state.location.pathname).toBe('/review'));
    expect(
      await screen.findByText(
        'Đã chấp nhận báo cáo C.11 của Trung tâm Phục vụ hành chính công. Không còn báo cáo nào khác trên trang danh sách này.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Duyệt báo cáo' })).toHaveFocus();
  });

  it('requires a comment to return, then sends it', async () => {
    const db = reviewDb();
    serveReviewReads(db);
    const received = serveStep(db, 'return');
    const { user } = renderReview(`/review/${onlineRecords.id}?${scope}`);
    await screen.findByRole('heading', { level: 1, name: /^C\.11/ });

    await user.click(screen.getByRole('button', { name: 'Trả lại' }));

    const comment = screen.getByRole('textbox', { name: 'Nhận xét' });
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveAccessibleDescription(
      expect.stringContaining('Khi trả lại báo cáo, cần ghi rõ lý do để đơn vị sửa.'),
    );
    expect(comment).toHaveFocus();
    expect(received).toEqual([]);

    await user.type(comment, 'Bổ sung quyết định giao chỉ tiêu');
    await user.click(screen.getByRole('button', { name: 'Trả lại' }));

    expect(received).toEqual([
      {
        path: `/api/v1/reports/${onlineRecords.id}/return`,
        ifMatch: '"7"',
        body: { comment: 'Bổ sung quyết định giao chỉ tiêu' },
      },
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'C.12 – Công an xã' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Đã trả lại báo cáo C.11 cho Trung tâm Phục vụ hành chính công.'),
    ).toHaveAttribute('role', 'status');
  });

  it('shows a field error of a 400 problem next to its field', async () => {
    const db = reviewDb();
    serveReviewReads(db);
    serveStep(db, 'return', () =>
      problemResponse(400, 'request.invalid', 'Nhận xét dài quá 2.000 ký tự.', {
        errors: [{ field: 'comment', code: 'size', detail: 'Nhận xét dài quá 2.000 ký tự.' }],
      }),
    );
    const { user } = renderReview(`/review/${onlineRecords.id}?${scope}`);
    await screen.findByRole('heading', { level: 1, name: /^C\.11/ });

    const comment = screen.getByRole('textbox', { name: 'Nhận xét' });
    await user.type(comment, 'Quá dài');
    await user.click(screen.getByRole('button', { name: 'Trả lại' }));

    await waitFor(() => expect(comment).toHaveAttribute('aria-invalid', 'true'));
    expect(comment).toHaveAccessibleDescription(
      expect.stringContaining('Nhận xét dài quá 2.000 ký tự.'),
    );
    expect(comment).toHaveFocus();
    expect(
      screen.getByText('Chưa xử lý được báo cáo. Vui lòng xem lỗi ở ô nhập liệu.').parentElement,
    ).toHaveAttribute('role', 'alert');
  });

  it('tells the user when someone else changed the report (412), and reloads it', async () => {
    const db = reviewDb();
    serveReviewReads(db);
    serveStep(db, 'accept', (current) => {
      // Meanwhile another coordinator returned it.
      const changed: Report = {
        ...current,
        state: 'RETURNED',
        reviewComment: 'Thiếu tài liệu kiểm chứng',
        version: current.version + 1,
        actions: [],
      };
      db.reports[0] = changed;
      return problemResponse(
        412,
        'conflict.stale-version',
        'Bản báo cáo đã được người khác thay đổi (phiên bản hiện tại 8, bạn sửa từ phiên bản 7). Hãy tải lại rồi sửa tiếp.',
        { currentVersion: 8 },
      );
    });
    const { user } = renderReview(`/review/${onlineRecords.id}?${scope}`);
    await screen.findByRole('heading', { level: 1, name: /^C\.11/ });

    await user.click(screen.getByRole('button', { name: 'Chấp nhận' }));

    const message = await screen.findByText(
      'Bản báo cáo đã được người khác thay đổi (phiên bản hiện tại 8, bạn sửa từ phiên bản 7). Hãy tải lại rồi sửa tiếp. Đã tải lại nội dung mới nhất của báo cáo; vui lòng xem lại trước khi xử lý.',
    );
    expect(message.parentElement).toHaveAttribute('role', 'alert');
    const heading = screen.getByRole('heading', { level: 1, name: /^C\.11/ });
    await waitFor(() =>
      expect(within(heading.parentElement!).getByText('Đã trả lại')).toBeInTheDocument(),
    );
    expect(screen.getByText('Thiếu tài liệu kiểm chứng')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Chấp nhận' })).not.toBeInTheDocument();
  });

  it('reopens an accepted report with a reason', async () => {
    const accepted: Report = {
      ...onlineRecords,
      state: 'ACCEPTED',
      reviewedAt: '2026-03-21T03:00:00Z',
      reviewedBy: 'Nguyễn Văn An',
      version: 9,
      actions: ['REOPEN'],
    };
    const db = reviewDb({ reports: [accepted] });
    serveReviewReads(db);
    const received = serveStep(db, 'reopen');
    const { user } = renderReview(`/review/${accepted.id}`);
    await screen.findByRole('heading', { level: 1, name: /^C\.11/ });

    await user.click(screen.getByRole('button', { name: 'Mở lại báo cáo' }));
    const reason = screen.getByRole('textbox', { name: 'Lý do mở lại' });
    expect(reason).toHaveAccessibleDescription('Cần ghi lý do mở lại báo cáo.');
    expect(received).toEqual([]);

    await user.type(reason, 'Số liệu tháng 3 cần điều chỉnh theo thống kê của tỉnh');
    await user.click(screen.getByRole('button', { name: 'Mở lại báo cáo' }));

    expect(received).toEqual([
      {
        path: `/api/v1/reports/${accepted.id}/reopen`,
        ifMatch: '"9"',
        body: { comment: 'Số liệu tháng 3 cần điều chỉnh theo thống kê của tỉnh' },
      },
    ]);
    expect(
      await screen.findByText(
        'Đã mở lại báo cáo C.11 của Trung tâm Phục vụ hành chính công; báo cáo được chuyển lại cho đơn vị.',
      ),
    ).toHaveAttribute('role', 'status');
    const heading = screen.getByRole('heading', { level: 1, name: /^C\.11/ });
    expect(within(heading.parentElement!).getByText('Đã trả lại')).toBeInTheDocument();
  });

  it('shows the details of each document, and opens a link in a new tab', async () => {
    const minutes = evidence({
      ...decision,
      summary: 'Số liệu hồ sơ tiếp nhận và giải quyết tháng 3/2026',
    });
    const provincePlan = linkEvidence();
    serveReviewReads(reviewDb({ evidence: { [onlineRecords.id]: [minutes, provincePlan] } }));
    renderReview(`/review/${onlineRecords.id}?${scope}`);

    const region = await screen.findByRole('region', { name: 'Tài liệu kiểm chứng' });
    const [file, link] = await within(region).findAllByRole('listitem');
    expect(facts(file!)).toEqual([
      ['Số, ký hiệu', '12/BC-TTPVHCC'],
      ['Ngày ban hành', '17/03/2026'],
      ['Cơ quan ban hành', 'Trung tâm Phục vụ hành chính công'],
      ['Trích yếu', 'Số liệu hồ sơ tiếp nhận và giải quyết tháng 3/2026'],
    ]);

    expect(link).toHaveTextContent('Liên kết Kế hoạch 154/KH-UBND trên Cổng thông tin tỉnh');
    expect(facts(link!)).toEqual([
      ['Số, ký hiệu', '154/KH-UBND'],
      ['Ngày ban hành', '26/03/2026'],
      ['Cơ quan ban hành', 'UBND tỉnh Đồng Nai'],
      ['Trích yếu', 'Kế hoạch nâng hạng Chỉ số chuyển đổi số tỉnh Đồng Nai năm 2026'],
      ['Địa chỉ', 'https://dongnai.gov.vn/van-ban/154-kh-ubnd'],
    ]);
    const open = within(link!).getByRole('link', {
      name: 'Mở liên kết Kế hoạch 154/KH-UBND trên Cổng thông tin tỉnh (mở trong thẻ mới)',
    });
    expect(open).toHaveAttribute('href', 'https://dongnai.gov.vn/van-ban/154-kh-ubnd');
    expect(open).toHaveAttribute('target', '_blank');
    expect(open).toHaveAttribute('rel', 'noopener noreferrer');
    // A link has no file: nothing to preview or download.
    expect(within(link!).queryByRole('button')).not.toBeInTheDocument();
  });

  it('downloads an evidence file through the API, with the access token', async () => {
    serveReviewReads(reviewDb({ evidence: { [onlineRecords.id]: [decision] } }));
    const downloads: { url: string; token: string | null }[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get('*/api/v1/evidence/:evidenceId/content', async ({ request }) => {
        downloads.push({ url: new URL(request.url).pathname, token: bearer(request) });
        await held;
        return new HttpResponse('%PDF-1.7', {
          headers: { 'Content-Type': 'application/pdf' },
        });
      }),
    );
    const createObjectURL = vi.fn((blob: Blob) => `blob:${blob.size}`);
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    const saved: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ href: this.href, download: this.download });
    });
    const { user } = renderReview(`/review/${onlineRecords.id}`);

    await user.click(
      await screen.findByRole('button', { name: 'Tải về Báo cáo số liệu dịch vụ công tháng 3' }),
    );

    // The file is on its way: the button says so.
    expect(
      await screen.findByRole('button', { name: 'Đang tải… Báo cáo số liệu dịch vụ công tháng 3' }),
    ).toBeDisabled();
    release();
    await waitFor(() =>
      expect(saved).toEqual([{ href: 'blob:8', download: 'bao-cao-thang-3.pdf' }]),
    );
    expect(downloads.map((d) => d.url)).toEqual([`/api/v1/evidence/${decision.id}/content`]);
    expect(downloads[0]?.token).toMatch(/^access-/);
    expect(
      screen.getByRole('button', { name: 'Tải về Báo cáo số liệu dịch vụ công tháng 3' }),
    ).toBeEnabled();
  });

  it('shows the problem detail when the report cannot be read', async () => {
    serveReviewReads(reviewDb({ reports: [] }));
    renderReview(`/review/${onlineRecords.id}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không tải được báo cáo');
    expect(alert).toHaveTextContent('Không tìm thấy báo cáo.');
  });
});
