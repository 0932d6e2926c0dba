import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { useGetMe } from '@/lib/me';
import { managesAdministration } from '@/features/admin/components/roles';
import { LoadError } from '@/components/load-error';
import '@/features/admin/components/admin.css';

type Me = components['schemas']['Me'];

const sections = ['units', 'users', 'serviceAccounts', 'import'] as const;
type Section = (typeof sections)[number];

const paths: Record<Section, string> = {
  units: '/admin/units',
  users: '/admin/users',
  serviceAccounts: '/admin/service-accounts',
  import: '/admin/import',
};

/** Where a coordinator's administration reaches: everything for administrators, else their subtrees. */
function scopeNames(me: Me): string[] | null {
  if (me.roles.includes('ADMIN')) return null;
  return me.scopes
    .filter((s) => s.role === 'PROVINCE_COORDINATOR' || s.role === 'COMMUNE_COORDINATOR')
    .flatMap((s) => (s.scope ? [s.scope.name] : []))
    .filter((name, index, all) => all.indexOf(name) === index);
}

/** The administration sections the signed-in person may use, and where their rights reach. */
export function AdminHome() {
  const { t } = useTranslation();
  const meQuery = useGetMe();
  const me = meQuery.data;

  return (
    <section className="page admin" aria-labelledby="admin-heading">
      <title>{t('app.documentTitle', { page: t('admin.title') })}</title>
      <h1 id="admin-heading">{t('admin.title')}</h1>
      {meQuery.isPending && (
        <p role="status" className="notice">
          {t('admin.loading')}
        </p>
      )}
      {meQuery.isError && (
        <LoadError error={meQuery.error} onRetry={() => void meQuery.refetch()} />
      )}
      {me && !managesAdministration(me.roles) && (
        <p role="status" className="notice">
          {t('admin.home.noRights')}
        </p>
      )}
      {me && managesAdministration(me.roles) && <Sections me={me} />}
    </section>
  );
}

function Sections({ me }: { me: Me }) {
  const { t } = useTranslation();
  const scopes = scopeNames(me);
  return (
    <>
      <p className="muted">
        {scopes === null
          ? t('admin.home.scopeAll')
          : t('admin.home.scope', { units: scopes.join(', ') })}
      </p>
      <ul className="admin-sections">
        {sections.map((section) => (
          <li key={section}>
            <Link to={paths[section]}>{t(`admin.home.sections.${section}.title`)}</Link>
            <p>{t(`admin.home.sections.${section}.body`)}</p>
          </li>
        ))}
        <li>
          <Link to="/plans">{t('admin.home.sections.plans.title')}</Link>
          <p>{t('admin.home.sections.plans.body')}</p>
        </li>
      </ul>
    </>
  );
}
