import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/api/schema';
import { ReportPage } from '@/features/my-work/components/report-page';
import {
  authed,
  emptyValue,
  evidence,
  indicatorId,
  json,
  page,
  plan,
  report,
  reporterMe,
  reportId,
  serveItem,
  serviceCentre,
} from '@/features/my-work/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

type Evidence = components['schemas']['Evidence'];

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
  const detached: string[] = [];
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
        const chosen = evidence({ id: body.evidenceId, title: 'Ảnh chụp bộ phận một cửa' });
        attached = [...attached, chosen];
        return json(chosen);
      }),
    ),
    http.delete(
      '*/api/v1/reports/:reportId/evidence/:evidenceId',
      authed((request) => {
        const id = new URL(request.url).pathname.split('/').at(-1)!;
        detached.push(id);
        attached = attached.filter((e) => e.id !== id);
        return new Response(null, { status: 204 });
      }),
    ),
  );
  return {
    unitQueries,
    attachBodies,
    detached,
    add(e: Evidence) {
      attached = [...attached, e];
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

  it('reuses a document the unit already has, and detaches one', async () => {
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

    await user.click(
      screen.getByRole('button', { name: 'Gỡ tài liệu khỏi báo cáo: Quyết định 123/QĐ-UBND' }),
    );
    await waitFor(() => expect(within(attached).getAllByRole('listitem')).toHaveLength(1));
    expect(served.detached).toEqual(['a1000000-0000-4000-8000-000000000001']);
    expect(attached).not.toHaveTextContent('Quyết định 123/QĐ-UBND');
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
});
