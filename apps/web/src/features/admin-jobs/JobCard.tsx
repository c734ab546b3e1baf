import type { MaintenanceJobDto } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { JobRunStatusBadge } from './JobRunStatusBadge.tsx';
import { formatDuration, resultEntries } from './job-result.ts';

type JobCardProps = {
  job: MaintenanceJobDto;
  isStarting: boolean;
  isSelected: boolean;
  onRun: () => void;
  onShowHistory: () => void;
};

/** One maintenance job: what it does, when it runs, how its last run went, and "Run now". */
export function JobCard({ job, isStarting, isSelected, onRun, onShowHistory }: JobCardProps) {
  const { t, i18n } = useTranslation();
  const last = job.lastRun;
  const isRunning = last?.status === 'running';
  const headingId = `job-${job.name}`;
  return (
    <section aria-labelledby={headingId}>
      <Card className="p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 flex-1">
            <h2 id={headingId} className="text-lg font-semibold text-slate-900">
              {t(`adminJobs.jobs.${job.name}.title`)}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t(`adminJobs.jobs.${job.name}.description`)}</p>
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={onShowHistory} aria-pressed={isSelected}>
              {t('adminJobs.history')}
            </Button>
            <Button size="sm" onClick={onRun} disabled={isRunning} isLoading={isStarting}>
              {isRunning ? t('adminJobs.running') : t('adminJobs.runNow')}
            </Button>
          </div>
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t('adminJobs.schedule')}</dt>
            <dd className="font-mono text-slate-900" dir="ltr">
              {job.schedule} UTC
            </dd>
            {!job.scheduled ? <dd className="text-amber-800">{t('adminJobs.notScheduled')}</dd> : null}
          </div>
          <div>
            <dt className="text-slate-600">{t('adminJobs.nextRun')}</dt>
            <dd className="text-slate-900">
              {job.nextRunAt ? formatDateTime(job.nextRunAt, i18n.language) : '—'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('adminJobs.lastSuccess')}</dt>
            <dd className="text-slate-900">
              {job.lastSuccessAt ? formatDateTime(job.lastSuccessAt, i18n.language) : t('adminJobs.never')}
            </dd>
          </div>
        </dl>
        <div className="mt-4 rounded-lg bg-slate-50 p-3 text-sm" data-testid={`last-run-${job.name}`}>
          {last ? (
            <>
              <p className="flex flex-wrap items-center gap-2 text-slate-800">
                <span className="font-medium">{t('adminJobs.lastRun')}</span>
                <JobRunStatusBadge status={last.status} />
                <span>{formatDateTime(last.startedAt, i18n.language)}</span>
                {last.status !== 'running' ? (
                  <span className="text-slate-600">· {formatDuration(last.durationMs, t)}</span>
                ) : null}
              </p>
              {last.error ? (
                <p className="mt-2 text-red-800" dir="auto">
                  {last.error}
                </p>
              ) : null}
              {resultEntries(last.result, t, i18n.language).length > 0 ? (
                <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
                  {resultEntries(last.result, t, i18n.language).map((e) => (
                    <div key={e.key} className="flex gap-1">
                      <dt className="text-slate-600">{e.label}:</dt>
                      <dd className="font-medium text-slate-900">{e.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </>
          ) : (
            <p className="text-slate-700">{t('adminJobs.noRunYet')}</p>
          )}
        </div>
      </Card>
    </section>
  );
}
