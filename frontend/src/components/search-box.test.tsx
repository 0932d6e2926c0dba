import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SearchBox } from '@/components/search-box';

/** The searched value lives outside the box, as in the URL; `outside` changes it as Back would. */
function Searched({
  onSearch,
  namedLandmark,
}: {
  onSearch: (q: string) => void;
  namedLandmark?: boolean;
}) {
  const [q, setQ] = useState('');
  return (
    <>
      <SearchBox
        label="Tìm kiếm"
        placeholder="Tên hoặc mã"
        value={q}
        namedLandmark={namedLandmark}
        onSearch={(next) => {
          setQ(next);
          onSearch(next);
        }}
      />
      <button type="button" onClick={() => setQ('cũ')}>
        outside
      </button>
      <output>{q}</output>
    </>
  );
}

describe('SearchBox', () => {
  it('searches once typing pauses, not on every keystroke', async () => {
    const onSearch = vi.fn();
    render(<Searched onSearch={onSearch} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm kiếm' }), 'xã');
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith('xã'));
    expect(onSearch).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('xã');
  });

  it('searches at once on Enter', async () => {
    const onSearch = vi.fn();
    render(<Searched onSearch={onSearch} />);
    await userEvent.type(screen.getByRole('searchbox'), 'huyện{Enter}');
    expect(onSearch).toHaveBeenCalledWith('huyện');
  });

  it('shows the value searched when it changes from outside', async () => {
    render(<Searched onSearch={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'outside' }));
    expect(screen.getByRole('searchbox')).toHaveValue('cũ');
  });

  it('names its search landmark only when asked', () => {
    const { unmount } = render(<Searched onSearch={() => {}} />);
    expect(screen.getByRole('search')).not.toHaveAccessibleName();
    unmount();
    render(<Searched onSearch={() => {}} namedLandmark />);
    expect(screen.getByRole('search', { name: 'Tìm kiếm' })).toBeInTheDocument();
  });
});
