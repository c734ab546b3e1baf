import { type JobRunStatus, MaintenanceJobName, JobRunStatus as RunStatuses } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { useMaintenanceJobs, useRunJob } from './admin-jobs-queries.ts';
import { JobCard } from './JobCard.tsx';
import { JobRunsTable } from './JobRunsTable.tsx';

/** `/admin/jobs`: the maintenance jobs, their schedules and last runs, "run now", and each one's history. */
export function AdminJobsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <MaintenanceJobs />;
}

function MaintenanceJobs() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const jobs = useMaintenanceJobs();
  const run = useRunJob();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const selected = MaintenanceJobName.safeParse(params.get('job')).data ?? 'purge_tokens';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const status = RunStatuses.safeParse(params.get('status')).data ?? null;

  function go(next: { job?: MaintenanceJobName; page?: number; status?: JobRunStatus | null }) {
    const out = new URLSearchParams();
    out.set('job', next.job ?? selected);
    const s = 'status' in next ? next.status : next.job ? null : status;
    if (s) out.set('status', s);
    const p = next.page ?? (next.job ? 1 : page);
    if (p > 1) out.set('page', String(p));
    setParams(out, { preventScrollReset: true });
  }

  function start(job: MaintenanceJobName) {
    setNotice(null);
    run.mutate(job, {
      onSuccess: () =>
        setNotice({
          tone: 'success',
          text: t('adminJobs.started', { job: t(`adminJobs.jobs.${job}.title`) }),
        }),
      onError: (error) =>
        setNotice({
          tone: 'error',
          text: isApiError(error, 'job_running') ? t('adminJobs.alreadyRunning') : errorMessage(error),
        }),
    });
  }

  return (
    <>
      <PageMeta title={t('adminJobs.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminJobs.title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('adminJobs.subtitle')}</p>
      <div aria-live="polite" className="mt-4">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      </div>
      {jobs.data && !jobs.data.workersHere ? (
        <Alert tone="warning" className="mt-4">
          {t('adminJobs.noWorkersHere')}
        </Alert>
      ) : null}
      {jobs.isPending ? <p className="mt-6 text-slate-700">{t('common.loading')}</p> : null}
      {jobs.isError ? (
        <Alert tone="error" className="mt-6">
          {errorMessage(jobs.error)}
        </Alert>
      ) : null}
      {jobs.data ? (
        <div className="mt-6 grid gap-4 xl:grid-cols-2">
          {jobs.data.items.map((job) => (
            <JobCard
              key={job.name}
              job={job}
              isStarting={run.isPending && run.variables === job.name}
              isSelected={job.name === selected}
              onRun={() => start(job.name)}
              onShowHistory={() => go({ job: job.name })}
            />
          ))}
        </div>
      ) : null}
      <JobRunsTable job={selected} page={page} status={status} onChange={(next) => go(next)} />
    </>
  );
}
