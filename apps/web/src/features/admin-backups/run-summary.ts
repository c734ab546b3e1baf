import type { BackupRunDto } from '@9tangle/contracts';
import type { TFunction } from 'i18next';
import { formatBytes } from './format.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** One line on what a run produced: the archive and its figures, or the drill's verdict. */
export function runSummary(run: BackupRunDto, t: TFunction, language: string): string {
  const r = run.result;
  if (run.status === 'running') return t('adminBackups.runs.inProgress');
  if (!r) return run.error ?? '';
  if (run.job === 'backup')
    return t('adminBackups.runs.backupResult', {
      archive: String(r.archive ?? ''),
      size: formatBytes(num(r.sizeBytes), language),
      tables: num(r.tables),
      rows: num(r.rows),
      files: num(r.files),
    });
  if (r.ok === true) return t('adminBackups.runs.drillPassed', { tables: num(r.tables), rows: num(r.rows) });
  const mismatches = Array.isArray(r.mismatches) ? r.mismatches.length : 0;
  return t('adminBackups.runs.drillFailed', {
    count: mismatches,
    reason: String(r.reason ?? run.error ?? ''),
  });
}

/** Who started a run: the schedule, the command line or an admin. */
export function triggerLabel(trigger: string, t: TFunction): string {
  if (trigger === 'schedule') return t('adminBackups.trigger.schedule');
  if (trigger === 'cli') return t('adminBackups.trigger.cli');
  if (trigger.startsWith('admin:')) return t('adminBackups.trigger.admin');
  return trigger;
}
