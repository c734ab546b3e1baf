import type { StartDrillBody } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getBackups, startBackup, startDrill } from './backups-api.ts';

const key = ['admin', 'backups'] as const;

/** The overview; polled every two seconds while a backup or a drill is running. */
export function useBackups() {
  return useQuery({
    queryKey: key,
    queryFn: getBackups,
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === 'running') ? 2_000 : false),
  });
}

export function useStartBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: startBackup,
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useStartDrill() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StartDrillBody) => startDrill(body),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
