import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { components } from '@/api/schema';
import { useGetMe } from '@/lib/me';

type Role = components['schemas']['Role'];

const coordinators: Role[] = ['ADMIN', 'PROVINCE_COORDINATOR', 'COMMUNE_COORDINATOR'];

/** Where each person starts: reporters at their work, coordinators at the review queue, others at the dashboard. */
export function homePath(roles: readonly Role[]): string {
  if (roles.includes('UNIT_REPORTER')) {
    return '/my-work';
  }
  if (roles.some((role) => coordinators.includes(role))) {
    return '/review';
  }
  return '/dashboard';
}

export type NavLabel = 'work' | 'review' | 'dashboard' | 'plans' | 'admin';

/** The screens a person's roles use, in the main navigation. */
export function navigation(roles: readonly Role[]): { to: string; label: NavLabel }[] {
  return [
    ...(roles.includes('UNIT_REPORTER') ? [{ to: '/my-work', label: 'work' as const }] : []),
    ...(roles.some((role) => coordinators.includes(role))
      ? [{ to: '/review', label: 'review' as const }]
      : []),
    { to: '/dashboard', label: 'dashboard' as const },
    { to: '/plans', label: 'plans' as const },
    ...(roles.some((role) => coordinators.includes(role))
      ? [{ to: '/admin', label: 'admin' as const }]
      : []),
  ];
}

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useGetMe();
  if (me.data) {
    return <Navigate to={homePath(me.data.roles)} replace />;
  }
  if (me.isError) {
    return <Navigate to="/plans" replace />;
  }
  return (
    <p role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}
