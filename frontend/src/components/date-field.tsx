import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldMessages } from '@/components/field-messages';
import { parseTypedDate, typedDate } from '@/lib/calendar-date';

// The calendar (react-day-picker with its locales) loads only when someone opens it.
const DateCalendar = lazy(() => import('@/components/date-calendar'));

/**
 * A calendar date typed day first (`26/03/2026`) in every browser, with a calendar to pick it from. `value` is
 * the API's ISO date (`2026-03-26`) or `''`; `onChange` gets the ISO date, `''` when cleared, or the text as
 * typed when it is not a date (so the form still holds what the person wrote, and says so under the field).
 */
export function DateField({
  label,
  hint,
  error,
  className,
  value,
  onChange,
  required,
  disabled,
  ...props
}: {
  id?: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  required?: boolean;
  disabled?: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const ownId = useId();
  const id = props.id ?? ownId;
  const name = props.name ?? id;
  const [text, setText] = useState(() => typedDate(value));
  const [unreadable, setUnreadable] = useState(false);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const calendarId = `${id}-calendar`;

  // A new value from outside (a reload, a reset) replaces what is shown, unless it is what was typed.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    if (parseTypedDate(text) !== value && text !== value) setText(typedDate(value));
  }

  const shownError = error ?? (unreadable ? t('dateField.invalid') : undefined);
  const hintText = hint ? `${hint} ${t('dateField.format')}` : t('dateField.format');

  function type(next: string) {
    setText(next);
    const parsed = parseTypedDate(next);
    if (parsed !== null) setUnreadable(false);
    onChange(parsed ?? next);
  }

  return (
    <div className={className ? `field date-field ${className}` : 'field date-field'}>
      <label htmlFor={id}>{label}</label>
      <div className="date-field-row">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('dateField.placeholder')}
          maxLength={10}
          required={required}
          disabled={disabled}
          value={text}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(id, { hint: hintText, error: shownError })}
          onChange={(event) => type(event.target.value)}
          onBlur={() => setUnreadable(parseTypedDate(text) === null)}
        />
        <button
          type="button"
          className="button date-field-open"
          aria-expanded={open}
          aria-controls={open ? calendarId : undefined}
          disabled={disabled}
          onClick={() => setOpen((was) => !was)}
        >
          {t('dateField.pick')}
        </button>
      </div>
      {open && (
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <DateCalendar
            id={calendarId}
            label={label}
            value={parseTypedDate(text) ?? ''}
            onPick={(picked) => {
              setOpen(false);
              setUnreadable(false);
              setText(typedDate(picked));
              onChange(picked);
              inputRef.current?.focus();
            }}
            onClose={() => {
              setOpen(false);
              inputRef.current?.focus();
            }}
          />
        </Suspense>
      )}
      <FieldMessages id={id} hint={hintText} error={shownError} />
    </div>
  );
}
