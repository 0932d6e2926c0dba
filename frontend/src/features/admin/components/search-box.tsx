import { useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';

const searchDelayMs = 300;

/** A search field that searches once typing stops (or on Enter); `value` is what is searched now. */
export function SearchBox({
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
  // What this box last asked to search: its echo in `value` must not undo what was typed since.
  const [sent, setSent] = useState<string | null>(null);
  if (value !== lastValue) {
    setLastValue(value);
    // The URL changed from outside (Back, a link): show what is actually searched.
    if (value !== sent) setText(value);
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
    <form role="search" className="field" onSubmit={submit}>
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
