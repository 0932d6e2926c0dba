import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signOut } from '@/lib/auth';
import { useGetMe } from '@/lib/me';

/** Who is signed in (name, role, unit), with links to change the password and to sign out. */
export function AccountMenu({ changePasswordPath }: { changePasswordPath: string }) {
  const { t } = useTranslation();
  const me = useGetMe().data;
  const roles = me?.roles.map((role) => t(`auth.roles.${role}`)).join(', ');

  return (
    <div className="account" role="group" aria-label={t('auth.account.label')}>
      {me && (
        <p className="account-who">
          <span className="account-name">{me.fullName ?? me.username}</span>
          <span className="account-detail">
            {roles && <span className="account-roles">{roles}</span>}
            <span className="account-unit">{me.unit.name}</span>
          </span>
        </p>
      )}
      <Link to={changePasswordPath} className="account-link">
        {t('auth.account.changePassword')}
      </Link>
      <button type="button" className="header-button" onClick={() => void signOut()}>
        {t('auth.account.signOut')}
      </button>
    </div>
  );
}
