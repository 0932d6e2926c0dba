import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiClient } from '@/lib/api-client';
import { downloadFile, fileNameFromContentDisposition } from '@/lib/download';
import { server } from '@/testing/mocks/server';

describe('fileNameFromContentDisposition', () => {
  it('prefers the UTF-8 filename* over the ASCII filename', () => {
    expect(
      fileNameFromContentDisposition(
        `attachment; filename="phu-luc-chi-tieu.xlsx"; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%20ch%E1%BB%89%20ti%C3%AAu.xlsx`,
      ),
    ).toBe('Phụ lục chỉ tiêu.xlsx');
  });

  it('reads filename* when it comes first, with a language tag and any case', () => {
    expect(
      fileNameFromContentDisposition(
        `ATTACHMENT; FILENAME*=utf-8'vi'B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%203.docx; filename="bao-cao.docx"`,
      ),
    ).toBe('Báo cáo tháng 3.docx');
  });

  it('falls back to the quoted filename, with escapes and semicolons inside the quotes', () => {
    expect(fileNameFromContentDisposition('attachment; filename="bao \\"cao\\"; 3.pdf"')).toBe(
      'bao _cao_; 3.pdf',
    );
    expect(fileNameFromContentDisposition('attachment; filename=report.pdf')).toBe('report.pdf');
  });

  it('ignores an unreadable filename* and uses filename', () => {
    expect(
      fileNameFromContentDisposition(`attachment; filename*=UTF-8''%E1%ZZ.xlsx; filename="a.xlsx"`),
    ).toBe('a.xlsx');
    expect(
      fileNameFromContentDisposition(
        `attachment; filename*=ISO-8859-1''caf%E9.xlsx; filename="cafe.xlsx"`,
      ),
    ).toBe('cafe.xlsx');
  });

  it('keeps path separators out of the name', () => {
    expect(
      fileNameFromContentDisposition(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`),
    ).toBe('.._.._etc_passwd');
  });

  it('answers null without a name', () => {
    expect(fileNameFromContentDisposition(null)).toBeNull();
    expect(fileNameFromContentDisposition('attachment')).toBeNull();
    expect(fileNameFromContentDisposition('attachment; filename=""')).toBeNull();
  });
});

describe('downloadFile', () => {
  const saved: { href: string; download: string }[] = [];

  function captureSaves() {
    saved.length = 0;
    Object.defineProperty(URL, 'createObjectURL', {
      value: vi.fn((blob: Blob) => `blob:${blob.size}`),
      configurable: true,
    });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ href: this.href, download: this.download });
    });
  }

  afterEach(() => {
    vi.restoreAllMocks();
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  const templateUrl = '*/api/v1/document-templates/tasks.xlsx';
  const fetchTemplate = () =>
    apiClient.GET('/api/v1/document-templates/tasks.xlsx', { parseAs: 'blob' });

  it('saves the body under the name the server gives', async () => {
    captureSaves();
    server.use(
      http.get(
        templateUrl,
        () =>
          new HttpResponse(new Uint8Array([1, 2, 3]), {
            headers: {
              'Content-Disposition': `attachment; filename*=UTF-8''M%E1%BA%ABu%20nhi%E1%BB%87m%20v%E1%BB%A5.xlsx`,
            },
          }),
      ),
    );

    await expect(downloadFile(fetchTemplate(), 'mau-nhiem-vu.xlsx')).resolves.toBe(
      'Mẫu nhiệm vụ.xlsx',
    );
    expect(saved).toEqual([{ href: 'blob:3', download: 'Mẫu nhiệm vụ.xlsx' }]);
  });

  it('uses the fallback name without a Content-Disposition', async () => {
    captureSaves();
    server.use(http.get(templateUrl, () => new HttpResponse(new Uint8Array([1, 2]))));

    await downloadFile(fetchTemplate(), 'mau-nhiem-vu.xlsx');
    expect(saved).toEqual([{ href: 'blob:2', download: 'mau-nhiem-vu.xlsx' }]);
  });

  it('rejects with the problem and saves nothing', async () => {
    captureSaves();
    server.use(
      http.get(templateUrl, () =>
        HttpResponse.json(
          { status: 403, code: 'access.denied', detail: 'Bạn không có quyền tải tệp này.' },
          { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );

    const error: unknown = await downloadFile(fetchTemplate(), 'x.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).detail).toBe('Bạn không có quyền tải tệp này.');
    expect(saved).toEqual([]);
  });
});
