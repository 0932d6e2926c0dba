import { Navigate, useLocation } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { useSession } from '@/lib/auth';
import { signInPath } from '@/app/routes/sign-in';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { useGetMe } from '@/lib/me';
import { navigation } from '@/app/routes/home';

/** The frame of every page that needs a session; without one, off to sign in and back here. */
export function ProtectedLayout() {
  const session = useSession();
  const location = useLocation();
  const actions = useGetMe().data?.actions ?? [];
  if (session.status === 'signed-out') {
    // After signing out on purpose, the next sign-in (perhaps someone else's) starts afresh.
    const next =
      session.reason === 'signed-out'
        ? null
        : `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={signInPath(next)} replace />;
  }
  return (
    <AppLayout
      nav={navigation(actions)}
      account={<AccountMenu changePasswordPath="/change-password" />}
    />
  );
}
