import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { useGetMe } from '@/lib/me';
import { LoadError } from '@/components/load-error';
import '@/features/admin/components/admin.css';

type Me = components['schemas']['Me'];
type MeAction = components['schemas']['MeAction'];

const sections = ['units', 'users', 'serviceAccounts', 'import'] as const;
type Section = (typeof sections)[number];

const paths: Record<Section, string> = {
  units: '/admin/units',
  users: '/admin/users',
  serviceAccounts: '/admin/service-accounts',
  import: '/admin/import',
};

/** What the server must list among the person's actions for each section to be offered (importing a bundle makes plans). */
const opensWith: Record<Section, MeAction> = {
  units: 'MANAGE_UNITS',
  users: 'MANAGE_USERS',
  serviceAccounts: 'MANAGE_SERVICE_ACCOUNTS',
  import: 'CREATE_PLAN',
};

/** The sections the person may open, as `/me` lists them. */
function openSections(me: Me): Section[] {
  return sections.filter((section) => me.actions.includes(opensWith[section]));
}

/**
 * Where the person's administration reaches: the whole system for one who may place units at the top of the tree
 * (who coordinates everything), else the units they coordinate.
 */
function scopeNames(me: Me): string[] | null {
  if (me.actions.includes('MANAGE_TOP_UNITS')) return null;
  return me.coordinatedUnits.map((unit) => unit.name);
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
      {me && openSections(me).length === 0 && (
        <p role="status" className="notice">
          {t('admin.home.noRights')}
        </p>
      )}
      {me && openSections(me).length > 0 && <Sections me={me} />}
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
        {openSections(me).map((section) => (
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
