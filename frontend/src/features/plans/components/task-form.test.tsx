import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  authed,
  culture,
  economy,
  groupTasks,
  meeting,
  planId,
  problemWith,
  servePlan,
  serveOrgUnits,
} from '@/features/plans/testing/fixtures';
import { renderPlans, slowTest } from '@/features/plans/testing/render';
import { fill } from '@/testing/test-utils';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

describe('task forms', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it(
    'adds a task with its lead units, product and timeframe',
    async () => {
      servePlan();
      serveOrgUnits();
      const posted: unknown[] = [];
      server.use(
        http.post(
          '*/api/v1/plans/:planId/tasks',
          authed(async (request) => {
            posted.push(await request.json());
            return HttpResponse.json(meeting({ code: 'II.1.2' }), { status: 201 });
          }),
        ),
      );
      const { router, user } = renderPlans(`/plans/${planId}/tasks/new?group=${groupTasks.id}`);

      expect(await screen.findByRole('combobox', { name: 'Nhóm' })).toHaveValue(groupTasks.id);
      await fill(user, screen.getByLabelText('Mã nhiệm vụ'), 'II.1.2');
      await fill(user, screen.getByLabelText('STT trong nhóm'), '2');
      await fill(user, screen.getByLabelText('Nội dung nhiệm vụ'), 'Kiểm tra việc thực hiện.');
      const lead = screen.getByRole('group', { name: 'Đơn vị chủ trì' });
      await fill(user, within(lead).getByRole('searchbox'), 'van hoa');
      await user.click(await within(lead).findByRole('button', { name: `Chọn ${culture.name}` }));
      await fill(user, within(lead).getByRole('searchbox'), 'kinh te');
      await user.click(await within(lead).findByRole('button', { name: `Chọn ${economy.name}` }));
      await fill(user, screen.getByLabelText('Sản phẩm'), 'Báo cáo kiểm tra');
      // The plan runs 2026–2027, so a task spans those years unless told otherwise.
      expect(screen.getByRole('combobox', { name: 'Loại thời gian' })).toHaveValue('SPAN');
      await fill(user, screen.getByLabelText('Đến năm'), '2026');
      await user.click(screen.getByRole('button', { name: 'Lưu' }));

      await waitFor(() => expect(router.state.location.pathname).toBe(`/plans/${planId}`));
      expect(await screen.findByText('Đã lưu nhiệm vụ II.1.2.')).toBeInTheDocument();
      expect(posted).toEqual([
        {
          code: 'II.1.2',
          groupId: groupTasks.id,
          order: 2,
          description: 'Kiểm tra việc thực hiện.',
          leadUnitIds: [culture.id, economy.id],
          cooperatingUnitIds: [],
          product: 'Báo cáo kiểm tra',
          timeframe: { kind: 'SPAN', startYear: 2026, endYear: 2026, wording: null },
          progress: 'NOT_STARTED',
          note: null,
        },
      ]);
    },
    slowTest,
  );

  it('shows the API’s timeframe error next to the years and saves an edit with If-Match', async () => {
    servePlan();
    const ifMatches: (string | null)[] = [];
    server.use(
      http.put(
        '*/api/v1/plans/:planId/tasks/:taskId',
        authed((request) => {
          ifMatches.push(request.headers.get('If-Match'));
          return problemWith(
            400,
            'task.invalid',
            'Nhiệm vụ chưa hợp lệ: thời gian nằm ngoài kế hoạch.',
            {
              errors: [
                {
                  field: 'timeframe',
                  code: 'task.timeframe-outside-plan',
                  detail: 'Thời gian thực hiện nằm ngoài thời gian của kế hoạch (2026–2027).',
                },
              ],
            },
          );
        }),
      ),
    );
    const { user } = renderPlans(`/plans/${planId}/tasks/${meeting().id}/edit`);

    const year = await screen.findByLabelText('Năm');
    expect(year).toHaveValue('2026');
    await fill(user, year, '2031');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Năm')).toHaveAccessibleDescription(
        'Thời gian thực hiện nằm ngoài thời gian của kế hoạch (2026–2027).',
      ),
    );
    expect(ifMatches).toEqual(['"1"']);
  });
});
