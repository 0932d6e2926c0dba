/*
 * Builders of the API's objects for tests, typed from the contract, shared by every screen's tests:
 * one commune (Xuân Lộc), its units, one plan and one period, and defaults a test overrides with
 * only what it is about. Screens keep their own scenarios beside their tests.
 */
import { HttpResponse } from 'msw';
import { onTestFinished, vi } from 'vitest';
import type { components } from '@/api/schema';
import { bearer, testMe, unauthenticated } from '@/testing/session';

type Assignment = components['schemas']['Assignment'];
type Evidence = components['schemas']['Evidence'];
type FieldError = components['schemas']['FieldError'];
type Indicator = components['schemas']['Indicator'];
type Me = components['schemas']['Me'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type PlanRef = components['schemas']['PlanRef'];
type PlanSummary = components['schemas']['PlanSummary'];
type Problem = components['schemas']['Problem'];
type Report = components['schemas']['Report'];
type ReportPeriodRef = components['schemas']['ReportPeriodRef'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];
type Target = components['schemas']['Target'];
type Task = components['schemas']['Task'];

/** The commune the test account coordinates. */
export const commune: OrgUnitRef = testMe.scopes[0]!.scope!;

export const serviceCentre: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-0000000000a1',
  code: 'DNAI.XUANLOC.TTPVHCC',
  name: 'Trung tâm Phục vụ hành chính công',
};

export const police: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-0000000000a2',
  code: 'DNAI.XUANLOC.CA',
  name: 'Công an xã',
};

export const healthStation: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-0000000000a3',
  code: 'DNAI.XUANLOC.TYT',
  name: 'Trạm Y tế xã',
};

export const cultureCentre: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-0000000000a4',
  code: 'DNAI.XUANLOC.TTVH',
  name: 'Trung tâm Văn hóa, Thông tin và Thể thao',
};

/** A reporter of the public service centre. */
export const reporterMe: Me = {
  ...testMe,
  username: 'reporter',
  fullName: 'Trần Thị Bình',
  unit: serviceCentre,
  roles: ['UNIT_REPORTER'],
  scopes: [{ role: 'UNIT_REPORTER', scope: serviceCentre }],
  coordinatedUnits: [],
  actions: ['REPORT'],
  grantableRoles: [],
};

export const plan: PlanSummary = {
  id: 'b0000000-0000-4000-8000-000000000084',
  code: 'XL-2026-01',
  documentNumber: '84/KH-UBND',
  title: 'Kế hoạch chuyển đổi số xã Xuân Lộc năm 2026',
  issuingUnit: commune,
  issueDate: '2026-01-15',
  startYear: 2026,
  endYear: 2026,
  status: 'ISSUED',
  version: 2,
  updatedAt: '2026-01-15T09:00:00+07:00',
  effectiveDate: null,
  effectiveFrom: '2026-01-15',
  actions: ['CREATE_REPORT'],
};

export const planRef: PlanRef = {
  id: plan.id,
  code: plan.code,
  documentNumber: plan.documentNumber,
  title: plan.title,
};

export const indicatorId = 'c0000000-0000-4000-8000-0000000000c5';
export const taskId = 'd0000000-0000-4000-8000-0000000000d1';
export const reportId = 'e0000000-0000-4000-8000-0000000000e1';

export function target(overrides: Partial<Target> = {}): Target {
  return {
    year: 2026,
    kind: 'PERCENT',
    comparator: 'GE',
    value: 80,
    per: null,
    basis: null,
    outOf: null,
    text: null,
    qualification: null,
    wording: '≥ 80%',
    ...overrides,
  };
}

export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: indicatorId,
    planId: plan.id,
    code: 'C.7',
    group: {
      id: 'f0000000-0000-4000-8000-00000000000c',
      code: 'C',
      name: 'Chính quyền số',
      order: 3,
    },
    order: 7,
    content: 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp',
    unitOfMeasure: '%',
    targets: [target()],
    baseline: null,
    leadUnit: serviceCentre,
    cooperatingUnits: [],
    leadWording: null,
    cooperatingWording: null,
    note: null,
    capturedAsFraction: false,
    numeratorLabel: null,
    denominatorLabel: null,
    contributesTo: null,
    evidenceRequired: false,
    version: 1,
    createdAt: '2026-01-05T08:00:00+07:00',
    updatedAt: '2026-01-05T08:00:00+07:00',
    ...overrides,
  };
}

export function task(overrides: Partial<Task> = {}): Task {
  return {
    id: taskId,
    planId: plan.id,
    code: 'III.2',
    group: { id: 'f0000000-0000-4000-8000-0000000000d0', code: 'III', name: 'Nhiệm vụ', order: 1 },
    order: 2,
    description: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    leadUnits: [serviceCentre],
    cooperatingUnits: [],
    product: 'Kho dữ liệu hồ sơ đã số hóa',
    timeframe: { kind: 'YEAR', startYear: 2026, endYear: 2026, wording: 'Năm 2026' },
    progress: 'IN_PROGRESS',
    note: null,
    version: 1,
    createdAt: '2026-01-05T08:00:00+07:00',
    updatedAt: '2026-01-05T08:00:00+07:00',
    ...overrides,
  };
}

/** March 2026: units report by 20 April, the commune sends up by 25 April. */
export function period(overrides: Partial<ReportingPeriod> = {}): ReportingPeriod {
  return {
    id: 'f0000000-0000-4000-8000-000000000403',
    planId: plan.id,
    key: '2026-03',
    kind: 'MONTH',
    year: 2026,
    seq: 3,
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
    unitDeadline: '2026-04-20',
    consolidationDeadline: '2026-04-25',
    due: true,
    sentUpLate: false,
    actions: [],
    closed: false,
    sentUpAt: null,
    sentUpBy: null,
    sentUpNote: null,
    version: 1,
    ...overrides,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Monthly periods of a plan over its years, due on the 20th and consolidated by the 25th. */
export function monthlyPeriods(planId: string, years: [number, number]): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  for (let year = years[0]; year <= years[1]; year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
      periods.push(
        period({
          id: `d0000000-0000-4000-8000-${String(year * 100 + month).padStart(12, '0')}`,
          planId,
          key: `${year}-${pad(month)}`,
          year,
          seq: month,
          startsOn: `${year}-${pad(month)}-01`,
          endsOn: `${year}-${pad(month)}-${pad(lastDay)}`,
          unitDeadline: `${year}-${pad(month)}-20`,
          consolidationDeadline: `${year}-${pad(month)}-25`,
        }),
      );
    }
  }
  return periods;
}

/** How a report or an assignment names its period. */
export function periodRef(of: ReportingPeriod = period()): ReportPeriodRef {
  return { id: of.id, key: of.key, unitDeadline: of.unitDeadline, closed: of.closed };
}

export const emptyValue: Report['value'] = {
  number: null,
  numerator: null,
  denominator: null,
  met: null,
  rank: null,
  rankOutOf: null,
  text: null,
  empty: true,
};

/** The service centre's draft report on indicator C.7 for March. */
export function report(overrides: Partial<Report> = {}): Report {
  return {
    id: reportId,
    plan: planRef,
    period: periodRef(),
    item: {
      kind: 'INDICATOR',
      id: indicatorId,
      code: 'C.7',
      content: 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp',
    },
    unit: serviceCentre,
    role: 'LEAD',
    state: 'DRAFT',
    value: { ...emptyValue, number: 65, empty: false },
    progress: null,
    achievements: 'Đã hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa.',
    difficulties: null,
    proposals: null,
    reviewComment: null,
    firstSubmittedAt: null,
    submittedAt: null,
    submittedBy: null,
    reviewedAt: null,
    reviewedBy: null,
    reopenReason: null,
    onTime: null,
    daysLate: 0,
    daysLeft: 3,
    locked: false,
    evidenceCount: 0,
    evidenceRequired: false,
    evidenceExplanation: null,
    version: 3,
    createdAt: '2026-04-02T09:00:00+07:00',
    updatedAt: '2026-04-10T15:30:00+07:00',
    due: true,
    overdue: false,
    // What the server would allow in each state: the unit's people change a draft or a returned report, the
    // coordinators review a submitted one and reopen an accepted one.
    actions: serverActions(overrides.state ?? 'DRAFT'),
    ...overrides,
  };
}

function serverActions(state: Report['state']): Report['actions'] {
  switch (state) {
    case 'DRAFT':
    case 'RETURNED':
      return ['EDIT', 'SUBMIT', 'ATTACH_EVIDENCE', 'DETACH_EVIDENCE'];
    case 'SUBMITTED':
      return ['ACCEPT', 'RETURN'];
    case 'ACCEPTED':
      return ['REOPEN'];
  }
}

/** What the service centre has not yet started reporting on C.7 for March. */
export function assignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    plan: planRef,
    period: periodRef(),
    item: {
      kind: 'INDICATOR',
      id: indicatorId,
      code: 'C.7',
      content: 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp',
    },
    unit: serviceCentre,
    role: 'LEAD',
    state: 'NOT_STARTED',
    deadline: '2026-04-20',
    daysLeft: 3,
    reportId: null,
    reportVersion: null,
    overdue: false,
    daysLate: 0,
    reviewComment: null,
    actions: overrides.reportId ? ['EDIT', 'SUBMIT'] : ['CREATE'],
    ...overrides,
  };
}

/** A scanned decision (PDF) the service centre uploaded. */
export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  const id = overrides.id ?? 'a1000000-0000-4000-8000-000000000001';
  return {
    id,
    kind: 'FILE',
    title: 'Quyết định 123/QĐ-UBND',
    docNumber: '123/QĐ-UBND',
    docDate: '2026-03-20',
    issuer: 'UBND xã Xuân Lộc',
    summary: null,
    fileName: 'Quyết định 123.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 250_000,
    sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    url: null,
    contentUrl: `/api/v1/evidence/${id}/content`,
    previewable: true,
    ownerUnit: serviceCentre,
    uploadedBy: 'Trần Thị Bình',
    attachments: [],
    onRecord: false,
    version: 1,
    createdAt: '2026-03-21T10:00:00+07:00',
    updatedAt: '2026-03-21T10:00:00+07:00',
    ...overrides,
  };
}

/** A document registered by its address: no file, no content to download. */
export function linkEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return evidence({
    id: 'a1000000-0000-4000-8000-0000000000f1',
    kind: 'LINK',
    title: 'Kế hoạch 154/KH-UBND trên Cổng thông tin tỉnh',
    docNumber: '154/KH-UBND',
    docDate: '2026-03-26',
    issuer: 'UBND tỉnh Đồng Nai',
    summary: 'Kế hoạch nâng hạng Chỉ số chuyển đổi số tỉnh Đồng Nai năm 2026',
    fileName: null,
    mediaType: null,
    sizeBytes: null,
    sha256: null,
    url: 'https://dongnai.gov.vn/van-ban/154-kh-ubnd',
    contentUrl: null,
    previewable: false,
    ...overrides,
  });
}

/** One page of a list, as every list endpoint answers. */
export function page<T>(items: T[], overrides: Record<string, number> = {}) {
  return {
    items,
    page: 0,
    size: 20,
    totalItems: items.length,
    totalPages: items.length ? 1 : 0,
    ...overrides,
  };
}

export function json(body: unknown, status = 200, headers?: HeadersInit) {
  return HttpResponse.json(body as Record<string, unknown>, { status, headers });
}

/** A problem+json answer as the API gives it, with its field errors and, on 412, the current version. */
export function problemResponse(
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; currentVersion?: number } = {},
) {
  const body: Problem = {
    type: `https://dti.gov.vn/problems/${code}`,
    title: detail,
    status,
    detail,
    code,
    instance: '/api/v1',
    errors: extra.errors ?? [],
    ...(extra.currentVersion === undefined ? {} : { currentVersion: extra.currentVersion }),
  };
  return HttpResponse.json(body, {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** Requires the bearer token, as the API does, before answering. */
export function authed(respond: (request: Request) => Response | Promise<Response>) {
  return ({ request }: { request: Request }) =>
    bearer(request) ? respond(request) : unauthenticated();
}

/**
 * A file as the API sends one: the bytes, its type, and the name in `Content-Disposition` both as ASCII and as
 * RFC 8187 UTF-8 (`filename*`), which is the one to use.
 */
export function fileResponse(
  fileName: string,
  {
    asciiName = 'download.bin',
    type = 'application/octet-stream',
    bytes = new Uint8Array([80, 75, 3, 4]),
  }: { asciiName?: string; type?: string; bytes?: Uint8Array } = {},
) {
  return new HttpResponse(bytes, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}

/**
 * Records the files a screen saves (through an object URL and a link with `download`) instead of saving them;
 * undone when the test ends.
 */
export function captureDownloads() {
  const saved: { download: string; size: number }[] = [];
  const sizes = new Map<string, number>();
  Object.defineProperty(URL, 'createObjectURL', {
    value: (blob: Blob) => {
      const url = `blob:test/${sizes.size}`;
      sizes.set(url, blob.size);
      return url;
    },
    configurable: true,
  });
  Object.defineProperty(URL, 'revokeObjectURL', { value: () => undefined, configurable: true });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ download: this.download, size: sizes.get(this.href) ?? -1 });
  });
  onTestFinished(() => {
    click.mockRestore();
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });
  return saved;
}
