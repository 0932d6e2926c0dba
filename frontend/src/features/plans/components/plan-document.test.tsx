import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  authed,
  coverage,
  groupA,
  meeting,
  plan,
  planId,
  problemWith,
  provincePlanId,
  servePlan,
  viewerMe,
} from '@/features/plans/testing/fixtures';
import { renderPlans } from '@/features/plans/testing/render';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

function cellTexts(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

async function documentLoaded() {
  return screen.findByRole('heading', {
    level: 1,
    name: 'Kế hoạch Chuyển đổi số trong các cơ quan nhà nước xã Xuân Lộc năm 2026 – 2027',
  });
}

describe('PlanDocument', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it('shows the plan as its document: heading, legal bases linking to the cited plan, sections, signature', async () => {
    servePlan({
      current: plan({ documentNumber: '12/KH-UBND', issueDate: '2026-04-05', status: 'ISSUED' }),
    });
    renderPlans(`/plans/${planId}`);

    await documentLoaded();
    const doc = screen.getByRole('article', { name: 'Văn bản' });
    expect(doc).toHaveTextContent('UBND xã Xuân Lộc');
    expect(doc).toHaveTextContent('Số: 12/KH-UBND');
    expect(doc).toHaveTextContent('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc).toHaveTextContent('Xuân Lộc, ngày 5 tháng 4 năm 2026');

    const bases = within(doc).getByRole('region', { name: 'Căn cứ' });
    expect(within(bases).getAllByRole('listitem')).toHaveLength(2);
    expect(within(bases).getByRole('link', { name: 'Xem kế hoạch 154/KH-UBND' })).toHaveAttribute(
      'href',
      `/plans/${provincePlanId}`,
    );

    expect(
      within(doc).getByRole('heading', { level: 2, name: 'I. MỤC ĐÍCH, YÊU CẦU' }),
    ).toBeInTheDocument();
    expect(doc).toHaveTextContent('Phát triển hạ tầng số đồng bộ.');
    expect(doc).toHaveTextContent('Nơi nhận:');
    expect(doc).toHaveTextContent('Chủ tịch');
    expect(doc).toHaveTextContent('Nguyễn Văn Cường');

    const facts = screen.getByRole('complementary', { name: 'Thông tin kế hoạch' });
    expect(within(facts).getByRole('link', { name: /^154\/KH-UBND – / })).toHaveAttribute(
      'href',
      `/plans/${provincePlanId}`,
    );
    expect(facts).toHaveTextContent('Hằng tháng');
    expect(facts).toHaveTextContent('Ngày 20');
    expect(facts).toHaveTextContent('2 chỉ tiêu, 1 nhiệm vụ');
  });

  it('lists the indicators grouped as in the appendix, with targets by year and their units, then the tasks', async () => {
    const api = servePlan();
    renderPlans(`/plans/${planId}`);
    await documentLoaded();

    // Groups come in appendix order, whatever order the API lists them in.
    const indicators = await screen.findByRole('region', { name: 'Chỉ tiêu' });
    const groupHeadings = within(indicators)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(groupHeadings).toEqual(['A. Phát triển hạ tầng', 'B. Phát triển nguồn lực']);

    const tableA = within(indicators).getByRole('table', { name: 'Chỉ tiêu nhóm A' });
    expect(
      within(tableA)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Mã',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Năm 2026',
      'Năm 2027',
      'Chủ trì',
      'Phối hợp',
      'Sửa',
    ]);
    const [, rowA1] = within(tableA).getAllByRole('row');
    expect(cellTexts(rowA1!)).toEqual([
      'A.1',
      'Tỷ lệ phủ sóng 5G trên địa bànCần minh chứng',
      '%',
      '≥ 50%',
      '≥ 70% (trừ vùng lõi rừng)',
      'Phòng Văn hóa - Xã hội',
      'Viễn thông Xuân LộcTheo văn bản: Các đơn vị viễn thông',
      'Sửa',
    ]);

    const [, rowB1] = within(
      within(indicators).getByRole('table', { name: 'Chỉ tiêu nhóm B' }),
    ).getAllByRole('row');
    expect(cellTexts(rowB1!).slice(0, 6)).toEqual([
      'B.1',
      'Tỷ lệ chi ngân sách địa phương cho khoa học, công nghệ và chuyển đổi số/GRDP',
      '%',
      '≥ 1%/năm',
      '—',
      'Phòng Kinh tế',
    ]);

    const tasks = screen.getByRole('region', { name: 'Nhiệm vụ' });
    const taskTable = within(tasks).getByRole('table', { name: 'Nhiệm vụ nhóm II.1' });
    const [, taskRow] = within(taskTable).getAllByRole('row');
    expect(cellTexts(taskRow!).slice(0, 7)).toEqual([
      'II.1.1',
      'Tổ chức phiên họp định kỳ của Ban Chỉ đạo chuyển đổi số xã.',
      'Phòng Văn hóa - Xã hội',
      'Phòng Kinh tế',
      'Thông báo kết luận phiên họp',
      'Năm 2026',
      'Đang thực hiện',
    ]);

    const listReads = api.reads.filter((r) => /indicators|tasks$/.test(r.path));
    expect(listReads.map((r) => r.query)).toEqual(['page=0&size=100', 'page=0&size=100']);
  });

  it('searches the appendix with or without diacritics, keeping the search in the URL', async () => {
    const api = servePlan();
    const { router, user } = renderPlans(`/plans/${planId}?indicatorPage=2`);
    await documentLoaded();
    await screen.findByRole('table', { name: 'Chỉ tiêu nhóm A' });

    await user.type(screen.getByRole('searchbox', { name: 'Tìm trong phụ lục' }), 'phu song');

    await waitFor(() => expect(router.state.location.search).toBe('?q=phu+song'));
    await waitFor(() =>
      expect(screen.queryByRole('table', { name: 'Chỉ tiêu nhóm B' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('table', { name: 'Chỉ tiêu nhóm A' })).toBeInTheDocument();
    expect(screen.getByText('Không có nhiệm vụ nào phù hợp.')).toBeInTheDocument();
    // One request for what was shown first, one for the finished search; none per keystroke.
    const indicatorReads = api.reads.filter((r) => r.path.endsWith('/indicators'));
    expect(indicatorReads.map((r) => r.query)).toEqual([
      'page=1&size=100',
      'page=0&size=100&q=phu+song',
    ]);
    expect(api.reads.filter((r) => r.path.endsWith('/tasks')).at(-1)?.query).toBe(
      'page=0&size=100&q=phu+song',
    );

    // The address alone brings the same search back, with diacritics this time.
    await router.navigate(`/plans/${planId}?q=${encodeURIComponent('Phủ sóng')}`);
    await waitFor(() =>
      expect(screen.getByRole('searchbox', { name: 'Tìm trong phụ lục' })).toHaveValue('Phủ sóng'),
    );
    await waitFor(() =>
      expect(api.reads.filter((r) => r.path.endsWith('/indicators')).at(-1)?.query).toBe(
        'page=0&size=100&q=Ph%E1%BB%A7+s%C3%B3ng',
      ),
    );
  });

  it('shows readers no edit controls', async () => {
    await seedSession({ me: viewerMe });
    // The server lets a reader do nothing with the plan.
    servePlan({ current: plan({ actions: [] }) });
    renderPlans(`/plans/${planId}`);
    await documentLoaded();
    await screen.findByRole('table', { name: 'Chỉ tiêu nhóm A' });

    expect(screen.queryByRole('group', { name: 'Thao tác với kế hoạch' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ban hành' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sửa thông tin' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Thêm chỉ tiêu' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sửa chỉ tiêu A.1' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sửa nhiệm vụ II.1.1' })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Sửa' })).not.toBeInTheDocument();
  });

  it('gives the issuer’s coordinator the plan’s actions and a link to edit each row', async () => {
    servePlan();
    renderPlans(`/plans/${planId}`);
    await documentLoaded();

    const actions = await screen.findByRole('group', { name: 'Thao tác với kế hoạch' });
    expect(within(actions).getByRole('link', { name: 'Sửa thông tin' })).toHaveAttribute(
      'href',
      `/plans/${planId}/edit`,
    );
    expect(within(actions).getByRole('button', { name: 'Ban hành' })).toBeInTheDocument();
    expect(within(actions).getByRole('button', { name: 'Xóa dự thảo' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Sửa chỉ tiêu A.1' })).toHaveAttribute(
      'href',
      `/plans/${planId}/indicators/${coverage().id}/edit`,
    );
    expect(
      screen.getByRole('link', { name: `Thêm chỉ tiêu vào nhóm ${groupA.code}` }),
    ).toHaveAttribute('href', `/plans/${planId}/indicators/new?group=${groupA.id}`);
    expect(screen.getByRole('link', { name: 'Sửa nhiệm vụ II.1.1' })).toHaveAttribute(
      'href',
      `/plans/${planId}/tasks/${meeting().id}/edit`,
    );
  });

  it('issues the plan with If-Match; a missing number gets the API’s message next to the number', async () => {
    const api = servePlan();
    server.use(
      http.put(
        '*/api/v1/plans/:planId',
        authed(async (request) => {
          const body = (await request.clone().json()) as { documentNumber: string | null };
          if (body.documentNumber) return undefined as unknown as Response;
          return problemWith(
            400,
            'plan.invalid',
            'Kế hoạch chưa hợp lệ: Kế hoạch đã ban hành phải có số hiệu.',
            {
              errors: [
                {
                  field: 'documentNumber',
                  code: 'plan.issued-needs-number',
                  detail: 'Kế hoạch đã ban hành phải có số hiệu.',
                },
              ],
            },
          );
        }),
      ),
    );
    const { user } = renderPlans(`/plans/${planId}`);
    await documentLoaded();

    await user.click(await screen.findByRole('button', { name: 'Ban hành' }));
    const panel = screen.getByRole('region', { name: 'Ban hành kế hoạch' });
    await user.type(within(panel).getByLabelText('Ngày ban hành'), '05/04/2026');
    await user.click(within(panel).getByRole('button', { name: 'Ban hành kế hoạch' }));

    const number = within(panel).getByRole('textbox', { name: 'Số hiệu' });
    await waitFor(() =>
      expect(number).toHaveAccessibleDescription(
        'Ví dụ: 154/KH-UBND. Bắt buộc khi ban hành. Kế hoạch đã ban hành phải có số hiệu.',
      ),
    );
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveFocus();
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      'Kế hoạch chưa hợp lệ: Kế hoạch đã ban hành phải có số hiệu.',
    );

    await user.type(number, '12/KH-UBND');
    expect(number).not.toHaveAttribute('aria-invalid');
    await user.click(within(panel).getByRole('button', { name: 'Ban hành kế hoạch' }));

    expect(await screen.findByText('Đã ban hành kế hoạch.')).toBeInTheDocument();
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]).toMatchObject({
      method: 'PUT',
      ifMatch: '"3"',
      body: {
        status: 'ISSUED',
        documentNumber: '12/KH-UBND',
        issueDate: '2026-04-05',
        issuingUnitId: plan().issuingUnit.id,
        title: plan().title,
        legalBases: [
          { citation: plan().legalBases[0]!.citation, planId: null },
          { citation: plan().legalBases[1]!.citation, planId: provincePlanId },
        ],
        reportingRegime: {
          frequency: 'MONTHLY',
          unitReportDay: 20,
          coordinatorUnitId: plan().reportingRegime.coordinatorUnit.id,
        },
      },
    });
    await waitFor(() => expect(screen.getByText('Số: 12/KH-UBND')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Ban hành' })).not.toBeInTheDocument();
  });

  it('says so when the API refuses an action (403), even though the controls were shown', async () => {
    servePlan();
    server.use(
      http.delete(
        '*/api/v1/plans/:planId',
        authed(() =>
          problemWith(
            403,
            'access.plan-denied',
            "Bạn chỉ được xem kế hoạch 'XUANLOC-CDS-2026', không được sửa.",
          ),
        ),
      ),
    );
    const { user } = renderPlans(`/plans/${planId}`);
    await documentLoaded();

    await user.click(await screen.findByRole('button', { name: 'Xóa dự thảo' }));
    await user.click(screen.getByRole('button', { name: 'Xóa kế hoạch' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        "Bạn chỉ được xem kế hoạch 'XUANLOC-CDS-2026', không được sửa.",
      ),
    );
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });

  it('deletes a draft with If-Match and returns to the list, which says so', async () => {
    servePlan();
    const deletes: (string | null)[] = [];
    server.use(
      http.delete(
        '*/api/v1/plans/:planId',
        authed((request) => {
          deletes.push(request.headers.get('If-Match'));
          return new HttpResponse(null, { status: 204 });
        }),
      ),
      http.get(
        '*/api/v1/plans',
        authed(() =>
          HttpResponse.json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 }),
        ),
      ),
    );
    const { router, user } = renderPlans(`/plans/${planId}`);
    await documentLoaded();

    await user.click(await screen.findByRole('button', { name: 'Xóa dự thảo' }));
    await user.click(screen.getByRole('button', { name: 'Xóa kế hoạch' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/plans'));
    expect(deletes).toEqual(['"3"']);
    expect(await screen.findByText(`Đã xóa kế hoạch dự thảo ${plan().title}.`)).toBeInTheDocument();
  });

  it('shows the problem detail when the plan cannot be read', async () => {
    server.use(
      http.get(
        '*/api/v1/plans/:planId',
        authed(() => problemWith(404, 'plan.not-found', 'Không tìm thấy kế hoạch.')),
      ),
    );
    renderPlans(`/plans/${planId}`);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Không tải được kế hoạch');
    expect(alert).toHaveTextContent('Không tìm thấy kế hoạch.');
    expect(screen.getByRole('link', { name: 'Danh sách kế hoạch' })).toHaveAttribute(
      'href',
      '/plans',
    );
  });
});
