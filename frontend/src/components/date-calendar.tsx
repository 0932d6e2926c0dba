import { DayPicker } from 'react-day-picker';
import { enGB } from 'react-day-picker/locale/en-GB';
import { vi } from 'react-day-picker/locale/vi';
import 'react-day-picker/style.css';
import { fromLocalDate, toLocalDate } from '@/lib/calendar-date';
import { useLanguage } from '@/lib/i18n';

/** The month grid of a DateField, in the app's language; Escape closes it. Loaded on demand. */
export default function DateCalendar({
  id,
  label,
  value,
  onPick,
  onClose,
}: {
  id: string;
  label: string;
  value: string;
  onPick: (isoDate: string) => void;
  onClose: () => void;
}) {
  const language = useLanguage();
  const selected = toLocalDate(value);
  return (
    <div
      id={id}
      className="date-calendar"
      role="group"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <DayPicker
        mode="single"
        locale={language === 'en' ? enGB : vi}
        captionLayout="dropdown"
        startMonth={new Date(2000, 0)}
        endMonth={new Date(new Date().getFullYear() + 5, 11)}
        defaultMonth={selected}
        selected={selected}
        autoFocus
        onSelect={(date) => {
          if (date) onPick(fromLocalDate(date));
        }}
      />
    </div>
  );
}
