import type { AdminDashboard, DashboardPreset } from '@9tangle/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';

/** What the URL asks for: a preset (30 days by default) or a custom `from`–`to`. */
export type DashboardRangeParams = { preset: DashboardPreset } | { from: string; to: string };

export function useDashboard(range: DashboardRangeParams) {
  const query = new URLSearchParams('preset' in range ? { preset: range.preset } : range);
  return useQuery({
    queryKey: ['admin', 'dashboard', range],
    queryFn: () => apiRequest<AdminDashboard>(`/api/admin/dashboard?${query.toString()}`),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

const DIGITS: Record<string, number> = { PKR: 2, USD: 2 };
/** Minor units as money in the reader's language (two decimals unless the currency says otherwise). */
export function formatMinor(minor: number, currency: string, language: string, compact = false): string {
  const digits = DIGITS[currency] ?? 2;
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    ...(compact
      ? { notation: 'compact', maximumFractionDigits: 1 }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  }).format(minor / 10 ** digits);
}

/** Chart colours: each at least 4.5:1 against white, and told apart by more than hue (dashes, shapes). */
export const SERIES_COLOURS = ['#4338ca', '#047857', '#b45309', '#0369a1', '#be123c'] as const;
