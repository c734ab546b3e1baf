import type {
  AdminOrderDetail,
  AdminOrderPage,
  BulkStatusBody,
  BulkStatusResult,
  RefundBody,
  RefundDto,
  RefundQuote,
} from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';
import type { Currency } from '../../api/types.ts';
import { formatMoney } from '../../lib/format-money.ts';

const enc = encodeURIComponent;
const adminOrdersKey = ['admin', 'orders'] as const;

/** The list's filters as they sit in the page's URL (and go to the API as they are). */
export type OrderFilters = Record<
  'q' | 'status' | 'provider' | 'currency' | 'from' | 'to' | 'disputed' | 'archived',
  string
>;

export function useAdminOrders(filters: Partial<OrderFilters>, cursor: string | null) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  if (cursor) query.set('cursor', cursor);
  return useQuery({
    queryKey: [...adminOrdersKey, 'list', query.toString()],
    queryFn: () => apiRequest<AdminOrderPage>(`/api/admin/orders?${query.toString()}`),
    placeholderData: (previous) => previous,
  });
}

export function useAdminOrder(number: string) {
  return useQuery({
    queryKey: [...adminOrdersKey, 'one', number],
    queryFn: () => apiRequest<AdminOrderDetail>(`/api/admin/orders/${enc(number)}`),
  });
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminOrdersKey }),
  });
}

export const useBulkStatus = () =>
  useInvalidating((body: BulkStatusBody) =>
    apiRequest<BulkStatusResult>('/api/admin/orders/bulk-status', { method: 'POST', body }),
  );

export const useAddNote = (number: string) =>
  useInvalidating((text: string) =>
    apiRequest(`/api/admin/orders/${enc(number)}/notes`, { method: 'POST', body: { text } }),
  );

export const useRefund = (number: string) =>
  useInvalidating((body: RefundBody) =>
    apiRequest<RefundDto>(`/api/admin/orders/${enc(number)}/refunds`, { method: 'POST', body }),
  );

/** The server's amount for a choice of lines (never computed here). */
export const quoteRefund = (number: string, body: Pick<RefundBody, 'items' | 'shipping'>) =>
  apiRequest<RefundQuote>(`/api/admin/orders/${enc(number)}/refunds/quote`, { method: 'POST', body });

export const money = (minor: number, currency: string, language: string) =>
  formatMoney(minor, currency as Currency, language);
