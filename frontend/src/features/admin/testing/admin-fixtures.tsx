/*
 * The administration screens' test world: a province, one of its communes and two units of the
 * commune, accounts and service accounts of the commune, and the responses the API gives for them.
 * Tests override only what they are about.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { http, HttpResponse, type PathParams } from 'msw';
import type { components } from '@/api/schema';
import { server } from '@/testing/mocks/server';
import { bearer, testMe, unauthenticated } from '@/testing/session';

type FieldError = components['schemas']['FieldError'];
type OrgUnit = components['schemas']['OrgUnit'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type Problem = components['schemas']['Problem'];
type ServiceAccount = components['schemas']['ServiceAccount'];
type User = components['schemas']['User'];

const created = '2026-01-05T08:00:00+07:00';
const updated = '2026-03-26T09:15:00+07:00';

function ref(unit: OrgUnit): OrgUnitRef {
  return { id: unit.id, code: unit.code, name: unit.name };
}

function unitBelow(
  parent: OrgUnit | null,
  fields: Partial<OrgUnit> & Pick<OrgUnit, 'id' | 'code' | 'name' | 'kind'>,
): OrgUnit {
  const ancestors = parent ? [...parent.ancestors, ref(parent)] : [];
  return {
    shortName: null,
    aliases: [],
    parent: parent ? ref(parent) : null,
    ancestors,
    depth: ancestors.length,
    active: true,
    version: 1,
    createdAt: created,
    updatedAt: updated,
    ...fields,
  };
}

export const province = unitBelow(null, {
  id: 'a0000000-0000-4000-8000-000000000001',
  code: 'DNAI',
  name: 'Tỉnh Đồng Nai',
  kind: 'PROVINCE',
});

/** The commune the test account (a commune coordinator) acts on. */
export const commune = unitBelow(province, {
  id: testMe.unit.id,
  code: testMe.unit.code,
  name: 'Xã Xuân Lộc',
  kind: 'COMMUNE',
  version: 4,
});

export const cultureOffice = unitBelow(commune, {
  id: 'a0000000-0000-4000-8000-000000000021',
  code: 'DNAI.XUANLOC.VHXH',
  name: 'Phòng Văn hóa - Xã hội',
  shortName: 'Phòng VH-XH',
  kind: 'DEPARTMENT',
  version: 3,
});

export const policePost = unitBelow(commune, {
  id: 'a0000000-0000-4000-8000-000000000022',
  code: 'DNAI.XUANLOC.CA',
  name: 'Công an xã Xuân Lộc',
  kind: 'POLICE',
  version: 2,
});

export const allUnits = [province, commune, cultureOffice, policePost];

export { ref as unitRef };

export function user(overrides: Partial<User> = {}): User {
  return {
    id: 'b0000000-0000-4000-8000-000000000031',
    username: 'lan.tt',
    fullName: 'Trần Thị Lan',
    email: 'lan.tt@xuanloc.dongnai.gov.vn',
    phone: '0251 3871 234',
    unit: ref(cultureOffice),
    roles: ['UNIT_REPORTER'],
    active: true,
    lastSignInAt: '2026-03-20T07:45:00+07:00',
    lockedUntil: null,
    version: 5,
    createdAt: created,
    updatedAt: updated,
    ...overrides,
  };
}

export function serviceAccount(overrides: Partial<ServiceAccount> = {}): ServiceAccount {
  return {
    id: 'c0000000-0000-4000-8000-000000000041',
    clientId: 'kho-du-lieu-xa',
    name: 'Kho dữ liệu dùng chung xã Xuân Lộc',
    description: 'Lấy kết quả báo cáo hằng tháng',
    unit: ref(commune),
    active: true,
    secretRotatedAt: created,
    lastUsedAt: null,
    version: 2,
    createdAt: created,
    updatedAt: updated,
    ...overrides,
  };
}

export function page<T>(
  items: T[],
  overrides: { page?: number; totalItems?: number; totalPages?: number } = {},
) {
  return {
    items,
    page: 0,
    size: 20,
    totalItems: items.length,
    totalPages: items.length > 0 ? 1 : 0,
    ...overrides,
  };
}

/** An RFC 9457 answer as the backend gives it, with field errors when the problem is on fields. */
export function problem(status: number, code: string, detail: string, errors: FieldError[] = []) {
  const body: Problem = {
    type: `https://dti.gov.vn/problems/${code}`,
    title: detail,
    status,
    detail,
    code,
    instance: '/api/v1',
    errors,
  };
  return HttpResponse.json(body, {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** Answers only requests that carry an access token, like the backend. */
export function authed(
  respond: (request: Request, params: PathParams) => Response | Promise<Response>,
) {
  return ({ request, params }: { request: Request; params: PathParams }) =>
    bearer(request) ? respond(request, params) : unauthenticated();
}

/** Removes Vietnamese diacritics, as the backend's search does (`unaccent`). */
function plain(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * Serves the unit list (search by name or code without diacritics, children of a parent) and each unit by id,
 * from `units`; returns the query strings of the list requests.
 */
export function serveUnits(units: OrgUnit[] = allUnits) {
  const lists: URLSearchParams[] = [];
  server.use(
    http.get(
      '*/api/v1/org-units',
      authed((request) => {
        const query = new URL(request.url).searchParams;
        lists.push(query);
        const q = plain(query.get('q') ?? '');
        const parentId = query.get('parentId');
        const found = units.filter(
          (unit) =>
            (!q || plain(`${unit.code} ${unit.name}`).includes(q)) &&
            (!parentId || unit.parent?.id === parentId),
        );
        return HttpResponse.json(page(found));
      }),
    ),
    http.get(
      '*/api/v1/org-units/:id',
      authed((_, params) => {
        const found = units.find((unit) => unit.id === params.id);
        return found
          ? HttpResponse.json(found, { headers: { ETag: `"${found.version}"` } })
          : problem(404, 'org-unit.not-found', 'Không tìm thấy đơn vị.');
      }),
    ),
  );
  return lists;
}

export { renderPages } from '@/testing/test-utils';

/** Chooses a unit in a unit picker by typing part of its name and picking it from the results. */
export async function pickUnit(
  user: ReturnType<typeof userEvent.setup>,
  pickerLabel: string,
  search: string,
  unit: OrgUnit,
) {
  const picker = screen.getByRole('group', { name: pickerLabel });
  await user.type(within(picker).getByRole('searchbox'), search);
  await user.click(
    await within(picker).findByRole('button', { name: `Chọn ${unit.name} (${unit.code})` }),
  );
}

/** The alert region that says `text` (a page has one per form, most of them empty). */
export function findAlert(text: string) {
  return waitFor(() => {
    const alert = screen
      .getAllByRole('alert')
      .find((element) => element.textContent?.includes(text));
    if (!alert) throw new Error(`No alert says "${text}".`);
    return alert;
  });
}
