import type { BackupsOverview, StartDrillBody, StartedRun } from '@9tangle/contracts';
import { apiRequest } from '../../api/client.ts';

const base = '/api/admin/backups';

export function getBackups(): Promise<BackupsOverview> {
  return apiRequest(base);
}
export function startBackup(): Promise<StartedRun> {
  return apiRequest(base, { method: 'POST', body: {} });
}
export function startDrill(body: StartDrillBody): Promise<StartedRun> {
  return apiRequest(`${base}/drill`, { method: 'POST', body });
}
/** The download link of an archive (a plain link: the browser streams it to disk). */
export const archiveUrl = (name: string) => `${base}/${encodeURIComponent(name)}`;
