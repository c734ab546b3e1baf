import type { BackupRunDto, BackupsOverview } from '@9tangle/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format-date.ts';
import { formatDuration } from './format.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { runSummary } from './run-summary.ts';

/** The last backup, the last drill and the schedule, at a glance. */
export function BackupStatusCards({ overview }: { overview: BackupsOverview }) {
  const { t } = useTranslation();
  const s = overview.schedule;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <LastRun
        title={t('adminBackups.lastBackup')}
        run={overview.lastBackup}
        empty={t('adminBackups.noBackupYet')}
      />
      <LastRun
        title={t('adminBackups.lastDrill')}
        run={overview.lastDrill}
        empty={t('adminBackups.noDrillYet')}
      />
      <section
        aria-labelledby="backup-schedule"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="backup-schedule" className="font-semibold text-slate-900">
          {t('adminBackups.schedule.title')}
        </h2>
        <dl className="mt-3 space-y-2 text-sm">
          <Row label={t('adminBackups.schedule.backup')} value={<code dir="ltr">{s.backupCron}</code>} />
          <Row label={t('adminBackups.schedule.drill')} value={<code dir="ltr">{s.drillCron}</code>} />
          <Row
            label={t('adminBackups.schedule.retention')}
            value={t('adminBackups.schedule.days', { count: s.retentionDays })}
          />
          <Row
            label={t('adminBackups.schedule.database')}
            value={t(`adminBackups.database.${s.databaseKind}`)}
          />
          <Row
            label={t('adminBackups.schedule.directory')}
            value={
              <code dir="ltr" className="break-all">
                {s.directory}
              </code>
            }
          />
        </dl>
        <p className="mt-3 text-xs text-slate-600">{t('adminBackups.schedule.utc')}</p>
      </section>
    </div>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4">
      <dt className="text-slate-700">{label}</dt>
      <dd className="text-slate-900">{value}</dd>
    </div>
  );
}

function LastRun({ title, run, empty }: { title: string; run: BackupRunDto | null; empty: string }) {
  const { t, i18n } = useTranslation();
  const id = `last-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-center justify-between gap-2">
        <h2 id={id} className="font-semibold text-slate-900">
          {title}
        </h2>
        {run ? <RunStatusBadge status={run.status} /> : null}
      </div>
      {run ? (
        <dl className="mt-3 space-y-2 text-sm">
          <Row
            label={t('adminBackups.columns.started')}
            value={formatDateTime(run.startedAt, i18n.language)}
          />
          <Row
            label={t('adminBackups.columns.duration')}
            value={formatDuration(run.durationMs, i18n.language)}
          />
          <div>
            <dt className="sr-only">{t('adminBackups.columns.result')}</dt>
            <dd className={run.status === 'failed' ? 'text-red-800' : 'text-slate-800'}>
              {runSummary(run, t, i18n.language)}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="mt-3 text-sm text-slate-700">{empty}</p>
      )}
    </section>
  );
}
