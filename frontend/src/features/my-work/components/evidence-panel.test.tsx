import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/api/schema';
import { ReportPage } from '@/features/my-work/components/report-page';
import { serveItem } from '@/features/my-work/testing/fixtures';
import {
  authed,
  emptyValue,
  evidence,
  indicatorId,
  json,
  linkEvidence,
  page,
  plan,
  police,
  problemResponse,
  report,
  reportId,
  reporterMe,
  serviceCentre,
} from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

type Evidence = components['schemas']['Evidence'];
type EvidenceLinkCreate = components['schemas']['EvidenceLinkCreate'];
type EvidenceUpdate = components['schemas']['EvidenceUpdate'];

/** Today in Vietnam as the server reckons it, to refuse dates after it as the server does. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** The server's checks on what describes a document: an http(s) address, no date in the future. */
function refusal(body: { url?: string; docDate?: string | null }) {
  if (body.url !== undefined && !/^https?:\/\/[^/\s]+/i.test(body.url)) {
    const detail = `Đường dẫn '${body.url}' không hợp lệ: chỉ nhận địa chỉ http:// hoặc https://.`;
    return problemResponse(400, 'evidence.link-invalid', detail, {
      errors: [{ field: 'url', code: 'evidence.link-invalid', detail }],
    });
  }
  if (body.docDate && body.docDate > today()) {
    const detail = `Ngày ban hành ${body.docDate} ở tương lai (hôm nay là ${today()}).`;
    return problemResponse(
      400,
      'evidence.date-in-future',
      `Thông tin tài liệu chưa hợp lệ: ${detail}`,
      {
        errors: [{ field: 'docDate', code: 'evidence.date-in-future', detail }],
      },
    );
  }
  return null;
}

/** Stands in for the browser's XMLHttpRequest; the test drives its progress and its outcome. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  statusText = '';
  responseText = '';
  private responseHeaders = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }

  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  abort() {
    this.onabort?.();
  }

  getAllResponseHeaders() {
    return this.responseHeaders;
  }

  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent));
  }

  respond(status: number, body: unknown, contentType = 'application/json') {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = `content-type: ${contentType}\r\n`;
    act(() => this.onload?.());
  }

  failNetwork() {
    act(() => this.onerror?.());
  }
}

function pdf(name = 'Biên bản kiểm tra.pdf', size = 2_000_000) {
  return new File([new Uint8Array(size)], name, { type: 'application/pdf' });
}

/** The report and its attached evidence, which uploads and attachments add to. */
function serveEvidence(initial: Evidence[] = []) {
  let attached = initial;
  const unitQueries: URLSearchParams[] = [];
  const attachBodies: unknown[] = [];
  /** The If-Match of each attach and detach: the report's version as the screen read it. */
  const reportTags: (string | null)[] = [];
  let staleReport = false;
  const detached: string[] = [];
  const linkBodies: EvidenceLinkCreate[] = [];
  const updates: { id: string; ifMatch: string | null; body: EvidenceUpdate }[] = [];
  const reads: string[] = [];
  const find = (id: string) => attached.find((e) => e.id === id);
  const replace = (changed: Evidence) => {
    attached = attached.map((e) => (e.id === changed.id ? changed : e));
  };
  server.use(
    http.get(
      '*/api/v1/reports/:reportId',
      authed(() => json(report({ evidenceCount: attached.length }))),
    ),
    http.get(
      '*/api/v1/reports',
      authed(() => json(page([]))),
    ),
    http.get(
      '*/api/v1/evidence',
      authed((request) => {
        const query = new URL(request.url).searchParams;
        if (query.get('reportId')) return json(page(attached));
        unitQueries.push(query);
        return json(
          page([
            evidence(),
            evidence({
              id: 'a1000000-0000-4000-8000-000000000002',
              title: 'Ảnh chụp bộ phận một cửa',
              docNumber: null,
              docDate: null,
              fileName: 'IMG_0412.jpg',
              mediaType: 'image/jpeg',
              sizeBytes: 1_300_000,
            }),
          ]),
        );
      }),
    ),
    http.post(
      '*/api/v1/reports/:reportId/evidence',
      authed(async (request) => {
        const body = (await request.json()) as { evidenceId: string };
        attachBodies.push(body);
        reportTags.push(request.headers.get('If-Match'));
        const chosen = evidence({ id: body.evidenceId, title: 'Ảnh chụp bộ phận một cửa' });
        attached = [...attached, chosen];
        // Attaching changes the report: its answer names the report's next version.
        const response = json(chosen);
        response.headers.set('ETag', `"${reportTags.length + 3}"`);
        return response;
      }),
    ),
    http.get(
      '*/api/v1/evidence/:evidenceId',
      authed((request) => {
        const id = new URL(request.url).pathname.split('/').at(-1)!;
        reads.push(id);
        const found = find(id);
        if (!found) return problemResponse(404, 'evidence.not-found', 'Không tìm thấy tài liệu.');
        return json(found, 200, { ETag: `"${found.version}"` });
      }),
    ),
    http.put(
      '*/api/v1/evidence/:evidenceId',
      authed(async (request) => {
        const id = new URL(request.url).pathname.split('/').at(-1)!;
        const body = (await request.json()) as EvidenceUpdate;
        const ifMatch = request.headers.get('If-Match');
        updates.push({ id, ifMatch, body });
        const current = find(id)!;
        if (ifMatch !== `"${current.version}"`) {
          return problemResponse(
            412,
            'conflict.stale-version',
            `Tài liệu kiểm chứng đã được người khác thay đổi (phiên bản hiện tại ${current.version}). Hãy tải lại rồi sửa tiếp.`,
            { currentVersion: current.version },
          );
        }
        const refused = refusal(body);
        if (refused) return refused;
        const saved: Evidence = {
          ...current,
          title: body.title,
          docNumber: body.docNumber ?? null,
          docDate: body.docDate ?? null,
          issuer: body.issuer ?? null,
          summary: body.summary ?? null,
          version: current.version + 1,
        };
        replace(saved);
        return json(saved, 200, { ETag: `"${saved.version}"` });
      }),
    ),
    http.post(
      '*/api/v1/evidence/links',
      authed(async (request) => {
        const body = (await request.json()) as EvidenceLinkCreate;
        linkBodies.push(body);
        const refused = refusal(body);
        if (refused) return refused;
        const registered = linkEvidence({
          url: body.url,
          title: body.title,
          docNumber: body.docNumber ?? null,
          docDate: body.docDate ?? null,
          issuer: body.issuer ?? null,
          summary: body.summary ?? null,
        });
        if (body.reportIds?.includes(reportId)) attached = [...attached, registered];
        return json(registered, 201);
      }),
    ),
    http.delete(
      '*/api/v1/reports/:reportId/evidence/:evidenceId',
      authed((request) => {
        const id = new URL(request.url).pathname.split('/').at(-1)!;
        reportTags.push(request.headers.get('If-Match'));
        if (staleReport) {
          return problemResponse(
            412,
            'conflict.stale-version',
            'Bản báo cáo đã được người khác thay đổi (phiên bản hiện tại 4, bạn sửa từ phiên bản 3). Hãy tải lại rồi sửa tiếp.',
            { currentVersion: 4 },
          );
        }
        detached.push(id);
        attached = attached.filter((e) => e.id !== id);
        return new Response(null, { status: 204, headers: { ETag: `"${reportTags.length + 3}"` } });
      }),
    ),
  );
  return {
    unitQueries,
    attachBodies,
    reportTags,
    detached,
    linkBodies,
    updates,
    reads,
    add(e: Evidence) {
      attached = [...attached, e];
    },
    /** Someone else saved the report since the screen read it. */
    saveReportElsewhere() {
      staleReport = true;
    },
    /** Someone else changes a document's description. */
    change(id: string, changes: Partial<Evidence>) {
      const current = find(id)!;
      replace({ ...current, ...changes, version: current.version + 1 });
    },
  };
}

function renderReport(url = `/my-work/reports/${reportId}`) {
  return renderRoute(<ReportPage />, { path: '/my-work/reports/:reportId', url });
}

describe('Evidence on a report', () => {
  beforeEach(async () => {
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    await seedSession({ me: reporterMe });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uploads a chosen file with its own progress bar, and retries after a failure', async () => {
    serveItem();
    const served = serveEvidence();
    const { user } = renderReport();

    const picker = await screen.findByLabelText('Chọn tệp');
    expect(picker).toHaveAttribute('type', 'file');
    expect(picker).toHaveAttribute('accept', expect.stringContaining('application/pdf') as string);
    expect(screen.getByLabelText('Chụp ảnh')).toHaveAttribute('capture', 'environment');
    expect(await screen.findByText('Chưa đính kèm tài liệu nào.')).toBeInTheDocument();

    const file = pdf();
    await user.upload(picker, file);

    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    const first = FakeXhr.sent[0]!;
    expect(first.method).toBe('POST');
    const url = new URL(first.url);
    expect(url.pathname).toBe('/api/v1/evidence/stream');
    expect(url.searchParams.get('fileName')).toBe('Biên bản kiểm tra.pdf');
    expect(url.searchParams.getAll('reportId')).toEqual([reportId]);
    expect(first.headers.authorization).toMatch(/^Bearer access-/);
    expect(first.headers['content-type']).toBe('application/octet-stream');
    expect(first.body).toBe(file);

    const bar = screen.getByRole('progressbar', { name: 'Đang tải lên Biên bản kiểm tra.pdf' });
    first.progress(800_000, 2_000_000);
    expect(bar).toHaveAttribute('value', '800000');
    expect(bar).toHaveAttribute('max', '2000000');
    expect(screen.getByText('40 % (781 KB / 1,9 MB)')).toBeInTheDocument();

    first.failNetwork();
    const failure = await screen.findByText(/Tải lên không thành công\./);
    expect(failure).toHaveTextContent(
      'Tải lên không thành công. Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    );
    expect(screen.queryByRole('progressbar', { name: /Đang tải lên/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Thử tải lại Biên bản kiểm tra.pdf' }));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    const second = FakeXhr.sent[1]!;
    second.progress(2_000_000, 2_000_000);
    expect(screen.getByText('100 % (1,9 MB / 1,9 MB)')).toBeInTheDocument();

    const stored = evidence({
      id: 'a1000000-0000-4000-8000-000000000009',
      title: 'Biên bản kiểm tra.pdf',
      fileName: 'Biên bản kiểm tra.pdf',
      docNumber: null,
      docDate: null,
      sizeBytes: 2_000_000,
    });
    served.add(stored);
    second.respond(201, stored);

    const list = await screen.findByRole('list', { name: 'Tài liệu đã đính kèm' });
    expect(list).toHaveTextContent('Biên bản kiểm tra.pdf');
    expect(screen.queryByRole('list', { name: 'Tệp đang tải lên' })).not.toBeInTheDocument();

    // The uploader is offered to describe the file at once, and may put it off.
    const describe = await within(list).findByRole('form', { name: 'Bổ sung thông tin văn bản' });
    expect(await within(describe).findByRole('textbox', { name: 'Tên tài liệu' })).toHaveValue(
      'Biên bản kiểm tra.pdf',
    );
    await user.click(within(describe).getByRole('button', { name: 'Để sau' }));
    expect(within(list).queryByRole('form')).not.toBeInTheDocument();
    expect(
      within(list).getByRole('button', { name: 'Sửa thông tin tài liệu: Biên bản kiểm tra.pdf' }),
    ).toHaveFocus();
  });

  it('shows the problem the server gives for a refused file', async () => {
    serveItem();
    serveEvidence();
    const { user } = renderReport();

    await user.upload(await screen.findByLabelText('Chọn tệp'), pdf('Bảng tổng hợp.xlsx'));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    FakeXhr.sent[0]!.respond(
      413,
      {
        type: 'https://dti.gov.vn/problems/evidence.too-large',
        title: 'Tệp quá lớn',
        status: 413,
        detail: 'Tệp vượt quá dung lượng cho phép (50 MB).',
        code: 'evidence.too-large',
        instance: '/api/v1/evidence/stream',
        errors: [{ field: 'file', code: 'evidence.too-large', detail: 'Tối đa 50 MB.' }],
      },
      'application/problem+json',
    );

    const uploads = await screen.findByRole('list', { name: 'Tệp đang tải lên' });
    expect(uploads).toHaveTextContent('Bảng tổng hợp.xlsx');
    expect(uploads).toHaveTextContent(
      'Tải lên không thành công. Tệp vượt quá dung lượng cho phép (50 MB).',
    );
    await user.click(screen.getByRole('button', { name: 'Bỏ qua tệp Bảng tổng hợp.xlsx' }));
    expect(screen.queryByRole('list', { name: 'Tệp đang tải lên' })).not.toBeInTheDocument();
  });

  it('takes files dropped on the drop zone', async () => {
    serveItem();
    serveEvidence();
    renderReport();

    const zone = (await screen.findByText('Kéo và thả tệp vào đây, hoặc:')).parentElement!;
    const file = pdf('Ảnh hiện trường.pdf', 1000);
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });

    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    expect(
      screen.getByRole('progressbar', { name: 'Đang tải lên Ảnh hiện trường.pdf' }),
    ).toBeInTheDocument();
  });

  it('reuses a document the unit already has, and detaches one once it is confirmed', async () => {
    serveItem();
    const served = serveEvidence([evidence()]);
    const { user } = renderReport();

    const attached = await screen.findByRole('list', { name: 'Tài liệu đã đính kèm' });
    expect(within(attached).getAllByRole('listitem')).toHaveLength(1);

    const reuse = screen.getByRole('button', { name: 'Chọn từ tài liệu đã có của đơn vị' });
    expect(reuse).toHaveAttribute('aria-expanded', 'false');
    await user.click(reuse);
    expect(reuse).toHaveAttribute('aria-expanded', 'true');

    const picker = await screen.findByRole('region', { name: 'Tài liệu đã có của đơn vị' });
    await within(picker).findByText('Ảnh chụp bộ phận một cửa');
    expect(within(picker).getByText('Đã đính kèm')).toBeInTheDocument();
    expect(served.unitQueries[0]?.get('unitId')).toBe(serviceCentre.id);

    await user.click(
      within(picker).getByRole('button', { name: 'Đính kèm: Ảnh chụp bộ phận một cửa' }),
    );
    await waitFor(() => expect(within(attached).getAllByRole('listitem')).toHaveLength(2));
    expect(served.attachBodies).toEqual([{ evidenceId: 'a1000000-0000-4000-8000-000000000002' }]);

    // Removing asks first; keeping it changes nothing.
    await user.click(
      screen.getByRole('button', { name: 'Gỡ tài liệu khỏi báo cáo: Quyết định 123/QĐ-UBND' }),
    );
    expect(
      screen.getByText(
        'Gỡ «Quyết định 123/QĐ-UBND» khỏi báo cáo này? Tài liệu vẫn được giữ trong kho của đơn vị và có thể đính kèm lại.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Gỡ khỏi báo cáo' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Giữ lại' }));
    expect(served.detached).toEqual([]);
    expect(within(attached).getAllByRole('listitem')).toHaveLength(2);

    await user.click(
      screen.getByRole('button', { name: 'Gỡ tài liệu khỏi báo cáo: Quyết định 123/QĐ-UBND' }),
    );
    await user.click(screen.getByRole('button', { name: 'Gỡ khỏi báo cáo' }));
    await waitFor(() => expect(within(attached).getAllByRole('listitem')).toHaveLength(1));
    expect(served.detached).toEqual(['a1000000-0000-4000-8000-000000000001']);
    expect(attached).not.toHaveTextContent('Quyết định 123/QĐ-UBND');
    expect(screen.getByText('Đã gỡ «Quyết định 123/QĐ-UBND» khỏi báo cáo.')).toBeInTheDocument();
    // The attach names the report as the screen read it; the detach, the version the attach made.
    expect(served.reportTags).toEqual(['"3"', '"4"']);
  });

  it('says so when the report was changed by someone else since it was read, and keeps the document', async () => {
    serveItem();
    const served = serveEvidence([evidence()]);
    served.saveReportElsewhere();
    const { user } = renderReport();

    const attached = await screen.findByRole('list', { name: 'Tài liệu đã đính kèm' });
    await user.click(
      screen.getByRole('button', { name: 'Gỡ tài liệu khỏi báo cáo: Quyết định 123/QĐ-UBND' }),
    );
    await user.click(screen.getByRole('button', { name: 'Gỡ khỏi báo cáo' }));
    expect(await screen.findByText(/Bản báo cáo đã được người khác thay đổi/)).toBeInTheDocument();
    expect(served.reportTags).toEqual(['"3"']);
    expect(served.detached).toEqual([]);
    expect(within(attached).getAllByRole('listitem')).toHaveLength(1);
  });

  it('saves a new report as a draft before its first files go up, once', async () => {
    serveItem();
    serveEvidence();
    const created = report({ value: emptyValue, achievements: null, version: 1 });
    let creations = 0;
    let release = () => {};
    server.use(
      http.post(
        '*/api/v1/reports',
        authed(async () => {
          creations++;
          await new Promise<void>((resolve) => (release = resolve));
          return json(created, 201);
        }),
      ),
    );
    const { router } = renderReport(
      `/my-work/reports/new?plan=${plan.id}&indicator=${indicatorId}&period=2026-03`,
    );

    const zone = (await screen.findByText('Kéo và thả tệp vào đây, hoặc:')).parentElement!;
    fireEvent.drop(zone, { dataTransfer: { files: [pdf('Quyết định.pdf', 1000)] } });
    fireEvent.drop(zone, { dataTransfer: { files: [pdf('Danh sách.pdf', 1000)] } });
    expect(await screen.findByRole('button', { name: 'Đang lưu…' })).toBeInTheDocument();
    await waitFor(() => expect(creations).toBe(1));
    release();

    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    expect(creations).toBe(1);
    expect(FakeXhr.sent.map((xhr) => new URL(xhr.url).searchParams.get('reportId'))).toEqual([
      reportId,
      reportId,
    ]);
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/my-work/reports/${reportId}`),
    );
    // The uploads started before the address changed are still shown.
    expect(
      await screen.findByRole('progressbar', { name: 'Đang tải lên Quyết định.pdf' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Đang tải lên Danh sách.pdf' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Đã lưu bản nháp lúc/)).toBeInTheDocument();
  });

  it('lets the uploader add the number, date, issuer and summary right after an upload', async () => {
    serveItem();
    const served = serveEvidence();
    const { user } = renderReport();

    await user.upload(await screen.findByLabelText('Chọn tệp'), pdf('Biên bản kiểm tra.pdf'));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    const stored = evidence({
      id: 'a1000000-0000-4000-8000-000000000009',
      title: 'Biên bản kiểm tra.pdf',
      fileName: 'Biên bản kiểm tra.pdf',
      docNumber: null,
      docDate: null,
      issuer: null,
      sizeBytes: 2_000_000,
      version: 1,
    });
    served.add(stored);
    FakeXhr.sent[0]!.respond(201, stored);

    const list = await screen.findByRole('list', { name: 'Tài liệu đã đính kèm' });
    const form = await within(list).findByRole('form', { name: 'Bổ sung thông tin văn bản' });
    const title = await within(form).findByRole('textbox', { name: 'Tên tài liệu' });
    // Opened by the upload, not by the person: the focus stays where it was.
    expect(title).not.toHaveFocus();
    expect(served.reads).toEqual([stored.id]);

    await user.clear(title);
    await user.type(title, 'Biên bản kiểm tra bộ phận một cửa');
    await user.type(within(form).getByRole('textbox', { name: 'Số, ký hiệu' }), '45/BB-TTPVHCC');
    await user.type(within(form).getByRole('textbox', { name: 'Ngày ban hành' }), '15/4/2026');
    await user.type(
      within(form).getByRole('textbox', { name: 'Cơ quan ban hành' }),
      'Trung tâm Phục vụ hành chính công',
    );
    await user.type(
      within(form).getByRole('textbox', { name: 'Trích yếu' }),
      'Kiểm tra việc tiếp nhận hồ sơ trực tuyến quý I',
    );
    await user.click(within(form).getByRole('button', { name: 'Lưu thông tin' }));

    await waitFor(() => expect(within(list).queryByRole('form')).not.toBeInTheDocument());
    expect(served.updates).toEqual([
      {
        id: stored.id,
        ifMatch: '"1"',
        body: {
          title: 'Biên bản kiểm tra bộ phận một cửa',
          docNumber: '45/BB-TTPVHCC',
          docDate: '2026-04-15',
          issuer: 'Trung tâm Phục vụ hành chính công',
          summary: 'Kiểm tra việc tiếp nhận hồ sơ trực tuyến quý I',
        },
      },
    ]);
    expect(
      screen.getByText('Đã lưu thông tin tài liệu “Biên bản kiểm tra bộ phận một cửa”.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(list).toHaveTextContent(
        'Số 45/BB-TTPVHCC · 15/04/2026 · Trung tâm Phục vụ hành chính công · Biên bản kiểm tra.pdf · 1,9 MB',
      ),
    );
    expect(list).toHaveTextContent('Trích yếu: Kiểm tra việc tiếp nhận hồ sơ trực tuyến quý I');
  });

  it('registers a link with its document details, attached to the report and opened in a new tab', async () => {
    serveItem();
    const served = serveEvidence();
    const { user } = renderReport();

    const add = await screen.findByRole('button', { name: 'Thêm liên kết' });
    expect(add).toHaveAttribute('aria-expanded', 'false');
    await user.click(add);
    expect(add).toHaveAttribute('aria-expanded', 'true');
    const form = screen.getByRole('form', { name: 'Thêm tài liệu bằng đường dẫn' });
    const url = within(form).getByRole('textbox', { name: 'Đường dẫn' });
    expect(url).toHaveFocus();
    expect(url).toHaveAttribute('type', 'url');

    await user.type(url, 'https://dongnai.gov.vn/van-ban/154-kh-ubnd');
    await user.type(
      within(form).getByRole('textbox', { name: 'Tên tài liệu' }),
      'Kế hoạch nâng hạng DTI tỉnh Đồng Nai năm 2026',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Số, ký hiệu' }), '154/KH-UBND');
    await user.type(within(form).getByRole('textbox', { name: 'Ngày ban hành' }), '26/03/2026');
    await user.type(
      within(form).getByRole('textbox', { name: 'Cơ quan ban hành' }),
      'UBND tỉnh Đồng Nai',
    );
    await user.type(
      within(form).getByRole('textbox', { name: 'Trích yếu' }),
      'Nâng hạng Chỉ số chuyển đổi số tỉnh Đồng Nai năm 2026',
    );
    await user.click(within(form).getByRole('button', { name: 'Thêm vào báo cáo' }));

    const list = await screen.findByRole('list', { name: 'Tài liệu đã đính kèm' });
    expect(served.linkBodies).toEqual([
      {
        url: 'https://dongnai.gov.vn/van-ban/154-kh-ubnd',
        title: 'Kế hoạch nâng hạng DTI tỉnh Đồng Nai năm 2026',
        docNumber: '154/KH-UBND',
        docDate: '2026-03-26',
        issuer: 'UBND tỉnh Đồng Nai',
        summary: 'Nâng hạng Chỉ số chuyển đổi số tỉnh Đồng Nai năm 2026',
        reportIds: [reportId],
      },
    ]);
    const [item] = within(list).getAllByRole('listitem');
    expect(item).toHaveTextContent('Kế hoạch nâng hạng DTI tỉnh Đồng Nai năm 2026');
    expect(item).toHaveTextContent(
      'Số 154/KH-UBND · 26/03/2026 · UBND tỉnh Đồng Nai · Liên kết · dongnai.gov.vn',
    );
    expect(item).toHaveTextContent(
      'Trích yếu: Nâng hạng Chỉ số chuyển đổi số tỉnh Đồng Nai năm 2026',
    );
    const open = within(item!).getByRole('link', {
      name: 'Mở liên kết trong thẻ mới: Kế hoạch nâng hạng DTI tỉnh Đồng Nai năm 2026',
    });
    expect(open).toHaveAttribute('href', 'https://dongnai.gov.vn/van-ban/154-kh-ubnd');
    expect(open).toHaveAttribute('target', '_blank');
    expect(open).toHaveAttribute('rel', 'noopener noreferrer');
    // A link has no file to download.
    expect(within(item!).queryByRole('button', { name: /^Tải về/ })).not.toBeInTheDocument();

    expect(
      screen.getByText(
        'Đã thêm liên kết “Kế hoạch nâng hạng DTI tỉnh Đồng Nai năm 2026” vào báo cáo.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Thêm tài liệu bằng đường dẫn' }),
    ).not.toBeInTheDocument();
    expect(add).toHaveFocus();
    expect(add).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows the API’s error for an address that is not http(s) next to the address field', async () => {
    serveItem();
    const served = serveEvidence();
    const { user } = renderReport();

    await user.click(await screen.findByRole('button', { name: 'Thêm liên kết' }));
    const form = screen.getByRole('form', { name: 'Thêm tài liệu bằng đường dẫn' });
    const url = within(form).getByRole('textbox', { name: 'Đường dẫn' });
    await user.type(url, 'ftp://dongnai.gov.vn/van-ban/154.pdf');
    await user.type(within(form).getByRole('textbox', { name: 'Tên tài liệu' }), 'Kế hoạch 154');
    await user.click(within(form).getByRole('button', { name: 'Thêm vào báo cáo' }));

    const message =
      "Đường dẫn 'ftp://dongnai.gov.vn/van-ban/154.pdf' không hợp lệ: chỉ nhận địa chỉ http:// hoặc https://.";
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(url).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Tên tài liệu' })).not.toHaveAttribute(
      'aria-invalid',
    );
    expect(within(form).getByRole('alert')).toHaveTextContent(
      `Chưa thêm được liên kết. ${message}Vui lòng xem lỗi ở từng ô.`,
    );
    expect(served.linkBodies).toHaveLength(1);
    expect(screen.getByText('Chưa đính kèm tài liệu nào.')).toBeInTheDocument();

    // Corrected, the error goes away as the field changes, and the link is added.
    await user.clear(url);
    await user.type(url, 'https://dongnai.gov.vn/van-ban/154.pdf');
    expect(url).not.toHaveAttribute('aria-invalid');
    await user.click(within(form).getByRole('button', { name: 'Thêm vào báo cáo' }));
    const list = await screen.findByRole('list', { name: 'Tài liệu đã đính kèm' });
    expect(list).toHaveTextContent('Kế hoạch 154');
    expect(served.linkBodies.map((body) => body.url)).toEqual([
      'ftp://dongnai.gov.vn/van-ban/154.pdf',
      'https://dongnai.gov.vn/van-ban/154.pdf',
    ]);
  });

  it('shows a document date in the future as the API’s error next to the date field', async () => {
    serveItem();
    const served = serveEvidence();
    const { user } = renderReport();

    await user.click(await screen.findByRole('button', { name: 'Thêm liên kết' }));
    const form = screen.getByRole('form', { name: 'Thêm tài liệu bằng đường dẫn' });
    await user.type(
      within(form).getByRole('textbox', { name: 'Đường dẫn' }),
      'https://dongnai.gov.vn/van-ban/154-kh-ubnd',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Tên tài liệu' }), 'Kế hoạch 154');
    const date = within(form).getByRole('textbox', { name: 'Ngày ban hành' });

    // A day that does not exist is caught before anything is sent.
    await user.type(date, '31/02/2026');
    await user.click(within(form).getByRole('button', { name: 'Thêm vào báo cáo' }));
    expect(date).toHaveAccessibleDescription(
      'Ngày/tháng/năm, ví dụ 20/03/2026 Ngày chưa đúng dạng ngày/tháng/năm, ví dụ 20/03/2026.',
    );
    expect(date).toHaveFocus();
    expect(served.linkBodies).toEqual([]);

    await user.clear(date);
    await user.type(date, '01/01/2099');
    await user.click(within(form).getByRole('button', { name: 'Thêm vào báo cáo' }));

    await waitFor(() => expect(served.linkBodies).toHaveLength(1));
    expect(served.linkBodies[0]?.docDate).toBe('2099-01-01');
    await waitFor(() =>
      expect(date).toHaveAccessibleDescription(
        `Ngày/tháng/năm, ví dụ 20/03/2026 Ngày ban hành 2099-01-01 ở tương lai (hôm nay là ${today()}).`,
      ),
    );
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('textbox', { name: 'Đường dẫn' })).not.toHaveAttribute(
      'aria-invalid',
    );
    expect(screen.getByText('Chưa đính kèm tài liệu nào.')).toBeInTheDocument();
  });

  it('edits a document’s details with If-Match, and after a 412 reloads the newest version', async () => {
    serveItem();
    const decision = evidence({ version: 4 });
    const policeDocument = evidence({
      id: 'a1000000-0000-4000-8000-000000000003',
      title: 'Báo cáo của Công an xã',
      ownerUnit: police,
    });
    const served = serveEvidence([decision, policeDocument]);
    const { user } = renderReport();

    const list = await screen.findByRole('list', { name: 'Tài liệu đã đính kèm' });
    // Only the people of the unit that owns a document may change its description.
    expect(
      within(list).queryByRole('button', {
        name: 'Sửa thông tin tài liệu: Báo cáo của Công an xã',
      }),
    ).not.toBeInTheDocument();
    await user.click(
      within(list).getByRole('button', { name: 'Sửa thông tin tài liệu: Quyết định 123/QĐ-UBND' }),
    );

    const form = await within(list).findByRole('form', { name: 'Sửa thông tin tài liệu' });
    const title = await within(form).findByRole('textbox', { name: 'Tên tài liệu' });
    await waitFor(() => expect(title).toHaveFocus());
    expect(title).toHaveValue('Quyết định 123/QĐ-UBND');
    expect(within(form).getByRole('textbox', { name: 'Số, ký hiệu' })).toHaveValue('123/QĐ-UBND');
    expect(within(form).getByRole('textbox', { name: 'Ngày ban hành' })).toHaveValue('20/03/2026');
    const issuer = within(form).getByRole('textbox', { name: 'Cơ quan ban hành' });
    expect(issuer).toHaveValue('UBND xã Xuân Lộc');

    // Meanwhile a colleague adds the summary.
    served.change(decision.id, { summary: 'Giao chỉ tiêu dịch vụ công trực tuyến năm 2026' });
    await user.clear(issuer);
    await user.type(issuer, 'Chủ tịch UBND xã Xuân Lộc');
    await user.click(within(form).getByRole('button', { name: 'Lưu thông tin' }));

    const alert = within(form).getByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        'Tài liệu kiểm chứng đã được người khác thay đổi (phiên bản hiện tại 5). Hãy tải lại rồi sửa tiếp.' +
          'Thông tin tài liệu vừa được người khác sửa. Hãy tải lại để xem bản mới nhất rồi sửa tiếp.',
      ),
    );
    expect(alert).toHaveFocus();
    expect(served.updates.map((u) => u.ifMatch)).toEqual(['"4"']);

    await user.click(within(alert).getByRole('button', { name: 'Tải lại' }));
    await waitFor(() =>
      expect(within(form).getByRole('textbox', { name: 'Trích yếu' })).toHaveValue(
        'Giao chỉ tiêu dịch vụ công trực tuyến năm 2026',
      ),
    );
    expect(issuer).toHaveValue('UBND xã Xuân Lộc');
    expect(alert).toBeEmptyDOMElement();

    await user.clear(issuer);
    await user.type(issuer, 'Chủ tịch UBND xã Xuân Lộc');
    await user.click(within(form).getByRole('button', { name: 'Lưu thông tin' }));

    await waitFor(() => expect(within(list).queryByRole('form')).not.toBeInTheDocument());
    expect(served.updates.slice(1)).toEqual([
      {
        id: decision.id,
        ifMatch: '"5"',
        body: {
          title: 'Quyết định 123/QĐ-UBND',
          docNumber: '123/QĐ-UBND',
          docDate: '2026-03-20',
          issuer: 'Chủ tịch UBND xã Xuân Lộc',
          summary: 'Giao chỉ tiêu dịch vụ công trực tuyến năm 2026',
        },
      },
    ]);
    expect(
      screen.getByText('Đã lưu thông tin tài liệu “Quyết định 123/QĐ-UBND”.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(list).toHaveTextContent('Số 123/QĐ-UBND · 20/03/2026 · Chủ tịch UBND xã Xuân Lộc'),
    );
    expect(
      within(list).getByRole('button', { name: 'Sửa thông tin tài liệu: Quyết định 123/QĐ-UBND' }),
    ).toHaveFocus();
  });
});
