import { useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';

const searchDelayMs = 300;

/** A search box that filters as one types, after a short pause; Enter filters at once. */
export function SearchField({
  label,
  placeholder,
  value,
  onSearch,
}: {
  label: string;
  placeholder?: string;
  value: string;
  onSearch: (q: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The URL changed from outside (Back, a link): show what is actually searched.
    setLastValue(value);
    setText(value);
  }

  const search = useEffectEvent((q: string) => onSearch(q));
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => search(text), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, value]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text !== value) onSearch(text);
  }

  return (
    <form role="search" className="field" onSubmit={submit} aria-label={label}>
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
