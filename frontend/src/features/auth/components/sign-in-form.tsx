import type { TFunction } from 'i18next';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, readableError } from '@/lib/api-client';
import { useSession, type Session } from '@/lib/auth';
import { useSignIn } from '@/features/auth/api/sign-in';

function signInError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return readableError(error);
  if (error.code === 'auth.account-locked' || error.status === 429) {
    return error.retryAfter
      ? t('auth.errors.accountLocked', { count: error.retryAfter })
      : t('auth.errors.accountLockedNoWait');
  }
  if (error.code === 'auth.invalid-credentials') return t('auth.errors.invalidCredentials');
  if (error.code === 'auth.missing-credentials') return t('auth.errors.missingCredentials');
  // Network failures and anything else: the message the API client already made readable.
  return error.detail;
}

function sessionNotice(session: Session, t: TFunction): string | null {
  if (session.status !== 'signed-out') return null;
  if (session.reason === 'expired') return t('auth.signIn.expired');
  if (session.reason === 'password-changed') return t('auth.signIn.passwordChanged');
  if (session.reason === 'signed-out') return t('auth.signIn.signedOut');
  return null;
}

export function SignInForm() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const id = useId();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username: boolean; password: boolean } | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const empty = { username: username.trim() === '', password: password === '' };
    if (empty.username || empty.password) {
      setMissing(empty);
      signIn.reset();
      (empty.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setMissing(null);
    signIn.mutate({ username: username.trim(), password });
  }

  const error = missing
    ? t('auth.errors.missingCredentials')
    : signIn.isError
      ? signInError(signIn.error, t)
      : null;
  const refused =
    signIn.error instanceof ApiError && signIn.error.code === 'auth.invalid-credentials';
  const errorId = `${id}-error`;
  const notice = sessionNotice(session, t);

  return (
    <section className="auth-card" aria-labelledby={`${id}-heading`}>
      <title>{t('app.documentTitle', { page: t('auth.signIn.title') })}</title>
      <h1 id={`${id}-heading`}>{t('auth.signIn.title')}</h1>
      <p className="muted">{t('auth.signIn.intro')}</p>

      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}

      <form className="form-stack" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('auth.signIn.username')}</label>
          <input
            ref={usernameRef}
            id={`${id}-username`}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            aria-invalid={missing?.username || refused}
            aria-describedby={error ? errorId : undefined}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('auth.signIn.password')}</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={missing?.password || refused}
            aria-describedby={error ? errorId : undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>

        {/* Always present, so screen readers announce a message when it appears. */}
        <div id={errorId} role="alert" className="form-alert">
          {error && <p className="notice notice-error">{error}</p>}
        </div>

        <button
          type="submit"
          className="button button-primary button-block"
          disabled={signIn.isPending}
        >
          {signIn.isPending && <span className="spinner" aria-hidden="true" />}
          {signIn.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
        </button>
      </form>
    </section>
  );
}
