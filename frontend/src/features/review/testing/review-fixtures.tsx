import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { components } from '@/api/schema';
import { PeriodStatus } from '@/features/review/components/period-status';
import { ReportReview } from '@/features/review/components/report-review';
import { ReviewQueue } from '@/features/review/components/review-queue';
import { server } from '@/testing/mocks/server';
import { bearer, testMe, unauthenticated } from '@/testing/session';

type Evidence = components['schemas']['Evidence'];
type FieldError = components['schemas']['FieldError'];
type Indicator = components['schemas']['Indicator'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type PlanSummary = components['schemas']['PlanSummary'];
type Report = components['schemas']['Report'];
type ReportChange = components['schemas']['ReportChange'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];

export const commune: OrgUnitRef = testMe.scopes[0]!.scope;

export const units = {
  center: {
    id: 'a0000000-0000-4000-8000-000000000021',
    code: 'DNAI.XUANLOC.TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công',
  },
  police: {
    id: 'a0000000-0000-4000-8000-000000000022',
    code: 'DNAI.XUANLOC.CA',
    name: 'Công an xã',
  },
  culture: {
    id: 'a0000000-0000-4000-8000-000000000023',
    code: 'DNAI.XUANLOC.TTVH',
    name: 'Trung tâm Văn hóa, Thông tin và Thể thao',
  },
} satisfies Record<string, OrgUnitRef>;

export const plan: PlanSummary = {
  id: 'b7c1d2e3-0000-4000-8000-000000000084',
  code: 'XL-2026-01',
  documentNumber: '45/KH-UBND',
  title: 'Kế hoạch chuyển đổi số xã Xuân Lộc năm 2026',
  issuingUnit: commune,
  issueDate: '2026-01-15',
  startYear: 2026,
  endYear: 2026,
  status: 'ISSUED',
  version: 2,
  updatedAt: '2026-01-15T09:00:00+07:00',
};

export const planRef = {
  id: plan.id,
  code: plan.code,
  documentNumber: plan.documentNumber,
  title: plan.title,
};

export const march: ReportingPeriod = {
  id: 'd0000000-0000-4000-8000-000000000003',
  planId: plan.id,
  key: '2026-03',
  kind: 'MONTH',
  year: 2026,
  seq: 3,
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
  unitDeadline: '2026-03-20',
  consolidationDeadline: '2026-03-25',
  closed: false,
  sentUpAt: null,
  sentUpBy: null,
  sentUpNote: null,
  version: 4,
};

export const april: ReportingPeriod = {
  ...march,
  id: 'd0000000-0000-4000-8000-000000000004',
  key: '2026-04',
  seq: 4,
  startsOn: '2026-04-01',
  endsOn: '2026-04-30',
  unitDeadline: '2026-04-20',
  consolidationDeadline: '2026-04-25',
  version: 1,
};

const emptyValue: Report['value'] = {
  number: null,
  numerator: null,
  denominator: null,
  met: null,
  rank: null,
  rankOutOf: null,
  text: null,
  empty: true,
};

export function report(overrides: Partial<Report> & Pick<Report, 'id' | 'item' | 'unit'>): Report {
  return {
    plan: planRef,
    period: { id: march.id, key: march.key, unitDeadline: march.unitDeadline, closed: false },
    role: 'LEAD',
    state: 'SUBMITTED',
    value: emptyValue,
    progress: null,
    achievements: null,
    difficulties: null,
    proposals: null,
    reviewComment: null,
    firstSubmittedAt: '2026-03-18T02:15:00Z',
    submittedAt: '2026-03-18T02:15:00Z',
    submittedBy: 'Trần Thị Bình',
    reviewedAt: null,
    reviewedBy: null,
    reopenReason: null,
    onTime: true,
    daysLate: 0,
    locked: false,
    evidenceCount: 0,
    evidenceRequired: false,
    evidenceExplanation: null,
    version: 3,
    createdAt: '2026-03-10T01:00:00Z',
    updatedAt: '2026-03-18T02:15:00Z',
    ...overrides,
  };
}

export const onlineRecords = report({
  id: 'e0000000-0000-4000-8000-000000000001',
  item: {
    kind: 'INDICATOR',
    id: 'f0000000-0000-4000-8000-000000000011',
    code: 'C.11',
    content: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
  },
  unit: units.center,
  value: { ...emptyValue, numerator: 1450, denominator: 2000, empty: false },
  achievements: 'Đã tiếp nhận 1.450 hồ sơ trực tuyến toàn trình',
  difficulties: 'Đường truyền tại 3 ấp chưa ổn định',
  proposals: null,
  evidenceCount: 1,
  evidenceRequired: true,
  version: 7,
});

export const cameras = report({
  id: 'e0000000-0000-4000-8000-000000000002',
  item: {
    kind: 'INDICATOR',
    id: 'f0000000-0000-4000-8000-000000000012',
    code: 'C.12',
    content: 'Số camera an ninh được kết nối',
  },
  unit: units.police,
  value: { ...emptyValue, number: 12, empty: false },
  submittedAt: '2026-03-22T08:00:00Z',
  firstSubmittedAt: '2026-03-22T08:00:00Z',
  onTime: false,
  daysLate: 2,
});

export const indicator: Indicator = {
  id: onlineRecords.item.id,
  planId: plan.id,
  code: 'C.11',
  group: {
    id: 'f1000000-0000-4000-8000-000000000001',
    code: 'C',
    name: 'Chính quyền số',
    order: 3,
  },
  order: 11,
  content: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
  unitOfMeasure: '%',
  targets: [{ year: 2026, kind: 'PERCENT', comparator: 'GE', value: 80, wording: '≥ 80%' }],
  baseline: null,
  leadUnit: units.center,
  cooperatingUnits: [],
  leadWording: null,
  cooperatingWording: null,
  note: null,
  capturedAsFraction: true,
  numeratorLabel: 'Số hồ sơ trực tuyến toàn trình',
  denominatorLabel: 'Tổng số hồ sơ tiếp nhận',
  contributesTo: null,
  evidenceRequired: true,
  version: 1,
  createdAt: '2026-01-15T02:00:00Z',
  updatedAt: '2026-01-15T02:00:00Z',
};

export const decision: Evidence = {
  id: 'c1000000-0000-4000-8000-000000000001',
  kind: 'FILE',
  title: 'Báo cáo số liệu dịch vụ công tháng 3',
  docNumber: '12/BC-TTPVHCC',
  docDate: '2026-03-17',
  issuer: 'Trung tâm Phục vụ hành chính công',
  summary: null,
  fileName: 'bao-cao-thang-3.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 245_760,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  url: null,
  contentUrl: '/api/v1/evidence/c1000000-0000-4000-8000-000000000001/content',
  previewable: true,
  ownerUnit: units.center,
  uploadedBy: 'Trần Thị Bình',
  attachments: [],
  version: 1,
  createdAt: '2026-03-17T03:00:00Z',
  updatedAt: '2026-03-17T03:00:00Z',
};

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

export function problemResponse(
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; currentVersion?: number } = {},
) {
  return HttpResponse.json(
    {
      type: `https://dti.gov.vn/problems/${code}`,
      title: detail,
      status,
      detail,
      code,
      instance: '/api/v1',
      errors: extra.errors ?? [],
      ...(extra.currentVersion === undefined ? {} : { currentVersion: extra.currentVersion }),
    },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** The data the mocked API serves; tests change it to play what the server would do. */
export type ReviewDb = {
  reports: Report[];
  history: Record<string, ReportChange[]>;
  evidence: Record<string, Evidence[]>;
  periods: ReportingPeriod[];
};

/** Serves the reads the review pages make, from `db`; returns the query strings of list calls. */
export function serveReviewReads(db: ReviewDb) {
  const lists: URLSearchParams[] = [];
  server.use(
    http.get('*/api/v1/plans', ({ request }) =>
      bearer(request) ? HttpResponse.json(page([plan])) : unauthenticated(),
    ),
    http.get('*/api/v1/plans/:planId/periods', () => HttpResponse.json(db.periods)),
    http.get('*/api/v1/plans/:planId/indicators/:indicatorId', ({ params }) =>
      params.indicatorId === indicator.id
        ? HttpResponse.json(indicator)
        : HttpResponse.json({ ...indicator, id: params.indicatorId, targets: [] }),
    ),
    http.get('*/api/v1/org-units', () =>
      HttpResponse.json(page([units.center, units.police, units.culture])),
    ),
    http.get('*/api/v1/reports', ({ request }) => {
      const query = new URL(request.url).searchParams;
      lists.push(query);
      const state = query.get('state');
      const unit = query.get('unitId');
      const matching = db.reports.filter(
        (r) => (!state || r.state === state) && (!unit || r.unit.id === unit),
      );
      const size = Number(query.get('size') ?? '20');
      const index = Number(query.get('page') ?? '0');
      return HttpResponse.json(
        page(matching.slice(index * size, (index + 1) * size), {
          page: index,
          size,
          totalItems: matching.length,
          totalPages: Math.ceil(matching.length / size),
        }),
      );
    }),
    http.get('*/api/v1/reports/:reportId', ({ params }) => {
      const found = db.reports.find((r) => r.id === params.reportId);
      if (!found) return problemResponse(404, 'report.not-found', 'Không tìm thấy báo cáo.');
      return HttpResponse.json(found, { headers: { ETag: `"${found.version}"` } });
    }),
    http.get('*/api/v1/reports/:reportId/history', ({ params }) =>
      HttpResponse.json(db.history[String(params.reportId)] ?? []),
    ),
    http.get('*/api/v1/evidence', ({ request }) => {
      const reportId = new URL(request.url).searchParams.get('reportId') ?? '';
      return HttpResponse.json(page(db.evidence[reportId] ?? []));
    }),
  );
  return lists;
}

export function reviewDb(overrides: Partial<ReviewDb> = {}): ReviewDb {
  return {
    reports: [onlineRecords, cameras],
    history: {},
    evidence: {},
    periods: [march, april],
    ...overrides,
  };
}

/** Renders the review pages as the app mounts them under /review, starting at `url`. */
export function renderReview(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/review', element: <ReviewQueue /> },
      { path: '/review/period', element: <PeriodStatus /> },
      { path: '/review/:reportId', element: <ReportReview /> },
    ],
    { initialEntries: [url] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, user };
}

export const scope = `plan=${plan.id}&period=2026-03`;
