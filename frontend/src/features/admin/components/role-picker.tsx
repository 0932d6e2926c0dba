import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { useGetOrgUnitList } from '@/features/admin/api/get-org-unit-list';
import { useGetOrgUnit } from '@/lib/org-units';
import { personRoles, type PersonRole } from '@/features/admin/components/roles';
import { FieldMessages } from '@/components/field-messages';

type OrgUnitKind = components['schemas']['OrgUnitKind'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];
type Link = OrgUnitRef & { kind: OrgUnitKind };

/** What "where a role acts" says for a unit, or why the role does not fit it. */
type Scope = { text: string; misfit: boolean };

/**
 * Where each role would act for an account of `unitId`, found as the API finds it (docs/access.md): the
 * province or the commune containing the unit, the unit's own subtree, or everything.
 */
function useRoleScopes(unitId: string | null, t: TFunction) {
  const unitQuery = useGetOrgUnit(unitId);
  const unit = unitQuery.data;
  const ancestorQueries = useGetOrgUnitList(unit?.ancestors.map((a) => a.id) ?? []);
  if (!unitId) return () => ({ text: t('admin.roles.chooseUnit'), misfit: false });
  const ancestors = ancestorQueries.map((query) => query.data);
  if (!unit || ancestors.some((a) => !a)) {
    return () => ({ text: t('admin.roles.scopeLoading'), misfit: false });
  }
  // Nearest first: the unit itself, then its parent, up to the root.
  const chain: Link[] = [unit, ...(ancestors as Link[]).reverse()];
  const nearest = (kinds: readonly OrgUnitKind[]) => chain.find((u) => kinds.includes(u.kind));

  return (role: PersonRole): Scope => {
    switch (role) {
      case 'ADMIN':
        return { text: t('admin.roles.scope.ADMIN'), misfit: false };
      case 'PROVINCE_COORDINATOR': {
        const province = nearest(['PROVINCE']);
        return province
          ? {
              text: t('admin.roles.scope.PROVINCE_COORDINATOR', { name: province.name }),
              misfit: false,
            }
          : { text: t('admin.roles.misfit.PROVINCE_COORDINATOR'), misfit: true };
      }
      case 'COMMUNE_COORDINATOR': {
        const commune = nearest(['COMMUNE', 'WARD']);
        return commune
          ? {
              text: t('admin.roles.scope.COMMUNE_COORDINATOR', { name: commune.name }),
              misfit: false,
            }
          : { text: t('admin.roles.misfit.COMMUNE_COORDINATOR'), misfit: true };
      }
      case 'UNIT_REPORTER': {
        const area = nearest(['COMMUNE', 'WARD', 'PROVINCE']) ?? unit;
        return {
          text: t('admin.roles.scope.UNIT_REPORTER', { area: area.name, unit: unit.name }),
          misfit: false,
        };
      }
      case 'VIEWER':
        return { text: t('admin.roles.scope.VIEWER', { name: unit.name }), misfit: false };
    }
  };
}

/** The element to focus for a problem with the roles. */
export function firstRoleElementId(formId: string, roles: readonly PersonRole[]) {
  return `${formId}-roles-${roles[0] ?? 'VIEWER'}`;
}

/**
 * Roles as check boxes, each with where it would act for the chosen unit. Only roles the signed-in person
 * may give can be changed; others the account already holds are shown, fixed.
 */
export function RolePicker({
  formId,
  value,
  onChange,
  grantable,
  unitId,
  error,
}: {
  formId: string;
  value: readonly PersonRole[];
  onChange: (roles: PersonRole[]) => void;
  grantable: readonly PersonRole[];
  unitId: string | null;
  error?: string;
}) {
  const { t } = useTranslation();
  const scopeOf = useRoleScopes(unitId, t);
  const shown = personRoles.filter((role) => grantable.includes(role) || value.includes(role));
  const errorId = `${formId}-roles`;

  function toggle(role: PersonRole, on: boolean) {
    onChange(personRoles.filter((r) => (r === role ? on : value.includes(r))));
  }

  return (
    <fieldset
      className="choice-group role-picker"
      aria-describedby={error ? `${errorId}-error` : `${errorId}-hint`}
    >
      <legend>{t('admin.roles.label')}</legend>
      <p id={`${errorId}-hint`} className="field-hint">
        {t('admin.roles.hint')}
      </p>
      <ul className="role-list">
        {shown.map((role) => {
          const id = `${formId}-roles-${role}`;
          const scope = scopeOf(role);
          const fixed = !grantable.includes(role);
          return (
            <li key={role}>
              <label className="choice" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={value.includes(role)}
                  disabled={fixed}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`${id}-scope`}
                  onChange={(event) => toggle(role, event.target.checked)}
                />
                {t(`auth.roles.${role}`)}
              </label>
              <p
                id={`${id}-scope`}
                className={scope.misfit && value.includes(role) ? 'field-error' : 'field-hint'}
              >
                {fixed ? t('admin.roles.fixed') : scope.text}
              </p>
            </li>
          );
        })}
      </ul>
      <FieldMessages id={errorId} error={error} />
    </fieldset>
  );
}
