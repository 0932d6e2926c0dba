import { Navigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { safeNextPath, useSession } from '@/lib/auth';
import { SignInForm } from '@/features/auth/components/sign-in-form';

/** Where to sign in, coming back to `next` (a path on this site) afterwards. */
export function signInPath(next?: string | null): string {
  return next && next !== '/' ? `/sign-in?${new URLSearchParams({ next }).toString()}` : '/sign-in';
}

export function SignInRoute() {
  const session = useSession();
  const [searchParams] = useSearchParams();
  if (session.status === 'signed-in') {
    return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  }
  return (
    <AuthLayout>
      <SignInForm />
    </AuthLayout>
  );
}
