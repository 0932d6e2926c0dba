import { useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';

const searchDelayMs = 300;

/**
 * A search field that searches once typing pauses (or on Enter), not on every keystroke. `value` is what is
 * searched now (from the URL or the screen's filters); when it changes from outside (Back, a link) the field
 * shows it.
 */
export function SearchBox({
  label,
  placeholder,
  value,
  onSearch,
  namedLandmark = false,
}: {
  label: string;
  placeholder?: string;
  value: string;
  onSearch: (q: string) => void;
  /** Names the search landmark too, for a page with several searches. */
  namedLandmark?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // What this box last asked to search: its echo in `value` must not undo what was typed since.
  const [sent, setSent] = useState<string | null>(null);
  if (value !== lastValue) {
    setLastValue(value);
    if (value === sent) setSent(null);
    // The value changed from outside (Back, a link): show what is actually searched.
    else setText(value);
  }

  function send(q: string) {
    setSent(q);
    onSearch(q);
  }
  const search = useEffectEvent(send);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => search(text), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, value]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text !== value) send(text);
  }

  return (
    <form
      role="search"
      className="field"
      onSubmit={submit}
      aria-label={namedLandmark ? label : undefined}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
