import { http, HttpResponse } from 'msw';
import type { components } from '@/api/schema';
import { PeriodStatus } from '@/features/review/components/period-status';
import { ReportReview } from '@/features/review/components/report-review';
import { ReviewQueue } from '@/features/review/components/review-queue';
import { renderPages } from '@/testing/test-utils';
import {
  cultureCentre,
  emptyValue,
  evidence,
  indicator,
  page,
  period,
  periodRef,
  plan,
  police,
  problemResponse,
  report,
  serviceCentre,
  target,
} from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { bearer, unauthenticated } from '@/testing/session';

type Evidence = components['schemas']['Evidence'];
type Report = components['schemas']['Report'];
type ReportChange = components['schemas']['ReportChange'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];

/** March 2026 as this commune runs it: units report by the 20th, the commune sends up by the 25th. */
export const march: ReportingPeriod = period({
  id: 'd0000000-0000-4000-8000-000000000003',
  unitDeadline: '2026-03-20',
  consolidationDeadline: '2026-03-25',
  version: 4,
});

export const april: ReportingPeriod = period({
  id: 'd0000000-0000-4000-8000-000000000004',
  key: '2026-04',
  seq: 4,
  startsOn: '2026-04-01',
  endsOn: '2026-04-30',
  unitDeadline: '2026-04-20',
  consolidationDeadline: '2026-04-25',
  version: 1,
});

/** What a report sent for review in March carries. */
const submittedInMarch = {
  period: periodRef(march),
  state: 'SUBMITTED',
  value: emptyValue,
  achievements: null,
  firstSubmittedAt: '2026-03-18T02:15:00Z',
  submittedAt: '2026-03-18T02:15:00Z',
  submittedBy: 'Trần Thị Bình',
  onTime: true,
  createdAt: '2026-03-10T01:00:00Z',
  updatedAt: '2026-03-18T02:15:00Z',
} satisfies Partial<Report>;

export const onlineRecords = report({
  ...submittedInMarch,
  id: 'e0000000-0000-4000-8000-000000000001',
  item: {
    kind: 'INDICATOR',
    id: 'f0000000-0000-4000-8000-000000000011',
    code: 'C.11',
    content: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
  },
  unit: serviceCentre,
  value: { ...emptyValue, numerator: 1450, denominator: 2000, empty: false },
  achievements: 'Đã tiếp nhận 1.450 hồ sơ trực tuyến toàn trình',
  difficulties: 'Đường truyền tại 3 ấp chưa ổn định',
  proposals: null,
  evidenceCount: 1,
  evidenceRequired: true,
  version: 7,
});

export const cameras = report({
  ...submittedInMarch,
  id: 'e0000000-0000-4000-8000-000000000002',
  item: {
    kind: 'INDICATOR',
    id: 'f0000000-0000-4000-8000-000000000012',
    code: 'C.12',
    content: 'Số camera an ninh được kết nối',
  },
  unit: police,
  value: { ...emptyValue, number: 12, empty: false },
  submittedAt: '2026-03-22T08:00:00Z',
  firstSubmittedAt: '2026-03-22T08:00:00Z',
  onTime: false,
  daysLate: 2,
});

/** The indicator `onlineRecords` reports on, captured as a fraction. */
const onlineRecordsIndicator = indicator({
  id: onlineRecords.item.id,
  code: 'C.11',
  order: 11,
  content: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
  targets: [target()],
  capturedAsFraction: true,
  numeratorLabel: 'Số hồ sơ trực tuyến toàn trình',
  denominatorLabel: 'Tổng số hồ sơ tiếp nhận',
  evidenceRequired: true,
  createdAt: '2026-01-15T02:00:00Z',
  updatedAt: '2026-01-15T02:00:00Z',
});

export const decision: Evidence = evidence({
  id: 'c1000000-0000-4000-8000-000000000001',
  title: 'Báo cáo số liệu dịch vụ công tháng 3',
  docNumber: '12/BC-TTPVHCC',
  docDate: '2026-03-17',
  issuer: 'Trung tâm Phục vụ hành chính công',
  fileName: 'bao-cao-thang-3.pdf',
  sizeBytes: 245_760,
  createdAt: '2026-03-17T03:00:00Z',
  updatedAt: '2026-03-17T03:00:00Z',
});

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
      params.indicatorId === onlineRecordsIndicator.id
        ? HttpResponse.json(onlineRecordsIndicator)
        : HttpResponse.json({ ...onlineRecordsIndicator, id: params.indicatorId, targets: [] }),
    ),
    http.get('*/api/v1/org-units', () =>
      HttpResponse.json(page([serviceCentre, police, cultureCentre])),
    ),
    http.get('*/api/v1/review-queue', ({ request }) => {
      const query = new URL(request.url).searchParams;
      lists.push(query);
      const state = query.get('state') ?? 'SUBMITTED';
      const unit = query.get('unitId');
      const plan = query.get('planId');
      const key = query.get('periodKey');
      const inState = db.reports.filter(
        (r) => r.state === state && (!unit || r.unit.id === unit) && (!plan || r.plan.id === plan),
      );
      const matching = inState.filter((r) => !key || r.period.key === key);
      const size = Number(query.get('size') ?? '20');
      const index = Number(query.get('page') ?? '0');
      const periods = new Map<
        string,
        { plan: Report['plan']; period: Report['period']; count: number }
      >();
      for (const r of inState) {
        const id = `${r.plan.id}:${r.period.key}`;
        const found = periods.get(id);
        if (found) found.count += 1;
        else periods.set(id, { plan: r.plan, period: r.period, count: 1 });
      }
      return HttpResponse.json({
        ...page(matching.slice(index * size, (index + 1) * size), {
          page: index,
          size,
          totalItems: matching.length,
          totalPages: Math.ceil(matching.length / size),
        }),
        periods: [...periods.values()].sort((a, b) => a.period.key.localeCompare(b.period.key)),
      });
    }),
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
  return renderPages(
    [
      { path: '/review', element: <ReviewQueue /> },
      { path: '/review/period', element: <PeriodStatus /> },
      { path: '/review/:reportId', element: <ReportReview /> },
    ],
    url,
  );
}

export const scope = `plan=${plan.id}&period=2026-03`;
