import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { getSession } from '@/lib/auth';
import { server } from '@/testing/mocks/server';
import { bearer, seedSession, testMe, testPassword } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

type FieldError = components['schemas']['FieldError'];

const newPassword = 'Mới-Mật-khẩu-2';

function renderForm() {
  return renderRoute(<ChangePasswordForm />, { path: '/change-password' });
}

/** Records what PUT /me/password received and answers with `respond`. */
function servePasswordChange(respond: () => Response) {
  const received: { body: unknown; token: string | null }[] = [];
  server.use(
    http.put('*/api/v1/me/password', async ({ request }) => {
      received.push({ body: await request.json(), token: bearer(request) });
      return respond();
    }),
  );
  return received;
}

function fieldProblem(errors: FieldError[]) {
  return HttpResponse.json(
    {
      type: 'https://dti.gov.vn/problems/validation',
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      detail: errors[0]?.detail ?? '',
      code: errors[0]?.code ?? 'request.invalid',
      instance: '/api/v1/me/password',
      errors,
    },
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

async function fillIn(
  user: ReturnType<typeof renderForm>['user'],
  values: { current?: string; next?: string; repeat?: string } = {},
) {
  const { current = testPassword, next = newPassword } = values;
  const repeat = values.repeat ?? next;
  // The username comes from /me; the form waits for it.
  await waitFor(() => expect(screen.getByRole('button', { name: 'Đổi mật khẩu' })).toBeEnabled());
  if (current) await user.type(screen.getByLabelText('Mật khẩu hiện tại'), current);
  if (next) await user.type(screen.getByLabelText('Mật khẩu mới'), next);
  if (repeat) await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), repeat);
  await user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
}

describe('ChangePasswordForm', () => {
  let session: Awaited<ReturnType<typeof seedSession>>;

  beforeEach(async () => {
    session = await seedSession();
  });

  it('changes the password, then signs in again with the new one', async () => {
    const received = servePasswordChange(() => new HttpResponse(null, { status: 204 }));
    const { user } = renderForm();

    await fillIn(user);

    expect(
      await screen.findByText('Đã đổi mật khẩu. Các thiết bị khác đã được đăng xuất.'),
    ).toBeInTheDocument();
    expect(received).toEqual([
      {
        body: { currentPassword: testPassword, newPassword },
        token: session.issued[0]?.access_token,
      },
    ]);
    const signIn = session.tokenRequests.at(-1)!;
    expect(Object.fromEntries(signIn)).toEqual({
      grant_type: 'password',
      username: testMe.username,
      password: newPassword,
    });
    expect(getSession()).toEqual({ status: 'signed-in' });
    expect(screen.getByLabelText('Mật khẩu hiện tại')).toHaveValue('');
  });

  it('shows the problem field errors next to their fields', async () => {
    servePasswordChange(() =>
      fieldProblem([
        {
          field: 'currentPassword',
          code: 'auth.wrong-password',
          detail: 'Mật khẩu hiện tại không đúng.',
        },
        {
          field: 'newPassword',
          code: 'password.too-simple',
          detail:
            'Mật khẩu cần có ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký hiệu.',
        },
      ]),
    );
    const { user } = renderForm();

    await fillIn(user, { current: 'sai', next: 'abcdefgh' });

    const current = screen.getByLabelText('Mật khẩu hiện tại');
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    expect(current).toHaveAccessibleDescription('Mật khẩu hiện tại không đúng.');
    expect(current).toHaveFocus();
    expect(screen.getByLabelText('Mật khẩu mới')).toHaveAccessibleDescription(
      expect.stringContaining(
        'Mật khẩu cần có ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký hiệu.',
      ),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Chưa đổi được mật khẩu. Vui lòng xem lỗi ở từng ô.',
    );
    expect(getSession()).toEqual({ status: 'signed-in' });
  });

  it('checks the repeated password before sending anything', async () => {
    const received = servePasswordChange(() => new HttpResponse(null, { status: 204 }));
    const { user } = renderForm();

    await fillIn(user, { repeat: 'Khác-hẳn-3' });

    const repeat = screen.getByLabelText('Nhập lại mật khẩu mới');
    expect(repeat).toHaveAttribute('aria-invalid', 'true');
    expect(repeat).toHaveAccessibleDescription('Mật khẩu nhập lại không khớp với mật khẩu mới.');
    expect(repeat).toHaveFocus();
    expect(received).toEqual([]);
  });
});
