import { http, HttpResponse } from 'msw';
import type { components } from '@/api/schema';
import { server } from '@/testing/mocks/server';
import { bearer, testMe, unauthenticated } from '@/testing/session';

type Plan = components['schemas']['Plan'];
type PlanGroup = components['schemas']['PlanGroup'];
type Indicator = components['schemas']['Indicator'];
type Task = components['schemas']['Task'];
type Me = components['schemas']['Me'];
type OrgUnit = components['schemas']['OrgUnit'];
type Problem = components['schemas']['Problem'];

export const planId = 'b7c1d2e3-0000-4000-8000-000000000084';
export const provincePlanId = 'b7c1d2e3-0000-4000-8000-000000000154';

/** The signed-in coordinator's own commune: the plan below is theirs to edit. */
export const commune = testMe.unit;
export const province = {
  id: 'a0000000-0000-4000-8000-000000000001',
  code: 'DNAI',
  name: 'UBND tỉnh Đồng Nai',
};
export const culture = {
  id: 'a0000000-0000-4000-8000-000000000021',
  code: 'DNAI.XUANLOC.VHXH',
  name: 'Phòng Văn hóa - Xã hội',
};
export const economy = {
  id: 'a0000000-0000-4000-8000-000000000022',
  code: 'DNAI.XUANLOC.KT',
  name: 'Phòng Kinh tế',
};
export const telecom = {
  id: 'a0000000-0000-4000-8000-000000000023',
  code: 'DNAI.XUANLOC.VIENTHONG',
  name: 'Viễn thông Xuân Lộc',
};

export const viewerMe: Me = {
  ...testMe,
  username: 'lanh.dao',
  fullName: 'Trần Thị Bình',
  roles: ['VIEWER'],
  scopes: [{ role: 'VIEWER', scope: commune }],
  coordinatedUnits: [],
  actions: [],
  grantableRoles: [],
};

const provincePlanRef = {
  id: provincePlanId,
  code: 'DNAI-KH154-2026',
  documentNumber: '154/KH-UBND',
  title: 'Kế hoạch Nâng cao chỉ số chuyển đổi số (DTI) giai đoạn 2026 - 2030 của tỉnh Đồng Nai',
};

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: planId,
    code: 'XUANLOC-CDS-2026',
    documentNumber: null,
    issuingUnit: commune,
    issueDate: null,
    issuePlace: 'Xuân Lộc',
    title: 'Kế hoạch Chuyển đổi số trong các cơ quan nhà nước xã Xuân Lộc năm 2026 – 2027',
    startYear: 2026,
    endYear: 2027,
    status: 'DRAFT',
    parentPlan: provincePlanRef,
    legalBases: [
      {
        citation:
          'Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
        plan: null,
      },
      {
        citation:
          'Kế hoạch số 154/KH-UBND ngày 26/3/2026 của Ủy ban nhân dân tỉnh Đồng Nai về Nâng cao chỉ số chuyển đổi số (DTI)',
        plan: provincePlanRef,
      },
    ],
    sections: [
      {
        key: 'OTHER',
        heading: null,
        body: 'Ủy ban nhân dân xã Xuân Lộc ban hành Kế hoạch chuyển đổi số năm 2026 như sau:',
      },
      {
        key: 'PURPOSE',
        heading: 'I. MỤC ĐÍCH, YÊU CẦU',
        body: '1. Mục đích\nPhát triển hạ tầng số đồng bộ.\n2. Yêu cầu\nBám sát chỉ đạo của tỉnh.',
      },
    ],
    signerName: 'Nguyễn Văn Cường',
    signerTitle: 'Chủ tịch',
    recipients: ['UBND tỉnh Đồng Nai', 'Lưu: VT'],
    reportingRegime: {
      frequency: 'MONTHLY',
      unitReportDay: 20,
      consolidationDay: 25,
      coordinatorUnit: culture,
      recipientUnit: province,
      wording: null,
      deadlineShift: 'NONE',
    },
    indicatorCount: 2,
    taskCount: 1,
    version: 3,
    createdAt: '2026-03-30T08:00:00+07:00',
    updatedAt: '2026-04-02T14:00:00+07:00',
    effectiveDate: null,
    effectiveFrom: null,
    // As the server answers the issuer's coordinator about a draft.
    actions: ['EDIT', 'IMPORT_APPENDIX', 'ISSUE', 'DELETE'],
    ...overrides,
  };
}

export const groupA: PlanGroup = {
  id: 'c0000000-0000-4000-8000-00000000000a',
  planId,
  kind: 'INDICATOR',
  code: 'A',
  name: 'Phát triển hạ tầng',
  order: 1,
  version: 1,
};
export const groupB: PlanGroup = {
  id: 'c0000000-0000-4000-8000-00000000000b',
  planId,
  kind: 'INDICATOR',
  code: 'B',
  name: 'Phát triển nguồn lực',
  order: 2,
  version: 1,
};
export const groupTasks: PlanGroup = {
  id: 'c0000000-0000-4000-8000-0000000000c1',
  planId,
  kind: 'TASK',
  code: 'II.1',
  name: 'Tăng cường công tác lãnh đạo, chỉ đạo',
  order: 1,
  version: 2,
};
export const groups = [groupB, groupTasks, groupA];

function groupRef(group: PlanGroup) {
  return { id: group.id, code: group.code, name: group.name, order: group.order };
}

export function coverage(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: 'd0000000-0000-4000-8000-0000000000a1',
    planId,
    code: 'A.1',
    group: groupRef(groupA),
    order: 1,
    content: 'Tỷ lệ phủ sóng 5G trên địa bàn',
    unitOfMeasure: '%',
    targets: [
      { year: 2026, kind: 'PERCENT', comparator: 'GE', value: 50, wording: '≥ 50%' },
      {
        year: 2027,
        kind: 'PERCENT',
        comparator: 'GE',
        value: 70,
        qualification: 'trừ vùng lõi rừng',
        wording: '≥ 70%',
      },
    ],
    baseline: null,
    leadUnit: culture,
    cooperatingUnits: [telecom],
    leadWording: null,
    cooperatingWording: 'Các đơn vị viễn thông',
    note: null,
    capturedAsFraction: false,
    numeratorLabel: null,
    denominatorLabel: null,
    contributesTo: null,
    evidenceRequired: true,
    version: 5,
    createdAt: '2026-03-30T08:00:00+07:00',
    updatedAt: '2026-04-01T08:00:00+07:00',
    ...overrides,
  };
}

export function budget(overrides: Partial<Indicator> = {}): Indicator {
  return coverage({
    id: 'd0000000-0000-4000-8000-0000000000b1',
    code: 'B.1',
    group: groupRef(groupB),
    content: 'Tỷ lệ chi ngân sách địa phương cho khoa học, công nghệ và chuyển đổi số/GRDP',
    targets: [
      {
        year: 2026,
        kind: 'PERCENT',
        comparator: 'GE',
        value: 1,
        basis: 'GRDP',
        wording: '≥ 1%/năm',
      },
    ],
    leadUnit: economy,
    cooperatingUnits: [],
    cooperatingWording: null,
    evidenceRequired: false,
    version: 2,
    ...overrides,
  });
}

export function meeting(overrides: Partial<Task> = {}): Task {
  return {
    id: 'e0000000-0000-4000-8000-000000000111',
    planId,
    code: 'II.1.1',
    group: groupRef(groupTasks),
    order: 1,
    description: 'Tổ chức phiên họp định kỳ của Ban Chỉ đạo chuyển đổi số xã.',
    leadUnits: [culture],
    cooperatingUnits: [economy],
    product: 'Thông báo kết luận phiên họp',
    timeframe: { kind: 'YEAR', startYear: 2026, endYear: 2026, wording: null },
    progress: 'IN_PROGRESS',
    note: null,
    version: 1,
    createdAt: '2026-03-30T08:00:00+07:00',
    updatedAt: '2026-03-30T08:00:00+07:00',
    ...overrides,
  };
}

export function orgUnit(ref: { id: string; code: string; name: string }): OrgUnit {
  return {
    ...ref,
    shortName: null,
    aliases: [],
    kind: 'OFFICE',
    parent: commune,
    ancestors: [province, commune],
    depth: 2,
    active: true,
    version: 1,
    createdAt: '2026-01-01T00:00:00+07:00',
    updatedAt: '2026-01-01T00:00:00+07:00',
  };
}

export function page<T>(items: T[], overrides: Record<string, number> = {}) {
  return {
    items,
    page: 0,
    size: 100,
    totalItems: items.length,
    totalPages: items.length ? 1 : 0,
    ...overrides,
  };
}

export function problemWith(
  status: number,
  code: string,
  detail: string,
  extra: Partial<Problem> = {},
) {
  const body: Problem = {
    type: `https://dti.gov.vn/problems/${code}`,
    title: detail,
    status,
    detail,
    code,
    instance: `/api/v1/plans/${planId}`,
    errors: [],
    ...extra,
  };
  return HttpResponse.json(body, {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** Passes the request to `handle` only with a session, as the API does. */
export function authed(handle: (request: Request) => Response | Promise<Response>) {
  return ({ request }: { request: Request }) =>
    bearer(request) ? handle(request) : unauthenticated();
}

export type Sent = {
  method: string;
  path: string;
  query: string;
  ifMatch: string | null;
  body: unknown;
};

/**
 * Serves one plan with its groups, indicators and tasks (reads, and the writes recorded in `sent`); lists are
 * filtered by `q` ignoring diacritics and case, as the API does.
 */
/** The actions the server lists for the issuer's coordinator, by the plan's status. */
export function editorActions(status: Plan['status']): Plan['actions'] {
  switch (status) {
    case 'DRAFT':
      return ['EDIT', 'IMPORT_APPENDIX', 'ISSUE', 'DELETE'];
    case 'ISSUED':
      return ['EDIT', 'IMPORT_APPENDIX', 'CLOSE'];
    case 'CLOSED':
      return ['EDIT', 'IMPORT_APPENDIX'];
  }
}

export function servePlan({
  current = plan(),
  indicators = [coverage(), budget()],
  tasks = [meeting()],
}: { current?: Plan; indicators?: Indicator[]; tasks?: Task[] } = {}) {
  const state = { plan: current, indicators, tasks, groups: [...groups] };
  const sent: Sent[] = [];
  const reads: Sent[] = [];
  async function record(request: Request, into: Sent[]) {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const entry = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams.toString(),
      ifMatch: request.headers.get('If-Match'),
      body: text ? (JSON.parse(text) as unknown) : null,
    };
    into.push(entry);
    return entry;
  }
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
  const matches = (q: string | null, ...texts: string[]) =>
    !q || texts.some((text) => fold(text).includes(fold(q)));

  server.use(
    http.get(
      '*/api/v1/plans/:planId',
      authed(async (request) => {
        await record(request, reads);
        return HttpResponse.json(state.plan, { headers: { ETag: `"${state.plan.version}"` } });
      }),
    ),
    http.get(
      '*/api/v1/plans/:planId/groups',
      authed(async (request) => {
        await record(request, reads);
        return HttpResponse.json(state.groups);
      }),
    ),
    http.get(
      '*/api/v1/plans/:planId/indicators',
      authed(async (request) => {
        const { query } = await record(request, reads);
        const q = new URLSearchParams(query).get('q');
        return HttpResponse.json(
          page(state.indicators.filter((i) => matches(q, i.code, i.content))),
        );
      }),
    ),
    http.get(
      '*/api/v1/plans/:planId/tasks',
      authed(async (request) => {
        const { query } = await record(request, reads);
        const q = new URLSearchParams(query).get('q');
        return HttpResponse.json(
          page(state.tasks.filter((x) => matches(q, x.code, x.description))),
        );
      }),
    ),
    http.get(
      '*/api/v1/plans/:planId/indicators/:indicatorId',
      authed(({ url }: Request) => {
        const id = new URL(url).pathname.split('/').at(-1);
        const found = state.indicators.find((i) => i.id === id);
        return found
          ? HttpResponse.json(found)
          : problemWith(404, 'indicator.not-found', 'Không tìm thấy chỉ tiêu.');
      }),
    ),
    http.get(
      '*/api/v1/plans/:planId/tasks/:taskId',
      authed(({ url }: Request) => {
        const id = new URL(url).pathname.split('/').at(-1);
        const found = state.tasks.find((x) => x.id === id);
        return found
          ? HttpResponse.json(found)
          : problemWith(404, 'task.not-found', 'Không tìm thấy nhiệm vụ.');
      }),
    ),
    http.put(
      '*/api/v1/plans/:planId',
      authed(async (request) => {
        const { body } = await record(request, sent);
        const update = body as Partial<Plan>;
        // The facts sent as they are stored; references (units, plans) stay as they were.
        state.plan = {
          ...state.plan,
          documentNumber: update.documentNumber ?? null,
          issueDate: update.issueDate ?? null,
          issuePlace: update.issuePlace ?? null,
          title: update.title ?? state.plan.title,
          status: update.status ?? state.plan.status,
          version: state.plan.version + 1,
        };
        // What the server then lets the plan's editor do: the actions follow the new status.
        if (state.plan.actions.includes('EDIT')) {
          state.plan.actions = editorActions(state.plan.status);
        }
        return HttpResponse.json(state.plan);
      }),
    ),
  );
  return { state, sent, reads };
}

/** Serves the unit search of the pickers. */
export function serveOrgUnits(units = [culture, economy, telecom, commune]) {
  const queries: string[] = [];
  server.use(
    http.get(
      '*/api/v1/org-units',
      authed((request) => {
        const q = new URL(request.url).searchParams.get('q') ?? '';
        queries.push(q);
        const fold = (text: string) =>
          text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase();
        return HttpResponse.json({
          ...page(units.filter((u) => fold(u.name).includes(fold(q))).map(orgUnit)),
          size: 8,
        });
      }),
    ),
  );
  return queries;
}
