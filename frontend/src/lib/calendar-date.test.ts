import { describe, expect, it } from 'vitest';
import { fromLocalDate, parseTypedDate, toLocalDate, typedDate } from '@/lib/calendar-date';

describe('parseTypedDate', () => {
  it('reads day, month and year in that order', () => {
    expect(parseTypedDate('07/12/2026')).toBe('2026-12-07');
    expect(parseTypedDate('26/03/2026')).toBe('2026-03-26');
  });

  it('accepts single digits, dashes, dots and surrounding spaces', () => {
    expect(parseTypedDate('7/3/2026')).toBe('2026-03-07');
    expect(parseTypedDate('07-03-2026')).toBe('2026-03-07');
    expect(parseTypedDate('07.03.2026')).toBe('2026-03-07');
    expect(parseTypedDate('  07/03/2026 ')).toBe('2026-03-07');
  });

  it('never reads a month first: 13 is not a month', () => {
    expect(parseTypedDate('12/13/2026')).toBeNull();
    expect(parseTypedDate('13/12/2026')).toBe('2026-12-13');
  });

  it('refuses days that do not exist', () => {
    expect(parseTypedDate('31/02/2026')).toBeNull();
    expect(parseTypedDate('29/02/2026')).toBeNull();
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
    expect(parseTypedDate('31/04/2026')).toBeNull();
    expect(parseTypedDate('00/01/2026')).toBeNull();
    expect(parseTypedDate('01/00/2026')).toBeNull();
  });

  it('refuses other shapes: two-digit years, ISO order, words', () => {
    expect(parseTypedDate('07/12/26')).toBeNull();
    expect(parseTypedDate('2026-12-07')).toBeNull();
    expect(parseTypedDate('07/12/2026x')).toBeNull();
    expect(parseTypedDate('hôm nay')).toBeNull();
    expect(parseTypedDate('07/12/0026')).toBeNull();
  });

  it('reads blank as no date', () => {
    expect(parseTypedDate('')).toBe('');
    expect(parseTypedDate('   ')).toBe('');
  });
});

describe('typedDate', () => {
  it('shows an ISO date day first', () => {
    expect(typedDate('2026-03-26')).toBe('26/03/2026');
    expect(typedDate('')).toBe('');
  });

  it('leaves what is not an ISO date as it is', () => {
    expect(typedDate('31/02/2026')).toBe('31/02/2026');
  });
});

describe('local dates for the calendar', () => {
  it('go both ways without shifting a day', () => {
    const date = toLocalDate('2026-12-31');
    expect(date?.getFullYear()).toBe(2026);
    expect(date?.getMonth()).toBe(11);
    expect(date?.getDate()).toBe(31);
    expect(fromLocalDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(toLocalDate('2026-02-30')).toBeUndefined();
    expect(toLocalDate('')).toBeUndefined();
  });
});
