import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { PeriodGlance } from '@/features/dashboard/components/period-glance';
import {
  consolidated,
  periodOf,
  plans,
  summaryOf,
  xuanLocTimeliness,
} from '@/features/dashboard/testing/fixtures';
import { renderRoute } from '@/testing/test-utils';

type PeriodSummary = components['schemas']['PeriodSummary'];

/** November after October: two indicators better, one worse, and a year of late reports behind. */
function november(): PeriodSummary {
  const base = summaryOf(
    consolidated(plans.xuanLoc2026, periodOf(plans.xuanLoc2026, '2026-11'), {
      timeliness: xuanLocTimeliness,
    }),
  );
  const october = {
    ...base.yearToDate.periods[0]!,
    key: '2026-10',
    seq: 10,
    late: 30,
    missing: 25,
    closed: true,
  };
  return {
    ...base,
    statusCounts: { MET: 5, ON_TRACK: 3, OFF_TRACK: 1, NOT_REPORTED: 21 },
    change: {
      previousKey: '2026-10',
      previousKind: 'MONTH',
      previousYear: 2026,
      previousSeq: 10,
      previousStatusCounts: { MET: 3, ON_TRACK: 3, OFF_TRACK: 2, NOT_REPORTED: 22 },
      statusDelta: { MET: 2, ON_TRACK: 0, OFF_TRACK: -1, NOT_REPORTED: -1 },
      better: 2,
      worse: 1,
      indicators: [],
      previousLateUnits: 12,
      previousLateOrMissing: 55,
    },
    yearToDate: {
      ...base.yearToDate,
      periods: [october, base.yearToDate.periods[0]!],
      expected: 600,
      onTime: 480,
      late: 62,
      missing: 58,
    },
  };
}

describe('PeriodGlance', () => {
  it('shows each status in words with its change, the late units, and the period beside the year', async () => {
    renderRoute(
      <PeriodGlance summary={november()} tabLink={(tab) => ({ search: `?tab=${tab}` })} />,
      {
        path: '/dashboard',
        url: '/dashboard',
      },
    );
    const glance = await screen.findByRole('region', { name: 'Tình hình Tháng 11/2026' });

    const counts = within(glance).getByRole('list', { name: /Số chỉ tiêu theo tình trạng/ });
    expect(
      within(counts)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['↓Chậm tiến độ 1−1', '?Chưa có số liệu 21−1', '→Đúng tiến độ 3', '✓Đạt 5+2']);
    expect(within(counts).getByLabelText('2 so với Tháng 10/2026')).toHaveTextContent('+2');
    expect(glance).toHaveTextContent('Chỉ tiêu theo tình trạng (30)');
    expect(glance).toHaveTextContent(
      'So với Tháng 10/2026: 2 chỉ tiêu tiến bộ, 1 chỉ tiêu đi xuống.',
    );
    expect(glance).toHaveTextContent('Tháng 10/2026: 12 đơn vị chậm nộp.');

    const table = within(glance).getByRole('table', { name: 'Nộp báo cáo: kỳ này và từ đầu năm' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Tháng 11/2026', 'Từ đầu năm 2026']);
    expect(within(table).getByRole('row', { name: /Quá hạn chưa gửi/ })).toHaveTextContent(
      'Quá hạn chưa gửi358',
    );
    expect(within(table).getByRole('row', { name: /Phải nộp/ })).toHaveTextContent('Phải nộp12600');
    // Each column adds up to what is due: what is not sent yet and still in time has its own row.
    const figures = (name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((cell) => Number(cell.textContent));
    const parts = [/Đúng hạn/, /Gửi trễ hạn/, /Quá hạn chưa gửi/, /Chưa gửi, còn hạn/].map(figures);
    const due = figures(/Phải nộp/);
    expect(parts.reduce((sum, row) => sum + row[0]!, 0)).toBe(due[0]);
    expect(parts.reduce((sum, row) => sum + row[1]!, 0)).toBe(due[1]);

    // The year, period by period: October had 55 items late or overdue, November 4.
    const strip = within(glance).getByRole('list', { name: /từng kỳ năm 2026/ });
    expect(
      within(strip)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'T1055Tháng 10/2026: 30 gửi trễ, 25 quá hạn chưa gửi',
      'T114Tháng 11/2026: 1 gửi trễ, 3 quá hạn chưa gửi',
    ]);
  });
});
