import { type JobRunStatus, type MaintenanceJobName, JobRunStatus as Statuses } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useJobRuns } from './admin-jobs-queries.ts';
import { JobRunStatusBadge } from './JobRunStatusBadge.tsx';
import { formatDuration, resultEntries } from './job-result.ts';

type JobRunsTableProps = {
  job: MaintenanceJobName;
  page: number;
  status: JobRunStatus | null;
  onChange: (next: { page?: number; status?: JobRunStatus | null }) => void;
};

/** Who started each run of a job, when, how long it took and what it did — newest first. */
export function JobRunsTable({ job, page, status, onChange }: JobRunsTableProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const runs = useJobRuns(job, page, status);
  const trigger = (value: string) =>
    value.startsWith('admin:')
      ? t('adminJobs.trigger.admin')
      : t(`adminJobs.trigger.${value}`, { defaultValue: value });
  return (
    <section aria-labelledby="job-history" className="mt-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="job-history" className="text-xl font-semibold text-slate-900">
          {t('adminJobs.historyOf', { job: t(`adminJobs.jobs.${job}.title`) })}
        </h2>
        <SelectField
          label={t('adminJobs.statusFilter')}
          name="status"
          className="w-48"
          value={status ?? ''}
          onChange={(event) =>
            onChange({ status: Statuses.safeParse(event.currentTarget.value).data ?? null, page: 1 })
          }
          options={[
            { value: '', label: t('adminJobs.anyStatus') },
            ...Statuses.options.map((s) => ({ value: s, label: t(`adminJobs.status.${s}`) })),
          ]}
        />
      </div>
      {runs.isError ? (
        <Alert tone="error" className="mt-4">
          {errorMessage(runs.error)}
        </Alert>
      ) : null}
      {runs.isPending ? <p className="mt-4 text-slate-700">{t('common.loading')}</p> : null}
      {runs.data && runs.data.items.length === 0 ? (
        <p className="mt-4 rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
          {t('adminJobs.noRuns')}
        </p>
      ) : null}
      {runs.data && runs.data.items.length > 0 ? (
        <>
          <div className="mt-4 overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-start text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3 text-start font-semibold">
                    {t('adminJobs.col.started')}
                  </th>
                  <th scope="col" className="px-4 py-3 text-start font-semibold">
                    {t('adminJobs.col.status')}
                  </th>
                  <th scope="col" className="px-4 py-3 text-start font-semibold">
                    {t('adminJobs.col.trigger')}
                  </th>
                  <th scope="col" className="px-4 py-3 text-start font-semibold">
                    {t('adminJobs.col.duration')}
                  </th>
                  <th scope="col" className="px-4 py-3 text-start font-semibold">
                    {t('adminJobs.col.result')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {runs.data.items.map((run) => (
                  <tr key={run.id} data-testid="job-run">
                    <td className="px-4 py-3 whitespace-nowrap text-slate-900">
                      {formatDateTime(run.startedAt, i18n.language)}
                    </td>
                    <td className="px-4 py-3">
                      <JobRunStatusBadge status={run.status} />
                    </td>
                    <td className="px-4 py-3 text-slate-700">{trigger(run.trigger)}</td>
                    <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                      {run.status === 'running' ? '—' : formatDuration(run.durationMs, t)}
                    </td>
                    <td className="px-4 py-3 text-slate-700">
                      {run.error ? (
                        <span className="text-red-800" dir="auto">
                          {run.error}
                        </span>
                      ) : (
                        resultEntries(run.result, t, i18n.language)
                          .map((e) => `${e.label}: ${e.value}`)
                          .join(' · ')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={runs.data.pageInfo.page}
            pages={runs.data.pageInfo.pages}
            total={runs.data.pageInfo.total}
            summary={t('adminJobs.pageSummary', {
              page: runs.data.pageInfo.page,
              pages: Math.max(1, runs.data.pageInfo.pages),
              count: runs.data.pageInfo.total,
            })}
            onPage={(next) => onChange({ page: next })}
          />
        </>
      ) : null}
    </section>
  );
}
