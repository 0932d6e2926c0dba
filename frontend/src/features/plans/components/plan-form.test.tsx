import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  authed,
  commune,
  economy,
  plan,
  planId,
  problemWith,
  servePlan,
  serveOrgUnits,
  viewerMe,
} from '@/features/plans/testing/fixtures';
import { renderPlans, slowTest } from '@/features/plans/testing/render';
import { fill } from '@/testing/test-utils';
import { currentYear } from '@/features/plans/utils/rows';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

describe('PlanCreatePage', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it(
    'shows progress while creating, the API’s field error next to its field, then the new plan',
    async () => {
      servePlan();
      const codes: string[] = [];
      let release: () => void = () => undefined;
      server.use(
        http.post(
          '*/api/v1/plans',
          authed(async (request) => {
            const body = (await request.json()) as { code: string };
            codes.push(body.code);
            if (body.code !== 'XUANLOC-CDS-2026') return HttpResponse.json(plan(), { status: 201 });
            await new Promise<void>((resolve) => (release = resolve));
            const detail = "Mã kế hoạch 'XUANLOC-CDS-2026' đã được dùng.";
            return problemWith(409, 'plan.code-taken', detail, {
              errors: [{ field: 'code', code: 'plan.code-taken', detail }],
            });
          }),
        ),
      );
      const { router, user } = renderPlans('/plans/new');

      const code = await screen.findByLabelText('Mã kế hoạch');
      await fill(user, code, 'XUANLOC-CDS-2026');
      await fill(user, screen.getByLabelText('Tên kế hoạch (trích yếu)'), 'Kế hoạch năm 2026');
      await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }));

      expect(await screen.findByRole('button', { name: 'Đang lập kế hoạch…' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      expect(
        screen.getByRole('button', { name: 'Đang lập kế hoạch…' }).closest('form'),
      ).toHaveAttribute('aria-busy', 'true');
      release();

      await waitFor(() =>
        expect(code).toHaveAccessibleDescription(
          "Chữ không dấu, số, dấu chấm, gạch ngang; không đổi được sau khi lập. Mã kế hoạch 'XUANLOC-CDS-2026' đã được dùng.",
        ),
      );
      expect(code).toHaveFocus();
      expect(code).toHaveAttribute('aria-invalid', 'true');

      await fill(user, code, 'XUANLOC-CDS-2026B');
      await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(await screen.findByText('Đã lập kế hoạch dự thảo.')).toBeInTheDocument();
      expect(codes).toEqual(['XUANLOC-CDS-2026', 'XUANLOC-CDS-2026B']);
    },
    slowTest,
  );

  it(
    'sends the plan as entered: units found by search, legal bases and sections',
    async () => {
      servePlan();
      const searched = serveOrgUnits();
      const posted: unknown[] = [];
      server.use(
        http.post(
          '*/api/v1/plans',
          authed(async (request) => {
            posted.push(await request.json());
            return HttpResponse.json(plan(), { status: 201 });
          }),
        ),
      );
      const { router, user } = renderPlans('/plans/new');

      await fill(user, await screen.findByLabelText('Mã kế hoạch'), 'XUANLOC-CDS-2027');
      await fill(user, screen.getByLabelText('Tên kế hoạch (trích yếu)'), 'Kế hoạch năm 2027');
      // Issued by, and consolidated at, the coordinator's own unit unless chosen otherwise.
      expect(screen.getByRole('group', { name: 'Đơn vị ban hành' })).toHaveTextContent(
        commune.name,
      );
      const recipient = screen.getByRole('group', { name: 'Nơi nhận báo cáo tổng hợp' });
      await fill(user, within(recipient).getByRole('searchbox'), 'kinh te');
      await user.click(
        await within(recipient).findByRole('button', { name: `Chọn ${economy.name}` }),
      );
      expect(recipient).toHaveTextContent(economy.name);
      await user.click(screen.getByRole('button', { name: 'Thêm căn cứ' }));
      await fill(
        user,
        screen.getByLabelText('Căn cứ 1'),
        'Nghị quyết số 57-NQ/TW của Bộ Chính trị',
      );
      await user.click(screen.getByRole('button', { name: 'Thêm mục' }));
      await fill(user, screen.getByLabelText('Tiêu đề mục'), 'I. MỤC TIÊU');
      await fill(user, screen.getByLabelText('Nội dung mục'), 'Phủ sóng 5G toàn xã.');
      await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(searched).toEqual(['kinh te']);
      expect(posted).toEqual([
        {
          code: 'XUANLOC-CDS-2027',
          documentNumber: null,
          issuingUnitId: commune.id,
          issueDate: null,
          issuePlace: null,
          title: 'Kế hoạch năm 2027',
          startYear: currentYear(),
          endYear: currentYear(),
          status: 'DRAFT',
          parentPlanId: null,
          legalBases: [{ citation: 'Nghị quyết số 57-NQ/TW của Bộ Chính trị', planId: null }],
          sections: [{ key: 'OTHER', heading: 'I. MỤC TIÊU', body: 'Phủ sóng 5G toàn xã.' }],
          signerTitle: '',
          signerName: '',
          recipients: [],
          reportingRegime: {
            frequency: 'MONTHLY',
            unitReportDay: 20,
            consolidationDay: 25,
            coordinatorUnitId: commune.id,
            recipientUnitId: economy.id,
            wording: null,
            deadlineShift: 'NONE',
          },
        },
      ]);
    },
    slowTest,
  );

  it('reads numbers as typed and says next to the field when one is not a whole number', async () => {
    const posted: unknown[] = [];
    server.use(
      http.post(
        '*/api/v1/plans',
        authed(() => {
          posted.push(1);
          return HttpResponse.json(plan(), { status: 201 });
        }),
      ),
    );
    const { user } = renderPlans('/plans/new');

    const day = await screen.findByLabelText('Ngày đơn vị báo cáo');
    await user.clear(day);
    await user.type(day, '20a');
    await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }));

    expect(day).toHaveAccessibleDescription('Ngày trong tháng, từ 1 đến 31. Nhập một số nguyên.');
    expect(day).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Chưa lưu được. Vui lòng xem lỗi ở từng ô.',
    );
    expect(posted).toEqual([]);
  });

  it('tells a reader that only coordinators create plans', async () => {
    await seedSession({ me: viewerMe });
    renderPlans('/plans/new');
    expect(
      await screen.findByText('Chỉ quản trị viên và cán bộ điều phối mới lập được kế hoạch.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lập kế hoạch' })).not.toBeInTheDocument();
  });
});

describe('PlanEditPage', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it(
    'shows the conflict when someone else saved first (412), reloads on request, and saves against the new version',
    async () => {
      const api = servePlan();
      const ifMatches: (string | null)[] = [];
      server.use(
        http.put(
          '*/api/v1/plans/:planId',
          authed((request) => {
            ifMatches.push(request.headers.get('If-Match'));
            if (request.headers.get('If-Match') !== '"3"') return undefined as unknown as Response;
            // Meanwhile a colleague renamed the plan, as version 4.
            api.state.plan = plan({
              title: 'Kế hoạch chuyển đổi số xã Xuân Lộc (bản của đồng nghiệp)',
              version: 4,
            });
            return problemWith(
              412,
              'conflict.stale-version',
              'Kế hoạch đã được người khác thay đổi (phiên bản hiện tại 4, bạn sửa từ phiên bản 3). Hãy tải lại rồi sửa tiếp.',
              { currentVersion: 4 },
            );
          }),
        ),
      );
      const { router, user } = renderPlans(`/plans/${planId}/edit`);

      const title = await screen.findByLabelText('Tên kế hoạch (trích yếu)');
      expect(title).toHaveValue(plan().title);
      await fill(user, title, 'Kế hoạch của tôi');
      await user.click(screen.getByRole('button', { name: 'Lưu' }));

      const alert = await screen.findByRole('alert');
      await waitFor(() =>
        expect(alert).toHaveTextContent(
          'Dữ liệu vừa được người khác thay đổi nên thay đổi của bạn chưa được lưu.',
        ),
      );
      expect(alert).toHaveTextContent(
        'Kế hoạch đã được người khác thay đổi (phiên bản hiện tại 4, bạn sửa từ phiên bản 3). Hãy tải lại rồi sửa tiếp.',
      );
      expect(alert).toHaveFocus();
      expect(title).toHaveValue('Kế hoạch của tôi');

      await user.click(within(alert).getByRole('button', { name: 'Tải lại bản mới nhất' }));
      await waitFor(() =>
        expect(screen.getByLabelText('Tên kế hoạch (trích yếu)')).toHaveValue(
          'Kế hoạch chuyển đổi số xã Xuân Lộc (bản của đồng nghiệp)',
        ),
      );
      expect(screen.getByRole('alert')).toBeEmptyDOMElement();

      const fresh = screen.getByLabelText('Tên kế hoạch (trích yếu)');
      await user.type(fresh, ' – đã rà soát');
      await user.click(screen.getByRole('button', { name: 'Lưu' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(await screen.findByText('Đã lưu thông tin kế hoạch.')).toBeInTheDocument();
      expect(ifMatches).toEqual(['"3"', '"4"']);
      expect(api.sent.at(-1)?.body).toMatchObject({
        title: 'Kế hoạch chuyển đổi số xã Xuân Lộc (bản của đồng nghiệp) – đã rà soát',
        status: 'DRAFT',
      });
      expect(api.sent.at(-1)?.body).not.toHaveProperty('code');
    },
    slowTest,
  );

  it('tells a reader they may not edit the plan, without a form', async () => {
    await seedSession({ me: viewerMe });
    // The server lets a reader do nothing with the plan.
    servePlan({ current: plan({ actions: [] }) });
    renderPlans(`/plans/${planId}/edit`);
    expect(
      await screen.findByText('Bạn chỉ được xem kế hoạch này, không được sửa.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu' })).not.toBeInTheDocument();
  });
});
