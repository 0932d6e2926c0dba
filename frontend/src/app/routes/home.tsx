import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { components } from '@/api/schema';
import { useGetMe } from '@/lib/me';

type MeAction = components['schemas']['MeAction'];

const administration: MeAction[] = [
  'MANAGE_UNITS',
  'MANAGE_USERS',
  'MANAGE_SERVICE_ACCOUNTS',
  'CREATE_PLAN',
];

type MeHome = components['schemas']['MeHome'];

/** The screen of each start the server names (`/me`'s `home`). */
const homePaths: Record<MeHome, string> = {
  REVIEW: '/review',
  MY_WORK: '/my-work',
  DASHBOARD: '/dashboard',
};

/** Where the person starts, as the server says. */
export function homePath(home: MeHome): string {
  return homePaths[home];
}

export type NavLabel = 'work' | 'review' | 'dashboard' | 'plans' | 'admin';

/** The screens the person may open, in the main navigation: what `/me` lists, plus those everyone reads. */
export function navigation(actions: readonly MeAction[]): { to: string; label: NavLabel }[] {
  return [
    ...(actions.includes('REPORT') ? [{ to: '/my-work', label: 'work' as const }] : []),
    ...(actions.includes('REVIEW') ? [{ to: '/review', label: 'review' as const }] : []),
    { to: '/dashboard', label: 'dashboard' as const },
    { to: '/plans', label: 'plans' as const },
    ...(actions.some((action) => administration.includes(action))
      ? [{ to: '/admin', label: 'admin' as const }]
      : []),
  ];
}

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useGetMe();
  if (me.data) {
    return <Navigate to={homePath(me.data.home)} replace />;
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
