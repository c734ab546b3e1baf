import type { Earnings, RevenueReport } from '@9tangle/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';

export function useEarnings(range: { from?: string; to?: string }) {
  const query = new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][]);
  return useQuery({
    queryKey: ['studio', 'earnings', query.toString()],
    queryFn: () => apiRequest<Earnings>(`/api/studio/earnings?${query.toString()}`),
  });
}

export function useRevenue(month: string) {
  return useQuery({
    queryKey: ['admin', 'revenue', month],
    queryFn: () => apiRequest<RevenueReport>(`/api/admin/revenue?month=${encodeURIComponent(month)}`),
    placeholderData: (previous) => previous,
  });
}

/** This month as YYYY-MM (the browser's calendar; the server reads months in the academy's zone). */
export function thisMonth(): string {
  return new Date().toISOString().slice(0, 7);
}
