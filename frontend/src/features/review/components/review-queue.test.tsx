import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cameras,
  onlineRecords,
  renderReview,
  reviewDb,
  scope,
  serveReviewReads,
} from '@/features/review/testing/review-fixtures';
import { page, plan, police, problemResponse, serviceCentre } from '@/testing/fixtures';
import { server } from '@/testing/mocks/server';
import { seedSession, testMe } from '@/testing/session';

function cellTexts(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

describe('ReviewQueue', () => {
  beforeEach(async () => {
    await seedSession();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the reports waiting for review, one row each, with the period and unit on each line', async () => {
    const lists = serveReviewReads(reviewDb());
    renderReview('/review');

    const table = await screen.findByRole('table', { name: 'Danh sách báo cáo: Chờ duyệt' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(cellTexts(first!)).toEqual([
      'Tháng 3/2026',
      'Trung tâm Phục vụ hành chính công',
      'C.11 Tỷ lệ hồ sơ trực tuyến toàn trình',
      'Chủ trì',
      '1.450/2.000 (72,5%)',
      '09:15 18/03/2026',
      'Đúng hạn',
      '1 tài liệu',
      'Chờ duyệt',
    ]);
    expect(cellTexts(second!)).toEqual([
      'Tháng 3/2026',
      'Công an xã',
      'C.12 Số camera an ninh được kết nối',
      'Chủ trì',
      '12',
      '15:00 22/03/2026',
      'Trễ 2 ngày',
      '0 tài liệu',
      'Chờ duyệt',
    ]);
    expect(
      within(first!).getByRole('link', { name: 'C.11 Tỷ lệ hồ sơ trực tuyến toàn trình' }),
    ).toHaveAttribute('href', `/review/${onlineRecords.id}`);
    expect(screen.getByRole('heading', { name: 'Chờ duyệt – tất cả các kỳ' })).toBeInTheDocument();
    expect(screen.getByText('Tổng số: 2 báo cáo')).toBeInTheDocument();
    expect(lists[0]?.toString()).toBe('state=SUBMITTED&page=0&size=20');
  });

  it('opens for an administrator, whose role names no unit, with every unit to filter by', async () => {
    await seedSession({
      me: {
        ...testMe,
        roles: ['ADMIN'],
        scopes: [{ role: 'ADMIN', scope: null }],
        coordinatedUnits: [],
      },
    });
    serveReviewReads(reviewDb());
    const units: URLSearchParams[] = [];
    server.use(
      http.get('*/api/v1/org-units', ({ request }) => {
        units.push(new URL(request.url).searchParams);
        return HttpResponse.json(page([serviceCentre, police]));
      }),
    );
    renderReview('/review');

    await screen.findByRole('table', { name: 'Danh sách báo cáo: Chờ duyệt' });
    await screen.findByRole('option', { name: police.name });
    expect(units[0]?.has('withinId')).toBe(false);
  });

  it('holds every period waiting, the oldest first, counted per period, and lists one on a tap', async () => {
    const november = {
      ...cameras,
      id: 'e0000000-0000-4000-8000-000000000311',
      period: { ...cameras.period, id: 'd0000000-0000-4000-8000-000000000011', key: '2025-11' },
      item: { ...cameras.item, code: 'C.5', content: 'Số điểm truy cập Internet công cộng' },
    };
    const lists = serveReviewReads(reviewDb({ reports: [november, onlineRecords, cameras] }));
    const { router, user } = renderReview('/review');

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => cellTexts(row)[0])).toEqual([
      'Tháng 11/2025',
      'Tháng 3/2026',
      'Tháng 3/2026',
    ]);
    expect(screen.getByText('3 báo cáo trong 2 kỳ, kỳ cũ nhất ở trên cùng.')).toBeInTheDocument();
    const periods = screen.getByRole('group', { name: 'Số báo cáo “Chờ duyệt” theo kỳ' });
    expect(
      within(periods)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Tất cả các kỳ 3', 'Tháng 11/2025 1', 'Tháng 3/2026 2']);

    await user.click(within(periods).getByRole('button', { name: 'Tháng 11/2025 1' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(`?plan=${plan.id}&period=2025-11`),
    );
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2),
    );
    expect(lists.at(-1)?.toString()).toBe(
      `state=SUBMITTED&page=0&size=20&planId=${plan.id}&periodKey=2025-11`,
    );
    expect(screen.getByRole('heading', { name: 'Chờ duyệt – Tháng 11/2025' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Xem báo cáo tổng hợp Tháng 11/2025 và gửi lên cấp trên' }),
    ).toHaveAttribute('href', `/review/period?plan=${plan.id}&period=2025-11`);
    // The other periods stay counted and one tap away.
    expect(within(periods).getByRole('button', { name: 'Tháng 3/2026 2' })).toBeInTheDocument();
  });

  it('keeps filters and the page in the URL', async () => {
    const lists = serveReviewReads(reviewDb());
    const { router, user } = renderReview(`/review?${scope}`);
    await screen.findByRole('table');
    await screen.findByRole('option', { name: police.name });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Đơn vị báo cáo' }), police.name);
    await waitFor(() => expect(router.state.location.search).toBe(`?${scope}&unit=${police.id}`));
    await waitFor(() => expect(lists.at(-1)?.get('unitId')).toBe(police.id));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Trạng thái' }), 'Đã chấp nhận');
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('state')).toBe('ACCEPTED'),
    );
    expect(await screen.findByText('Không có báo cáo nào phù hợp với bộ lọc.')).toBeInTheDocument();
    expect(lists.at(-1)?.toString()).toBe(`state=ACCEPTED&page=0&size=20&unitId=${police.id}`);
  });

  it('reads the page from the URL and moves between pages', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      ...cameras,
      id: `e0000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
      item: { ...cameras.item, code: `C.${i + 1}` },
    }));
    const lists = serveReviewReads(reviewDb({ reports: many }));
    const { router, user } = renderReview(`/review?${scope}&page=2`);

    expect(await screen.findByText('Trang 2 / 2')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(6);
    expect(screen.getByText('Tổng số: 25 báo cáo')).toBeInTheDocument();
    expect(lists[0]?.get('page')).toBe('1');
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Trang trước' }));
    await waitFor(() => expect(router.state.location.search).toBe(`?${scope}`));
    expect(await screen.findByText('Trang 1 / 2')).toBeInTheDocument();
    expect(lists.at(-1)?.get('page')).toBe('0');
  });

  it('shows the problem detail when the list cannot be read', async () => {
    serveReviewReads(reviewDb());
    server.use(
      http.get('*/api/v1/review-queue', () =>
        problemResponse(400, 'request.invalid', 'Kỳ báo cáo "2026-13" không tồn tại.'),
      ),
    );
    renderReview(`/review?plan=${plan.id}&period=2026-13`);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent(
      'Không tải được danh sách báo cáo',
    );
    expect(alert).toHaveTextContent('Kỳ báo cáo "2026-13" không tồn tại.');
  });
});
