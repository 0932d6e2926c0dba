import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { authed, groupA, planId, problemWith, servePlan } from '@/features/plans/testing/fixtures';
import { renderPlans, slowTest } from '@/features/plans/testing/render';
import { fill } from '@/testing/test-utils';
import { server } from '@/testing/mocks/server';
import { seedSession } from '@/testing/session';

describe('GroupsPage', () => {
  beforeEach(async () => {
    await seedSession();
  });

  it(
    'lists the groups of each kind in order and adds one, with the API’s error next to the code',
    async () => {
      const api = servePlan();
      const posted: unknown[] = [];
      server.use(
        http.post(
          '*/api/v1/plans/:planId/groups',
          authed(async (request) => {
            const body = (await request.json()) as {
              code: string;
              name: string;
              order: number;
              kind: 'INDICATOR';
            };
            posted.push(body);
            if (body.code === 'A') {
              return problemWith(409, 'group.code-taken', "Nhóm 'A' đã có trong kế hoạch.", {
                errors: [
                  {
                    field: 'code',
                    code: 'group.code-taken',
                    detail: "Nhóm 'A' đã có trong kế hoạch.",
                  },
                ],
              });
            }
            const created = {
              ...body,
              id: 'c0000000-0000-4000-8000-00000000000c',
              planId,
              version: 1,
            };
            api.state.groups.push(created);
            return HttpResponse.json(created, { status: 201 });
          }),
        ),
      );
      const { user } = renderPlans(`/plans/${planId}/groups`);

      const indicatorGroups = await screen.findByRole('region', { name: 'Nhóm chỉ tiêu' });
      expect(
        within(indicatorGroups)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([
        expect.stringContaining('APhát triển hạ tầng'),
        expect.stringContaining('BPhát triển nguồn lực'),
      ]);
      const add = within(indicatorGroups).getByRole('form', { name: 'Thêm vào nhóm chỉ tiêu' });
      expect(within(add).getByLabelText('Thứ tự')).toHaveValue('3');

      await fill(user, within(add).getByLabelText('Ký hiệu'), 'A');
      await fill(user, within(add).getByLabelText('Tên nhóm'), 'Phát triển chuyển đổi số');
      await user.click(within(add).getByRole('button', { name: 'Thêm nhóm' }));

      await waitFor(() =>
        expect(within(add).getByLabelText('Ký hiệu')).toHaveAccessibleDescription(
          "Nhóm 'A' đã có trong kế hoạch.",
        ),
      );

      await fill(user, within(add).getByLabelText('Ký hiệu'), 'C');
      await user.click(within(add).getByRole('button', { name: 'Thêm nhóm' }));

      expect(await screen.findByText('Đã thêm nhóm C.')).toBeInTheDocument();
      await waitFor(() => expect(within(indicatorGroups).getAllByRole('listitem')).toHaveLength(3));
      expect(posted.at(-1)).toEqual({
        kind: 'INDICATOR',
        code: 'C',
        name: 'Phát triển chuyển đổi số',
        order: 3,
      });
    },
    slowTest,
  );

  it('renames a group with If-Match its version', async () => {
    servePlan();
    const sent: { ifMatch: string | null; body: unknown }[] = [];
    server.use(
      http.put(
        '*/api/v1/plans/:planId/groups/:groupId',
        authed(async (request) => {
          const body = (await request.json()) as typeof groupA;
          sent.push({ ifMatch: request.headers.get('If-Match'), body });
          return HttpResponse.json({ ...groupA, ...body, version: 2 });
        }),
      ),
    );
    const { user } = renderPlans(`/plans/${planId}/groups`);

    await user.click(await screen.findByRole('button', { name: 'Sửa nhóm A' }));
    const form = screen.getByRole('form', { name: 'Sửa nhóm A' });
    await fill(user, within(form).getByLabelText('Tên nhóm'), 'Hạ tầng số');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText('Đã lưu nhóm A.')).toBeInTheDocument();
    expect(sent).toEqual([
      { ifMatch: '"1"', body: { kind: 'INDICATOR', code: 'A', name: 'Hạ tầng số', order: 1 } },
    ]);
  });
});
