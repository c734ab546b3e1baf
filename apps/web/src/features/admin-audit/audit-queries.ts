import type { AuditList, AuthEventList } from '@9tangle/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';

/** The audit page's filters as they sit in its URL. */
export const AUDIT_FILTERS = [
  'q',
  'actor',
  'action',
  'targetType',
  'targetId',
  'from',
  'to',
  'page',
] as const;
/** The sign-in review page's filters as they sit in its URL. */
export const AUTH_EVENT_FILTERS = ['kind', 'type', 'email', 'ip', 'userId', 'from', 'to', 'page'] as const;

type Filters = Partial<Record<string, string>>;

/** A `yyyy-mm-dd` from a date input as the API's ISO instant: the start of that day, or its end for `to`. */
export function dayToIso(day: string, end: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function toQuery(filters: Filters) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (!v) continue;
    if (k === 'from' || k === 'to') {
      const iso = dayToIso(v, k === 'to');
      if (iso) query.set(k, iso);
    } else query.set(k, v);
  }
  return query.toString();
}

export function useAuditLog(filters: Filters) {
  const query = toQuery(filters);
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: () => apiRequest<AuditList>(`/api/admin/audit?${query}`),
    placeholderData: (previous) => previous,
  });
}

export function useAuthEvents(filters: Filters) {
  const query = toQuery(filters);
  return useQuery({
    queryKey: ['admin', 'auth-events', query],
    queryFn: () => apiRequest<AuthEventList>(`/api/admin/auth-events?${query}`),
    placeholderData: (previous) => previous,
  });
}
