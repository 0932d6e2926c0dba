import { describe, expect, it } from 'vitest';
import { overlapWithBar } from '@/components/layouts/keep-above-action-bar';

const bar = { top: 700, bottom: 760 };

describe('overlapWithBar', () => {
  it('leaves a field that ends above the bar where it is', () => {
    expect(overlapWithBar({ top: 400, bottom: 480 }, bar)).toBe(0);
    expect(overlapWithBar({ top: 600, bottom: 688 }, bar)).toBe(0);
  });

  it('scrolls a field the bar covers up above it, with room to spare', () => {
    expect(overlapWithBar({ top: 650, bottom: 740 }, bar)).toBe(52);
    expect(overlapWithBar({ top: 710, bottom: 750 }, bar)).toBe(62);
  });

  it('leaves what is below the bar (further down the page) to the browser', () => {
    expect(overlapWithBar({ top: 800, bottom: 840 }, bar)).toBe(0);
  });

  it('never scrolls the top of a tall field or message off the screen', () => {
    expect(overlapWithBar({ top: 100, bottom: 900 }, bar)).toBe(88);
  });
});
