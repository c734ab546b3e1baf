import type { AdminHealth, CheckHistory, CheckList, CheckRunResult } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';

const operationsKey = ['admin', 'operations'] as const;
/** The live health is read again every 15 s while the page is open. */
export const HEALTH_REFRESH_MS = 15_000;

export function useHealth() {
  return useQuery({
    queryKey: [...operationsKey, 'health'],
    queryFn: () => apiRequest<AdminHealth>('/api/admin/health'),
    refetchInterval: HEALTH_REFRESH_MS,
  });
}

export function useChecks() {
  return useQuery({
    queryKey: [...operationsKey, 'checks'],
    queryFn: () => apiRequest<CheckList>('/api/admin/operations/checks'),
    refetchInterval: 60_000,
  });
}

export function useCheckHistory(id: string | null) {
  return useQuery({
    queryKey: [...operationsKey, 'history', id],
    queryFn: () =>
      apiRequest<CheckHistory>(
        `/api/admin/operations/checks/${encodeURIComponent(id ?? '')}/history?limit=100`,
      ),
    enabled: id !== null,
  });
}

/** Runs every check now; the list and any open history are read again afterwards. */
export function useRunChecks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<CheckRunResult>('/api/admin/operations/checks/run', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operationsKey }),
  });
}
