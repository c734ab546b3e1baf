import type {
  JobRunList,
  JobRunStarted,
  JobRunStatus,
  MaintenanceJobList,
  MaintenanceJobName,
} from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';

const jobsKey = ['admin', 'maintenance', 'jobs'] as const;
/** While a run is in progress the page polls, so its end shows without a reload. */
const POLL_MS = 2_000;

export function useMaintenanceJobs() {
  return useQuery({
    queryKey: jobsKey,
    queryFn: () => apiRequest<MaintenanceJobList>('/api/admin/maintenance/jobs'),
    refetchInterval: (query) =>
      query.state.data?.items.some((j) => j.lastRun?.status === 'running') ? POLL_MS : false,
  });
}

export function useJobRuns(job: MaintenanceJobName, page: number, status: JobRunStatus | null) {
  const query = new URLSearchParams({ page: String(page), limit: '10' });
  if (status) query.set('status', status);
  return useQuery({
    queryKey: [...jobsKey, job, 'runs', query.toString()],
    queryFn: () => apiRequest<JobRunList>(`/api/admin/maintenance/jobs/${job}/runs?${query.toString()}`),
    placeholderData: (previous) => previous,
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? POLL_MS : false),
  });
}

export function useRunJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (job: MaintenanceJobName) =>
      apiRequest<JobRunStarted>(`/api/admin/maintenance/jobs/${job}/run`, { method: 'POST', body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: jobsKey }),
  });
}
