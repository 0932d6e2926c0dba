import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { getSession } from '@/lib/auth';
import { i18n } from '@/lib/i18n';
import { server } from '@/testing/mocks/server';
import { issueTokens, problem, testPassword } from '@/testing/session';
import { renderRoute } from '@/testing/test-utils';

function renderSignIn() {
  return renderRoute(<SignInForm />, { path: '/sign-in' });
}

/** Answers every token request with `respond`; returns the forms it received. */
function serveToken(respond: () => Response | Promise<Response>) {
  const forms: URLSearchParams[] = [];
  server.use(
    http.post('*/api/v1/auth/token', async ({ request }) => {
      forms.push(new URLSearchParams(await request.text()));
      return respond();
    }),
  );
  return forms;
}

async function submit(
  user: ReturnType<typeof renderSignIn>['user'],
  username = 'an.nv',
  password = testPassword,
) {
  if (username) await user.type(screen.getByLabelText('Tên đăng nhập'), username);
  if (password) await user.type(screen.getByLabelText('Mật khẩu'), password);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

describe('SignInForm', () => {
  it('labels its fields for password managers and screen readers', () => {
    renderSignIn();
    expect(screen.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAttribute('type', 'password');
  });

  it('shows progress while signing in, then keeps the session', async () => {
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const forms = serveToken(async () => {
      await answered;
      return HttpResponse.json(issueTokens());
    });
    const { user } = renderSignIn();

    await submit(user, '  an.nv ');

    const button = await screen.findByRole('button', { name: 'Đang đăng nhập…' });
    expect(button).toBeDisabled();
    answer();
    await waitFor(() => expect(getSession()).toEqual({ status: 'signed-in' }));
    expect(Object.fromEntries(forms[0]!)).toEqual({
      grant_type: 'password',
      username: 'an.nv',
      password: testPassword,
    });
  });

  it('says so when the user name or password is wrong', async () => {
    serveToken(() =>
      problem(401, 'auth.invalid-credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.'),
    );
    const { user } = renderSignIn();

    await submit(user, 'an.nv', 'sai-mat-khau');

    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng.'));
    expect(screen.getByLabelText('Mật khẩu')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAccessibleDescription(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeEnabled();
    expect(getSession().status).toBe('signed-out');
  });

  it('tells how long to wait after too many failures', async () => {
    serveToken(() =>
      problem(429, 'auth.account-locked', 'Tài khoản tạm khóa.', {
        headers: { 'Retry-After': '60' },
      }),
    );
    const { user } = renderSignIn();

    await submit(user);

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Đăng nhập sai nhiều lần từ máy này. Vui lòng thử lại sau 60 giây.',
      ),
    );
  });

  it('says when the server cannot be reached', async () => {
    serveToken(() => HttpResponse.error());
    const { user } = renderSignIn();

    await submit(user);

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
      ),
    );
  });

  it('asks for both fields before sending anything', async () => {
    const forms = serveToken(() => HttpResponse.json(issueTokens()));
    const { user } = renderSignIn();

    await submit(user, 'an.nv', '');

    expect(screen.getByRole('alert')).toHaveTextContent('Vui lòng nhập tên đăng nhập và mật khẩu.');
    expect(screen.getByLabelText('Mật khẩu')).toHaveFocus();
    expect(screen.getByLabelText('Mật khẩu')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'false');
    expect(forms).toEqual([]);
  });

  it('is in English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    serveToken(() =>
      problem(429, 'auth.account-locked', 'Account locked.', { headers: { 'Retry-After': '1' } }),
    );
    const { user } = renderSignIn();

    await user.type(screen.getByLabelText('User name'), 'an.nv');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Too many failed sign-ins from here. Please try again in 1 second.',
      ),
    );
  });
});
