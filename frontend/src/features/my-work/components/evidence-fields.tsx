import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldMessages } from '@/components/field-messages';
import { maxLengths, type LinkField } from '@/features/my-work/utils/evidence-details';

type Props<F extends LinkField> = {
  fields: readonly F[];
  values: Record<F, string>;
  errors: Partial<Record<F, string>>;
  onChange: (field: F, value: string) => void;
  /** Lets the form move focus to the first field with an error. */
  fieldRef: (field: F, element: HTMLElement | null) => void;
};

/** The inputs that describe a document: its address (a link), title, number, date, issuer and summary. */
export function EvidenceFields<F extends LinkField>({
  fields,
  values,
  errors,
  onChange,
  fieldRef,
}: Props<F>) {
  return (
    <>
      {fields.map((field) => (
        <EvidenceField
          key={field}
          field={field}
          value={values[field]}
          error={errors[field]}
          onChange={(value) => onChange(field, value)}
          fieldRef={(element) => fieldRef(field, element)}
        />
      ))}
    </>
  );
}

function EvidenceField({
  field,
  value,
  error,
  onChange,
  fieldRef,
}: {
  field: LinkField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  fieldRef: (element: HTMLElement | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hints: Partial<Record<LinkField, string>> = {
    url: t('work.evidence.fields.urlHint'),
    docNumber: t('work.evidence.fields.docNumberHint'),
    docDate: t('work.evidence.fields.docDateHint'),
  };
  const hint = hints[field];
  const common = {
    id,
    name: field,
    value,
    maxLength: maxLengths[field],
    required: field === 'url' || field === 'title',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, { hint, error }),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t(`work.evidence.fields.${field}`)}</label>
      {field === 'summary' ? (
        <textarea
          {...common}
          ref={fieldRef}
          rows={3}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...common}
          ref={fieldRef}
          // An address gets the phone keyboard for addresses; a date is typed as dd/mm/yyyy.
          type={field === 'url' ? 'url' : 'text'}
          inputMode={field === 'url' ? 'url' : undefined}
          spellCheck={field === 'url' || field === 'docNumber' ? false : undefined}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
