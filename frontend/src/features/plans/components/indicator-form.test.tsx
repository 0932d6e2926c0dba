import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  authed,
  coverage,
  culture,
  groupA,
  planId,
  problemWith,
  servePlan,
  serveOrgUnits,
  telecom,
  type Sent,
} from '@/features/plans/testing/fixtures';
import { renderPlans, slowTest } from '@/features/plans/testing/render';
import { fill } from '@/testing/test-utils';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

const indicatorId = coverage().id;
const editUrl = `/plans/${planId}/indicators/${indicatorId}/edit`;

/** Records indicator writes; `answer` decides the response (the saved indicator by default). */
function serveIndicatorWrites(answer?: (sent: Sent) => Response | undefined) {
  const sent: Sent[] = [];
  const record = async (request: Request) => {
    const text = await request.text();
    const entry = {
      method: request.method,
      path: new URL(request.url).pathname,
      query: '',
      ifMatch: request.headers.get('If-Match'),
      body: text ? (JSON.parse(text) as unknown) : null,
    };
    sent.push(entry);
    return answer?.(entry);
  };
  server.use(
    http.put(
      '*/api/v1/plans/:planId/indicators/:indicatorId',
      authed(
        async (request) => (await record(request)) ?? HttpResponse.json(coverage({ version: 6 })),
      ),
    ),
    http.post(
      '*/api/v1/plans/:planId/indicators',
      authed(
        async (request) =>
          (await record(request)) ?? HttpResponse.json(coverage({ code: 'A.2' }), { status: 201 }),
      ),
    ),
    http.delete(
      '*/api/v1/plans/:planId/indicators/:indicatorId',
      authed(async (request) => (await record(request)) ?? new HttpResponse(null, { status: 204 })),
    ),
  );
  return sent;
}

describe('IndicatorEditPage', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it(
    'shows each target by year in its shape and saves the changes with If-Match',
    async () => {
      servePlan();
      const sent = serveIndicatorWrites();
      const { router, user } = renderPlans(editUrl);

      const first = await screen.findByRole('group', { name: 'Chỉ tiêu phấn đấu 1' });
      expect(within(first).getByRole('combobox', { name: 'Năm' })).toHaveValue('2026');
      expect(within(first).getByRole('combobox', { name: 'Dạng chỉ tiêu' })).toHaveValue('PERCENT');
      expect(within(first).getByRole('combobox', { name: 'Phép so sánh' })).toHaveValue('GE');
      expect(within(first).getByRole('textbox', { name: 'Giá trị' })).toHaveValue('50');
      expect(within(first).getByRole('textbox', { name: 'Nguyên văn trong văn bản' })).toHaveValue(
        '≥ 50%',
      );
      // A percentage has no base and ranks nothing.
      expect(
        within(first).queryByRole('textbox', { name: 'Trên (mẫu số)' }),
      ).not.toBeInTheDocument();
      expect(
        within(first).queryByRole('textbox', { name: 'Trong tổng số' }),
      ).not.toBeInTheDocument();
      const second = screen.getByRole('group', { name: 'Chỉ tiêu phấn đấu 2' });
      expect(within(second).getByRole('textbox', { name: 'Ngoại lệ' })).toHaveValue(
        'trừ vùng lõi rừng',
      );
      expect(screen.getByRole('group', { name: 'Đơn vị chủ trì' })).toHaveTextContent(culture.name);
      expect(screen.getByRole('group', { name: 'Đơn vị phối hợp' })).toHaveTextContent(
        telecom.name,
      );

      // Numbers are typed the Vietnamese way.
      await fill(user, within(first).getByRole('textbox', { name: 'Giá trị' }), '55,5');
      await fill(
        user,
        within(first).getByRole('textbox', { name: 'Nguyên văn trong văn bản' }),
        'tối thiểu 55,5%',
      );
      await user.click(screen.getByRole('button', { name: 'Lưu' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(await screen.findByText('Đã lưu chỉ tiêu A.1.')).toBeInTheDocument();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ method: 'PUT', ifMatch: '"5"' });
      expect(sent[0]!.body).toEqual({
        code: 'A.1',
        groupId: groupA.id,
        order: 1,
        content: 'Tỷ lệ phủ sóng 5G trên địa bàn',
        unitOfMeasure: '%',
        targets: [
          {
            year: 2026,
            kind: 'PERCENT',
            comparator: 'GE',
            value: 55.5,
            per: null,
            basis: null,
            outOf: null,
            text: null,
            qualification: null,
            wording: 'tối thiểu 55,5%',
          },
          {
            year: 2027,
            kind: 'PERCENT',
            comparator: 'GE',
            value: 70,
            per: null,
            basis: null,
            outOf: null,
            text: null,
            qualification: 'trừ vùng lõi rừng',
            wording: '≥ 70%',
          },
        ],
        baseline: null,
        leadUnitId: culture.id,
        cooperatingUnitIds: [telecom.id],
        leadWording: null,
        cooperatingWording: 'Các đơn vị viễn thông',
        note: null,
        capturedAsFraction: false,
        numeratorLabel: null,
        denominatorLabel: null,
        contributesToId: null,
        evidenceRequired: true,
      });
    },
    slowTest,
  );

  it(
    'changes the fields a target shows with its shape',
    async () => {
      servePlan();
      const { user } = renderPlans(editUrl);

      const second = await screen.findByRole('group', { name: 'Chỉ tiêu phấn đấu 2' });
      await user.selectOptions(
        within(second).getByRole('combobox', { name: 'Dạng chỉ tiêu' }),
        'RANK',
      );
      expect(within(second).getByRole('textbox', { name: 'Thứ hạng' })).toBeInTheDocument();
      expect(within(second).getByRole('textbox', { name: 'Trong tổng số' })).toBeInTheDocument();
      expect(within(second).queryByRole('textbox', { name: 'Tính trên' })).not.toBeInTheDocument();

      await user.selectOptions(
        within(second).getByRole('combobox', { name: 'Dạng chỉ tiêu' }),
        'MILESTONE',
      );
      expect(within(second).getByRole('textbox', { name: 'Mốc cần đạt' })).toBeInTheDocument();
      expect(
        within(second).queryByRole('combobox', { name: 'Phép so sánh' }),
      ).not.toBeInTheDocument();
      expect(within(second).queryByRole('textbox', { name: 'Thứ hạng' })).not.toBeInTheDocument();

      // A new year takes the shape of the row before it, and the next year not yet set.
      await user.click(screen.getByRole('button', { name: 'Bỏ chỉ tiêu phấn đấu 1' }));
      await user.click(screen.getByRole('button', { name: 'Thêm năm' }));
      const added = screen.getByRole('group', { name: 'Chỉ tiêu phấn đấu 2' });
      expect(within(added).getByRole('combobox', { name: 'Dạng chỉ tiêu' })).toHaveValue(
        'MILESTONE',
      );
      expect(within(added).getByRole('combobox', { name: 'Năm' })).toHaveValue('2026');
    },
    slowTest,
  );

  it('puts each of the API’s field errors next to its field, and lists those without one', async () => {
    servePlan();
    serveIndicatorWrites(() =>
      problemWith(
        400,
        'indicator.invalid',
        'Chỉ tiêu chưa hợp lệ: Năm 2027 đã có chỉ tiêu phấn đấu.',
        {
          errors: [
            {
              field: 'targets[1].wording',
              code: 'target.wording-required',
              detail: 'Cần ghi nguyên văn chỉ tiêu như trong văn bản.',
            },
            {
              field: 'cooperatingUnitIds[0]',
              code: 'indicator.lead-also-cooperating',
              detail: 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp.',
            },
            {
              field: 'targets[1].per',
              code: 'target.per-not-allowed',
              detail: 'Chỉ dạng RATIO mới có mẫu số.',
            },
          ],
        },
      ),
    );
    const { user } = renderPlans(editUrl);

    const second = await screen.findByRole('group', { name: 'Chỉ tiêu phấn đấu 2' });
    await user.clear(within(second).getByRole('textbox', { name: 'Nguyên văn trong văn bản' }));
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    const wording = within(second).getByRole('textbox', { name: 'Nguyên văn trong văn bản' });
    await waitFor(() =>
      expect(wording).toHaveAccessibleDescription('Cần ghi nguyên văn chỉ tiêu như trong văn bản.'),
    );
    expect(wording).toHaveFocus();
    const cooperating = screen.getByRole('group', { name: 'Đơn vị phối hợp' });
    expect(cooperating).toHaveTextContent('Đơn vị chủ trì không đồng thời là đơn vị phối hợp.');
    const alert = screen.getAllByRole('alert')[0]!;
    expect(alert).toHaveTextContent('Chỉ tiêu chưa hợp lệ: Năm 2027 đã có chỉ tiêu phấn đấu.');
    // The base of a ratio is not on screen for a percentage: its message goes with the alert.
    expect(within(alert).getByRole('listitem')).toHaveTextContent('Chỉ dạng RATIO mới có mẫu số.');
  });

  it('tells the user when someone else saved the indicator first (412)', async () => {
    servePlan();
    serveIndicatorWrites(() =>
      problemWith(
        412,
        'conflict.stale-version',
        'Chỉ tiêu đã được người khác thay đổi (phiên bản hiện tại 6, bạn sửa từ phiên bản 5).',
      ),
    );
    const { user } = renderPlans(editUrl);
    await screen.findByRole('group', { name: 'Chỉ tiêu phấn đấu 1' });
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        'Dữ liệu vừa được người khác thay đổi nên thay đổi của bạn chưa được lưu.',
      ),
    );
    expect(alert).toHaveTextContent('phiên bản hiện tại 6, bạn sửa từ phiên bản 5');
    expect(within(alert).getByRole('button', { name: 'Tải lại bản mới nhất' })).toBeInTheDocument();
  });

  it(
    'deletes the indicator with If-Match after asking, and returns to the plan',
    async () => {
      servePlan();
      const sent = serveIndicatorWrites();
      const { router, user } = renderPlans(editUrl);
      await screen.findByRole('group', { name: 'Chỉ tiêu phấn đấu 1' });

      await user.click(screen.getByRole('button', { name: 'Xóa chỉ tiêu' }));
      expect(screen.getByText('Xóa chỉ tiêu A.1? Không khôi phục được.')).toBeInTheDocument();
      await user.click(
        within(screen.getByRole('region', { name: 'Xóa chỉ tiêu' })).getByRole('button', {
          name: 'Xóa chỉ tiêu',
        }),
      );

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(await screen.findByText('Đã xóa chỉ tiêu A.1.')).toBeInTheDocument();
      expect(sent.map(({ method, ifMatch, path }) => ({ method, ifMatch, path }))).toEqual([
        {
          method: 'DELETE',
          ifMatch: '"5"',
          path: `/api/v1/plans/${planId}/indicators/${indicatorId}`,
        },
      ]);
    },
    slowTest,
  );
});

describe('IndicatorCreatePage', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it(
    'adds an indicator to the group the link named, with its lead unit found by search',
    async () => {
      servePlan();
      serveOrgUnits();
      const sent = serveIndicatorWrites();
      const { router, user } = renderPlans(`/plans/${planId}/indicators/new?group=${groupA.id}`);

      expect(await screen.findByRole('combobox', { name: 'Nhóm' })).toHaveValue(groupA.id);
      await fill(user, screen.getByLabelText('Mã chỉ tiêu'), 'A.2');
      await fill(user, screen.getByLabelText('STT trong nhóm'), '2');
      await fill(user, screen.getByLabelText('Nội dung chỉ tiêu'), 'Số điểm Wi-Fi công cộng');
      const target = screen.getByRole('group', { name: 'Chỉ tiêu phấn đấu 1' });
      await user.selectOptions(
        within(target).getByRole('combobox', { name: 'Dạng chỉ tiêu' }),
        'COUNT',
      );
      await fill(user, within(target).getByRole('textbox', { name: 'Giá trị' }), '10');
      await fill(
        user,
        within(target).getByRole('textbox', { name: 'Nguyên văn trong văn bản' }),
        '10 điểm',
      );
      const lead = screen.getByRole('group', { name: 'Đơn vị chủ trì' });
      await fill(user, within(lead).getByRole('searchbox'), 'van hoa');
      await user.click(await within(lead).findByRole('button', { name: `Chọn ${culture.name}` }));
      await user.click(screen.getByRole('button', { name: 'Lưu' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(sent[0]).toMatchObject({
        method: 'POST',
        body: {
          code: 'A.2',
          groupId: groupA.id,
          order: 2,
          content: 'Số điểm Wi-Fi công cộng',
          targets: [{ year: 2026, kind: 'COUNT', comparator: 'GE', value: 10, wording: '10 điểm' }],
          leadUnitId: culture.id,
          cooperatingUnitIds: [],
        },
      });
    },
    slowTest,
  );
});
