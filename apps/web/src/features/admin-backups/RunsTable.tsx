import type { BackupRunDto } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format-date.ts';
import { formatDuration } from './format.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { runSummary, triggerLabel } from './run-summary.ts';

/** The recent runs of both jobs, newest first, with what each produced or why it failed. */
export function RunsTable({ runs }: { runs: BackupRunDto[] }) {
  const { t, i18n } = useTranslation();
  if (runs.length === 0)
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
        {t('adminBackups.runs.empty')}
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[48rem] text-start text-sm" data-testid="backup-runs">
        <caption className="sr-only">{t('adminBackups.runs.caption')}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {(['job', 'status', 'trigger', 'started', 'duration', 'result'] as const).map((c) => (
              <th key={c} scope="col" className="px-4 py-3 text-start font-semibold">
                {t(`adminBackups.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {runs.map((run) => (
            <tr key={run.id} data-run-job={run.job} data-run-status={run.status}>
              <td className="whitespace-nowrap px-4 py-3 font-medium text-slate-900">
                {t(`adminBackups.job.${run.job}`)}
              </td>
              <td className="px-4 py-3">
                <RunStatusBadge status={run.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{triggerLabel(run.trigger, t)}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                {formatDateTime(run.startedAt, i18n.language)}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                {formatDuration(run.durationMs, i18n.language)}
              </td>
              <td className={run.status === 'failed' ? 'px-4 py-3 text-red-800' : 'px-4 py-3 text-slate-800'}>
                <span className="block max-w-[32rem] break-words">{runSummary(run, t, i18n.language)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
