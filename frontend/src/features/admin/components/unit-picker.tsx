import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { useGetOrgUnits } from '@/lib/org-units';
import { describedBy, FieldMessages } from '@/components/field-messages';

type OrgUnit = components['schemas']['OrgUnit'];
type OrgUnitRef = components['schemas']['OrgUnitRef'];

const searchDelayMs = 300;
const resultCount = 8;

/**
 * Chooses one organisation unit by searching its name or code (diacritics optional). The caller sees only
 * the units the API lets them see, so the choice stays inside their scope.
 */
export function UnitPicker({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  emptyLabel,
  clearable = true,
  excludeId,
}: {
  id: string;
  label: string;
  value: OrgUnitRef | null;
  /** The unit chosen from the results (with its kind and ancestors), or null when cleared. */
  onChange: (unit: OrgUnit | null) => void;
  hint?: string;
  error?: string;
  /** What "no unit" means here, e.g. "top level" or "all units". */
  emptyLabel?: string;
  clearable?: boolean;
  /** A unit that may not be chosen (a unit cannot be its own parent). */
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const searchRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text]);

  const results = useGetOrgUnits(
    { q: query, size: resultCount, active: true, sort: 'path,asc' },
    { enabled: query !== '' },
  );
  const items = (results.data?.items ?? []).filter((unit) => unit.id !== excludeId);
  const searching = text.trim() !== '';

  function pick(unit: OrgUnit | null) {
    onChange(unit);
    setText('');
    setQuery('');
    // The results go away with the choice; the search field is where the user was.
    searchRef.current?.focus();
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches at once instead of submitting the form the picker sits in.
    if (event.key === 'Enter') {
      event.preventDefault();
      setQuery(text.trim());
    }
  }

  return (
    <fieldset
      className={error ? 'unit-picker unit-picker-invalid' : 'unit-picker'}
      aria-describedby={describedBy(id, { hint, error })}
    >
      <legend>{label}</legend>
      <p className="unit-picker-value">
        {value ? (
          <>
            <span className="unit-picker-name">{value.name}</span>{' '}
            <span className="muted">{value.code}</span>
          </>
        ) : (
          <span className="muted">{emptyLabel ?? t('admin.unitPicker.none')}</span>
        )}
        {value && clearable && (
          <button
            type="button"
            className="button button-small"
            aria-label={t('admin.unitPicker.clearNamed', { name: value.name })}
            onClick={() => pick(null)}
          >
            {t('admin.unitPicker.clear')}
          </button>
        )}
      </p>
      <div className="field">
        <label htmlFor={`${id}-search`}>
          {value ? t('admin.unitPicker.change') : t('admin.unitPicker.search')}
        </label>
        <input
          ref={searchRef}
          id={`${id}-search`}
          type="search"
          value={text}
          autoComplete="off"
          placeholder={t('admin.unitPicker.placeholder')}
          onKeyDown={onSearchKey}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div aria-live="polite" className="unit-picker-results-region">
        {searching && query !== '' && results.isFetching && !results.data && (
          <p className="muted">{t('admin.unitPicker.searching')}</p>
        )}
        {searching && results.isError && (
          <p className="field-error">{t('admin.unitPicker.failed')}</p>
        )}
        {searching && results.data && !results.isPlaceholderData && items.length === 0 && (
          <p className="muted">{t('admin.unitPicker.noResults')}</p>
        )}
        {searching && items.length > 0 && (
          <ul className="unit-picker-results" aria-label={t('admin.unitPicker.results')}>
            {items.map((unit) => (
              <li key={unit.id}>
                <button
                  type="button"
                  aria-label={t('admin.unitPicker.choose', { name: unit.name, code: unit.code })}
                  onClick={() => pick(unit)}
                >
                  <span className="unit-picker-name">{unit.name}</span>
                  <span className="muted">
                    {unit.code} · {t(`admin.kinds.${unit.kind}`)}
                    {unit.parent ? ` · ${unit.parent.name}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </fieldset>
  );
}
