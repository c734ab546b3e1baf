import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { ArchivesTable } from './ArchivesTable.tsx';
import { BackupStatusCards } from './BackupStatusCards.tsx';
import { useBackups, useStartBackup, useStartDrill } from './backups-queries.ts';
import { RunsTable } from './RunsTable.tsx';

/** `/admin/backups`: the archives, the runs of the backup and the restore drill, "back up now". */
export function AdminBackupsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <Backups />;
}

const OWN_CODES = new Set(['backup_running', 'drill_running', 'no_backup']);

function Backups() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const overview = useBackups();
  const backup = useStartBackup();
  const drill = useStartDrill();
  const runs = overview.data?.runs ?? [];
  const backupRunning = runs.some((r) => r.job === 'backup' && r.status === 'running');
  const drillRunning = runs.some((r) => r.job === 'restore_drill' && r.status === 'running');
  const message = (error: unknown) =>
    error instanceof ApiError && OWN_CODES.has(error.code)
      ? t(`adminBackups.errors.${error.code}`)
      : errorMessage(error);
  const actionError = backup.error ?? drill.error;

  return (
    <div className="space-y-8">
      <PageMeta title={t('adminBackups.title')} description={t('meta.private')} noIndex />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminBackups.title')}</h1>
          <p className="mt-2 max-w-2xl text-slate-700">{t('adminBackups.subtitle')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            onClick={() => backup.mutate()}
            isLoading={backup.isPending || backupRunning}
            disabled={!overview.data}
          >
            {backupRunning ? t('adminBackups.backingUp') : t('adminBackups.backUpNow')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => drill.mutate({})}
            isLoading={drill.isPending || drillRunning}
            disabled={!overview.data || overview.data.archives.length === 0}
          >
            {drillRunning ? t('adminBackups.drilling') : t('adminBackups.drillNow')}
          </Button>
        </div>
      </div>

      {actionError ? <Alert tone="error">{message(actionError)}</Alert> : null}
      {backupRunning || drillRunning ? <Alert tone="info">{t('adminBackups.runningNote')}</Alert> : null}
      {overview.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {overview.isError ? <Alert tone="error">{errorMessage(overview.error)}</Alert> : null}

      {overview.data ? (
        <>
          <BackupStatusCards overview={overview.data} />
          <section aria-labelledby="archives-heading" className="space-y-3">
            <h2 id="archives-heading" className="text-xl font-semibold text-slate-900">
              {t('adminBackups.archives.title')}
            </h2>
            <p className="text-sm text-slate-700">{t('adminBackups.archives.help')}</p>
            <ArchivesTable
              archives={overview.data.archives}
              isDrillBusy={drill.isPending || drillRunning}
              onDrill={(name) => drill.mutate({ archive: name })}
            />
          </section>
          <section aria-labelledby="runs-heading" className="space-y-3">
            <h2 id="runs-heading" className="text-xl font-semibold text-slate-900">
              {t('adminBackups.runs.title')}
            </h2>
            <RunsTable runs={overview.data.runs} />
          </section>
          <section
            aria-labelledby="restore-heading"
            className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id="restore-heading" className="font-semibold text-slate-900">
              {t('adminBackups.restore.title')}
            </h2>
            <p className="mt-2 text-sm text-slate-700">{t('adminBackups.restore.body')}</p>
            <pre
              className="mt-3 overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100"
              dir="ltr"
            >
              <code>
                {
                  'npm run restore -- /path/to/9tangle-backup-….tar.gz\nnpm run restore -- /path/to/9tangle-backup-….tar.gz --force'
                }
              </code>
            </pre>
          </section>
        </>
      ) : null}
    </div>
  );
}
