import { useTranslation } from 'react-i18next';

/** A column header that sorts the table by its column; the current direction is announced through aria-sort. */
export function SortableHeader<F extends string>({
  field,
  label,
  direction,
  onSort,
}: {
  field: F;
  label: string;
  direction: 'asc' | 'desc' | undefined;
  onSort: (field: F) => void;
}) {
  const { t } = useTranslation();
  const ariaSort =
    direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        data-direction={direction}
        title={t('sortBy', { column: label })}
        onClick={() => onSort(field)}
      >
        {label}
      </button>
    </th>
  );
}
