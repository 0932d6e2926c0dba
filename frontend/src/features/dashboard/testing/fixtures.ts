import { http, HttpResponse } from 'msw';
import type { components } from '@/api/schema';
import { server } from '@/testing/mocks/server';
import { testMe } from '@/testing/session';
import { commune, monthlyPeriods, police, serviceCentre } from '@/testing/fixtures';

type ConsolidatedReport = components['schemas']['ConsolidatedReport'];
type DtiRanking = components['schemas']['DtiRanking'];
type DtiRankingRow = components['schemas']['DtiRankingRow'];
type Indicator = components['schemas']['Indicator'];
type IndicatorResult = components['schemas']['IndicatorResult'];
type Me = components['schemas']['Me'];
type OrgUnit = components['schemas']['OrgUnit'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type PlanSummary = components['schemas']['PlanSummary'];
type ProvinceOverview = components['schemas']['ProvinceOverview'];
type PeriodSummary = components['schemas']['PeriodSummary'];
type CommuneProgress = components['schemas']['CommuneProgress'];
type CommuneProgressPage = components['schemas']['CommuneProgressPage'];
type CommuneReportState = components['schemas']['CommuneReportState'];
type IndicatorStatus = components['schemas']['IndicatorStatus'];
type ReportingPeriod = components['schemas']['ReportingPeriod'];
type ReportValue = components['schemas']['ReportValue'];

/** The day the tests live on: periods and default plans are chosen from it. */
export const today = new Date('2026-11-22T03:00:00Z');

export const province: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-000000000001',
  code: 'DNAI',
  name: 'Tỉnh Đồng Nai',
};
export const xuanLoc: OrgUnitRef = commune;
export const phuLam: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-000000000003',
  code: 'DNAI.PHULAM',
  name: 'Xã Phú Lâm',
};
export const phuocTan: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-000000000004',
  code: 'DNAI.PHUOCTAN',
  name: 'Xã Phước Tân',
};
export const department: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-000000000011',
  code: 'DNAI.SKHCN',
  name: 'Sở Khoa học và Công nghệ',
};
const culture: OrgUnitRef = {
  id: 'a0000000-0000-4000-8000-000000000023',
  code: 'DNAI.XUANLOC.VHXH',
  name: 'Phòng Văn hóa - Xã hội',
};

export function orgUnit(ref: OrgUnitRef, kind: OrgUnit['kind'], ancestors: OrgUnitRef[]): OrgUnit {
  return {
    ...ref,
    shortName: null,
    aliases: [],
    kind,
    parent: ancestors.at(-1) ?? null,
    ancestors,
    depth: ancestors.length,
    active: true,
    version: 1,
    createdAt: '2026-01-02T01:00:00Z',
    updatedAt: '2026-01-02T01:00:00Z',
  };
}

export const units: Record<string, OrgUnit> = {
  [province.id]: orgUnit(province, 'PROVINCE', []),
  [xuanLoc.id]: orgUnit(xuanLoc, 'COMMUNE', [province]),
  [phuLam.id]: orgUnit(phuLam, 'COMMUNE', [province]),
  [phuocTan.id]: orgUnit(phuocTan, 'COMMUNE', [province]),
  [department.id]: orgUnit(department, 'DEPARTMENT', [province]),
};

function plan(
  id: string,
  code: string,
  title: string,
  issuingUnit: OrgUnitRef,
  years: [number, number],
  status: PlanSummary['status'],
  documentNumber: string | null = null,
): PlanSummary {
  return {
    id,
    code,
    documentNumber,
    title,
    issuingUnit,
    issueDate: null,
    startYear: years[0],
    endYear: years[1],
    status,
    version: 1,
    updatedAt: '2026-03-26T02:00:00Z',
    effectiveDate: null,
    effectiveFrom: null,
    actions: [],
  };
}

export const plans = {
  xuanLoc2026: plan(
    'b0000000-0000-4000-8000-000000000001',
    'XUANLOC-CDS-2026',
    'Kế hoạch Chuyển đổi số trong các cơ quan nhà nước xã Xuân Lộc năm 2026',
    xuanLoc,
    [2026, 2026],
    'DRAFT',
  ),
  xuanLoc2025: plan(
    'b0000000-0000-4000-8000-000000000002',
    'XUANLOC-CDS-2025',
    'Kế hoạch Chuyển đổi số xã Xuân Lộc năm 2025',
    xuanLoc,
    [2025, 2025],
    'CLOSED',
    '84/KH-UBND',
  ),
  province: plan(
    'b0000000-0000-4000-8000-000000000154',
    'DNAI-KH154-2026',
    'Kế hoạch Nâng cao chỉ số chuyển đổi số (DTI) giai đoạn 2026 - 2030 của tỉnh Đồng Nai',
    province,
    [2026, 2030],
    'ISSUED',
    '154/KH-UBND',
  ),
  phuLam: plan(
    'b0000000-0000-4000-8000-000000000003',
    'PHULAM-DTI-2026-2030',
    'Kế hoạch Nâng cao chỉ số DTI giai đoạn 2026 - 2030 trên địa bàn xã Phú Lâm',
    phuLam,
    [2026, 2030],
    'DRAFT',
  ),
  phuocTan: plan(
    'b0000000-0000-4000-8000-000000000004',
    'PHUOCTAN-CDS-2026',
    'Kế hoạch chuyển đổi số xã Phước Tân năm 2026',
    phuocTan,
    [2026, 2026],
    'ISSUED',
  ),
} satisfies Record<string, PlanSummary>;

export const emptyValue: ReportValue = {
  number: null,
  numerator: null,
  denominator: null,
  met: null,
  rank: null,
  rankOutOf: null,
  text: null,
  empty: true,
};

let indicatorSeq = 0;

export function indicatorResult(
  code: string,
  content: string,
  overrides: Partial<IndicatorResult> = {},
): IndicatorResult {
  indicatorSeq += 1;
  return {
    indicator: {
      kind: 'INDICATOR',
      id: `f0000000-0000-4000-8000-${String(indicatorSeq).padStart(12, '0')}`,
      code,
      content,
    },
    groupCode: code.split('.')[0]!,
    unitOfMeasure: '%',
    target: null,
    leadUnit: serviceCentre,
    status: 'NOT_REPORTED',
    achieved: null,
    expected: null,
    reportId: null,
    reportPeriodKey: null,
    value: null,
    reportState: null,
    achievements: null,
    difficulties: null,
    proposals: null,
    contributions: 0,
    evidenceCount: 0,
    ...overrides,
  };
}

/** Xuân Lộc's indicators in November 2026, one of each shape and status. */
export function xuanLocIndicators(): IndicatorResult[] {
  return [
    indicatorResult('A.1', 'Ban hành Kế hoạch chuyển đổi số năm 2026', {
      unitOfMeasure: null,
      target: { year: 2026, kind: 'PASS_FAIL', comparator: null, value: null, wording: 'Đạt' },
      leadUnit: culture,
      status: 'NOT_MET',
      value: { ...emptyValue, met: false, empty: false },
      reportPeriodKey: '2026-11',
    }),
    indicatorResult('A.2', 'Triển khai nền tảng IoT cơ bản', {
      unitOfMeasure: null,
      target: {
        year: 2026,
        kind: 'MILESTONE',
        comparator: null,
        value: null,
        text: 'Triển khai',
        wording: 'Triển khai',
      },
      leadUnit: culture,
    }),
    indicatorResult('B.1', 'Tỷ lệ người dân trưởng thành có chữ ký số cá nhân', {
      target: { year: 2026, kind: 'PERCENT', comparator: 'GE', value: 50, wording: '≥ 50%' },
      leadUnit: police,
      status: 'OFF_TRACK',
      achieved: 20,
      expected: 45.8,
      value: { ...emptyValue, numerator: 1200, denominator: 6000, empty: false },
      reportPeriodKey: '2026-10',
    }),
    indicatorResult('C.11', 'Tỷ lệ hồ sơ trực tuyến toàn trình', {
      target: {
        year: 2026,
        kind: 'PERCENT',
        comparator: 'GE',
        value: 70,
        wording: 'tối thiểu 70%',
      },
      status: 'MET',
      achieved: 72.5,
      expected: 70,
      value: { ...emptyValue, numerator: 1450, denominator: 2000, empty: false },
      reportPeriodKey: '2026-11',
    }),
    indicatorResult('C.12', 'Số camera an ninh được kết nối', {
      unitOfMeasure: 'camera',
      target: { year: 2026, kind: 'COUNT', comparator: 'GE', value: 40, wording: '≥ 40' },
      leadUnit: police,
      status: 'AT_RISK',
      achieved: 30,
      expected: 36,
      value: { ...emptyValue, number: 30, empty: false },
      reportPeriodKey: '2026-11',
    }),
    indicatorResult('C.13', 'Thứ hạng chỉ số cải cách hành chính của xã', {
      unitOfMeasure: null,
      target: { year: 2026, kind: 'RANK', comparator: 'LE', value: 4, outOf: 60, wording: '≤ 4' },
      status: 'ON_TRACK',
      achieved: 8,
      expected: 10,
      value: { ...emptyValue, rank: 8, rankOutOf: 60, empty: false },
      reportPeriodKey: '2026-11',
    }),
    indicatorResult('C.20', 'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử', {
      status: 'NO_TARGET',
    }),
  ];
}

export function consolidated(
  planSummary: PlanSummary,
  period: ReportingPeriod,
  overrides: Partial<ConsolidatedReport> = {},
): ConsolidatedReport {
  return {
    plan: {
      id: planSummary.id,
      code: planSummary.code,
      documentNumber: planSummary.documentNumber,
      title: planSummary.title,
    },
    issuingUnit: planSummary.issuingUnit,
    period,
    statusCounts: {},
    indicators: [],
    tasks: [],
    timeliness: { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, lateUnits: [] },
    ...overrides,
  };
}

export const xuanLocTimeliness: ConsolidatedReport['timeliness'] = {
  expected: 12,
  submitted: 9,
  onTime: 8,
  late: 1,
  missing: 3,
  lateUnits: [
    { unit: police, missing: 2, submittedLate: 0, daysLate: 2 },
    { unit: culture, missing: 0, submittedLate: 1, daysLate: 1 },
    { unit: serviceCentre, missing: 1, submittedLate: 0, daysLate: 2 },
  ],
};

export const xuanLocTasks: ConsolidatedReport['tasks'] = [
  {
    task: {
      kind: 'TASK',
      id: 'f1000000-0000-4000-8000-000000000001',
      code: 'I.1',
      content: 'Xây dựng Đề án chuyển đổi số của xã',
    },
    groupCode: 'I',
    leadUnits: [culture],
    planProgress: 'IN_PROGRESS',
    reportedProgress: 'COMPLETED',
    achievements: 'Đề án đã được phê duyệt',
    reports: 1,
  },
  {
    task: {
      kind: 'TASK',
      id: 'f1000000-0000-4000-8000-000000000002',
      code: 'III.2',
      content: 'Triển khai camera giám sát an ninh trật tự tại các ấp',
    },
    groupCode: 'III',
    leadUnits: [police],
    planProgress: 'NOT_STARTED',
    reportedProgress: null,
    achievements: null,
    reports: 0,
  },
];

/** A pillar's row of the ranking table. */
function rankingRow(
  pillar: {
    code: string;
    order: number;
    name: string;
    subIndexCount: number;
    maxPoints: number;
  } | null,
  targets: [number, number][],
  results: [number, number][],
): DtiRankingRow {
  const targetOf = new Map(targets);
  return {
    pillar: pillar && { id: `e0000000-0000-4000-8000-00000000000${pillar.order}`, ...pillar },
    targets: targets.map(([year, rank]) => ({
      year,
      comparator: 'LE',
      rank,
      outOf: 34,
      wording: `≤${rank}`,
      plan: null,
    })),
    results: results.map(([year, rank]) => ({ year, score: null, rank, outOf: 34, source: null })),
    gaps: results
      .filter(([year]) => targetOf.has(year))
      .map(([year, rank]) => {
        const target = targetOf.get(year)!;
        return {
          year,
          targetRank: target,
          actualRank: rank,
          met: rank <= target,
          gap: rank - target,
        };
      }),
  };
}

/** Đồng Nai's ranking as in plan 154/KH-UBND, with the 2026 results published. */
export const provinceRanking: DtiRanking = {
  unit: province,
  framework: {
    id: 'e1000000-0000-4000-8000-000000000001',
    code: 'DTI-405-2025',
    name: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh',
    edition: '2025',
    source: null,
    pillars: [],
    subIndexCount: 29,
    maxPoints: 1000,
    version: 1,
    createdAt: '2026-01-02T01:00:00Z',
    updatedAt: '2026-01-02T01:00:00Z',
  },
  rows: [
    rankingRow(
      { code: 'HT', order: 1, name: 'Hạ tầng và Nền tảng số', subIndexCount: 6, maxPoints: 200 },
      [
        [2026, 4],
        [2027, 3],
      ],
      [
        [2024, 5],
        [2026, 3],
      ],
    ),
    rankingRow(
      { code: 'NL', order: 2, name: 'Nhân lực số', subIndexCount: 4, maxPoints: 100 },
      [
        [2026, 9],
        [2027, 8],
      ],
      [
        [2024, 27],
        [2026, 12],
      ],
    ),
    rankingRow(
      null,
      [
        [2026, 12],
        [2027, 10],
      ],
      [[2024, 15]],
    ),
  ],
  version: 3,
};

export function emptyRanking(unit: OrgUnitRef): DtiRanking {
  return {
    ...provinceRanking,
    unit,
    version: 0,
    rows: provinceRanking.rows.map((row) => ({ ...row, targets: [], results: [], gaps: [] })),
  };
}

export const provinceMe: Me = {
  ...testMe,
  username: 'province',
  fullName: 'Cán bộ điều phối Sở Khoa học và Công nghệ',
  unit: department,
  roles: ['PROVINCE_COORDINATOR'],
  scopes: [{ role: 'PROVINCE_COORDINATOR', scope: province }],
  coordinatedUnits: [province],
  grantableRoles: ['PROVINCE_COORDINATOR', 'COMMUNE_COORDINATOR', 'UNIT_REPORTER', 'VIEWER'],
  dashboardUnit: province,
  home: 'DASHBOARD',
};

function page<T>(items: T[]) {
  return { items, page: 0, size: items.length || 20, totalItems: items.length, totalPages: 1 };
}

/** What the fake API holds; tests change it between renders. */
export type DashboardDb = {
  consolidated: Record<string, ConsolidatedReport>;
  /** Summaries by `planId/periodKey`; without one, the consolidated report's figures with no change. */
  summaries?: Record<string, PeriodSummary>;
  /** Communes without a plan, listed after the overview's. */
  communesWithoutPlan?: OrgUnitRef[];
  indicators: Record<string, Indicator[]>;
  overview: Record<string, ProvinceOverview>;
  rankings: Record<string, DtiRanking>;
};

/** Requests the dashboard made, in order: `GET /path?query`. */
export type RequestLog = string[];

/** Serves units, plans, periods, consolidated reports, overviews, indicators and rankings from `db`. */
export function serveDashboard(db: DashboardDb): RequestLog {
  const log: RequestLog = [];
  const record = (request: Request) => {
    const url = new URL(request.url);
    log.push(`${url.pathname}${url.search}`);
  };
  const allPlans = Object.values(plans);
  server.use(
    http.get('*/api/v1/org-units/:id/dti-ranking', ({ request, params }) => {
      record(request);
      const id = String(params.id);
      return HttpResponse.json(db.rankings[id] ?? emptyRanking(units[id] ?? province));
    }),
    http.get('*/api/v1/org-units/:id', ({ request, params }) => {
      record(request);
      const unit = units[String(params.id)];
      return unit ? HttpResponse.json(unit) : new HttpResponse(null, { status: 404 });
    }),
    http.get('*/api/v1/org-units', ({ request }) => {
      record(request);
      const query = new URL(request.url).searchParams;
      const within = query.get('withinId');
      const kind = query.get('kind');
      return HttpResponse.json(
        page(
          Object.values(units).filter(
            (u) => u.kind === kind && (u.id === within || u.ancestors.some((a) => a.id === within)),
          ),
        ),
      );
    }),
    http.get('*/api/v1/plans', ({ request }) => {
      record(request);
      const issuer = new URL(request.url).searchParams.get('issuingUnitId');
      return HttpResponse.json(
        page(
          allPlans
            .filter((p) => p.issuingUnit.id === issuer)
            .sort((a, b) => b.startYear - a.startYear),
        ),
      );
    }),
    http.get('*/api/v1/plans/:planId', ({ request, params }) => {
      record(request);
      const found = allPlans.find((p) => p.id === params.planId);
      return found ? HttpResponse.json(found) : new HttpResponse(null, { status: 404 });
    }),
    http.get('*/api/v1/plans/:planId/periods', ({ request, params }) => {
      record(request);
      const found = allPlans.find((p) => p.id === params.planId);
      return HttpResponse.json(
        found ? monthlyPeriods(found.id, [found.startYear, found.endYear]) : [],
      );
    }),
    http.get('*/api/v1/plans/:planId/periods/:periodKey/consolidated', ({ request, params }) => {
      record(request);
      const report = db.consolidated[`${String(params.planId)}/${String(params.periodKey)}`];
      return report ? HttpResponse.json(report) : new HttpResponse(null, { status: 404 });
    }),
    http.get('*/api/v1/plans/:planId/periods/:periodKey/summary', ({ request, params }) => {
      record(request);
      const key = `${String(params.planId)}/${String(params.periodKey)}`;
      const summary = db.summaries?.[key];
      if (summary) return HttpResponse.json(summary);
      const report = db.consolidated[key];
      return report
        ? HttpResponse.json(summaryOf(report))
        : new HttpResponse(null, { status: 404 });
    }),
    http.get('*/api/v1/plans/:planId/periods/:periodKey/communes', ({ request, params }) => {
      record(request);
      const key = `${String(params.planId)}/${String(params.periodKey)}`;
      const overview = db.overview[key];
      if (!overview) return new HttpResponse(null, { status: 404 });
      return HttpResponse.json(
        communesPage(db, overview, db.communesWithoutPlan ?? [], new URL(request.url).searchParams),
      );
    }),
    http.get('*/api/v1/plans/:planId/periods/:periodKey/overview', ({ request, params }) => {
      record(request);
      const overview = db.overview[`${String(params.planId)}/${String(params.periodKey)}`];
      return overview ? HttpResponse.json(overview) : new HttpResponse(null, { status: 404 });
    }),
    http.get('*/api/v1/plans/:planId/indicators', ({ request, params }) => {
      record(request);
      return HttpResponse.json(page(db.indicators[String(params.planId)] ?? []));
    }),
  );
  return log;
}

export function periodOf(planSummary: PlanSummary, key: string): ReportingPeriod {
  return monthlyPeriods(planSummary.id, [planSummary.startYear, planSummary.endYear]).find(
    (p) => p.key === key,
  )!;
}

/** The summary the server would give for a consolidated report alone: its counts, no previous period. */
export function summaryOf(report: ConsolidatedReport): PeriodSummary {
  const counts: Partial<Record<IndicatorStatus, number>> = {};
  for (const r of report.indicators) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const t = report.timeliness;
  return {
    plan: report.plan,
    issuingUnit: report.issuingUnit,
    period: report.period,
    statusCounts: counts,
    timeliness: t,
    change: null,
    yearToDate: {
      year: report.period.year,
      periods: [
        {
          key: report.period.key,
          kind: report.period.kind,
          year: report.period.year,
          seq: report.period.seq,
          unitDeadline: report.period.unitDeadline,
          closed: report.period.closed,
          statusCounts: counts,
          expected: t.expected,
          onTime: t.onTime,
          late: t.late,
          missing: t.missing,
          lateUnits: t.lateUnits.length,
        },
      ],
      expected: t.expected,
      submitted: t.submitted,
      onTime: t.onTime,
      late: t.late,
      missing: t.missing,
      lateUnits: t.lateUnits.map((u) => ({
        unit: u.unit,
        missing: u.missing,
        submittedLate: u.submittedLate,
        periods: 1,
        daysLate: u.daysLate,
      })),
    },
  };
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** What the server answers for the province's communes: the overview's plans, then those without one. */
function communesPage(
  db: DashboardDb,
  overview: ProvinceOverview,
  withoutPlan: OrgUnitRef[],
  query: URLSearchParams,
): CommuneProgressPage {
  const rows: CommuneProgress[] = overview.plans.map((s) => {
    const report = db.consolidated[`${s.plan.id}/${s.periodKey ?? ''}`];
    const feeds = new Map((db.indicators[s.plan.id] ?? []).map((i) => [i.id, i.contributesTo?.id]));
    const feeding: Record<string, IndicatorStatus[]> = {};
    for (const r of report?.indicators ?? []) {
      const target = feeds.get(r.indicator.id);
      if (target) feeding[target] = [...(feeding[target] ?? []), r.status];
    }
    const state: CommuneReportState = !s.periodKey
      ? 'NO_PERIOD'
      : s.sentUpAt
        ? s.late
          ? 'SENT_LATE'
          : 'SENT'
        : s.late
          ? 'OVERDUE'
          : 'NOT_SENT';
    return {
      commune: s.issuingUnit,
      kind: 'COMMUNE',
      plan: { ...s.plan, status: 'ISSUED', implementsParent: true },
      state,
      periodKey: s.periodKey,
      consolidationDeadline: s.consolidationDeadline,
      sentUpAt: s.sentUpAt,
      sentUpBy: s.sentUpBy,
      statusCounts: s.statusCounts,
      timeliness: s.timeliness,
      feeding,
    };
  });
  for (const unit of withoutPlan) {
    rows.push({
      commune: unit,
      kind: 'COMMUNE',
      plan: null,
      state: 'NO_PLAN',
      periodKey: null,
      consolidationDeadline: null,
      sentUpAt: null,
      sentUpBy: null,
      statusCounts: {},
      timeliness: { expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, lateUnits: [] },
      feeding: {},
    });
  }
  const stateCounts: Partial<Record<CommuneReportState, number>> = {};
  for (const r of rows) stateCounts[r.state] = (stateCounts[r.state] ?? 0) + 1;
  const q = fold(query.get('q') ?? '');
  const states = query.getAll('state');
  const matching = rows
    .filter((r) => !q || fold(`${r.commune.name} ${r.plan?.code ?? ''}`).includes(q))
    .filter((r) => states.length === 0 || states.includes(r.state))
    .sort((a, b) => a.commune.name.localeCompare(b.commune.name, 'vi'));
  const size = Number(query.get('size') ?? 20);
  const pageNumber = Number(query.get('page') ?? 0);
  return {
    plan: overview.plan,
    unit: province,
    periodKey: overview.periodKey,
    items: matching.slice(pageNumber * size, (pageNumber + 1) * size),
    page: pageNumber,
    size,
    totalItems: matching.length,
    totalPages: Math.ceil(matching.length / size),
    totalCommunes: rows.length,
    stateCounts,
    rollups: overview.rollups,
  };
}
