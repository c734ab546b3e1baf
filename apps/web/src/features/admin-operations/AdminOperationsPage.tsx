import type { CheckSchedule, CheckStatus } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { AdvisoriesList } from './AdvisoriesList.tsx';
import { CheckDetails } from './CheckDetails.tsx';
import { CheckHistoryDialog } from './CheckHistoryDialog.tsx';
import { CheckStateBadge } from './CheckStateBadge.tsx';
import { HealthPanel } from './HealthPanel.tsx';
import { useChecks, useRunChecks } from './operations-queries.ts';
import { relativeTime } from './relative-time.ts';

const SCHEDULES: CheckSchedule[] = ['daily', 'weekly', 'monthly'];

/** `/admin/operations`: the live health, the automated checks by schedule, the dependency advisories. */
export function AdminOperationsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <Operations />;
}

function When({ iso, label }: { iso: string | null; label: string }) {
  const { i18n } = useTranslation();
  if (!iso) return null;
  return (
    <span>
      {label}{' '}
      <time dateTime={iso} title={formatDateTime(iso, i18n.language)}>
        {relativeTime(iso, i18n.language)}
      </time>{' '}
      <span className="text-slate-700">({formatDateTime(iso, i18n.language)})</span>
    </span>
  );
}

function CheckRow({ check, onHistory }: { check: CheckStatus; onHistory: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-check={check.id}>
      <div className="flex flex-wrap items-start gap-3">
        <CheckStateBadge state={check.state} />
        <div className="min-w-0 flex-1">
          <h4 className="font-semibold text-slate-900">{check.title}</h4>
          <p className="mt-1 text-sm text-slate-900">{check.message ?? t('adminOperations.neverRun')}</p>
          <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-700">
            <When iso={check.since} label={t('adminOperations.since')} />
            <When iso={check.checkedAt} label={t('adminOperations.checked')} />
          </p>
          <CheckDetails details={check.details} />
        </div>
        <Button
          variant="secondary"
          size="sm"
          onClick={onHistory}
          aria-label={t('adminOperations.historyOf', { title: check.title })}
        >
          {t('adminOperations.history.open')}
        </Button>
      </div>
    </li>
  );
}

function Operations() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const checks = useChecks();
  const run = useRunChecks();
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const items = checks.data?.items ?? [];
  const counts = { ok: 0, warn: 0, crit: 0 };
  for (const c of items) if (c.state) counts[c.state] += 1;
  const lastRun = checks.data?.lastRun;

  return (
    <div className="space-y-8">
      <PageMeta title={t('adminOperations.title')} description={t('meta.private')} noIndex />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('adminOperations.title')}</h1>
          <p className="mt-1 text-sm text-slate-700">{t('adminOperations.intro')}</p>
        </div>
        <Button isLoading={run.isPending} onClick={() => run.mutate()}>
          {t('adminOperations.runNow')}
        </Button>
      </div>
      <div aria-live="polite">
        {run.isSuccess ? (
          <Alert tone="success">
            {t('adminOperations.ranNow', {
              count: run.data.changed.length,
              seconds: (run.data.durationMs / 1000).toFixed(1),
            })}
          </Alert>
        ) : null}
      </div>
      {run.isError ? <Alert tone="error">{errorMessage(run.error)}</Alert> : null}

      <HealthPanel />

      <section aria-labelledby="checks-title" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="checks-title" className="text-lg font-semibold text-slate-900">
            {t('adminOperations.checksTitle')}
          </h2>
          <p className="text-sm text-slate-700">
            {t('adminOperations.summary', counts)}
            {lastRun
              ? ` · ${t('adminOperations.lastRun', { at: formatDateTime(lastRun.startedAt, i18n.language) })}`
              : ''}
          </p>
        </div>
        {checks.isError ? <Alert tone="error">{errorMessage(checks.error)}</Alert> : null}
        {checks.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {SCHEDULES.map((schedule) => {
          const group = items.filter((c) => c.schedule === schedule);
          if (group.length === 0) return null;
          return (
            <section key={schedule} aria-labelledby={`checks-${schedule}`} className="space-y-2">
              <h3 id={`checks-${schedule}`} className="font-semibold text-slate-900">
                {t(`adminOperations.schedule.${schedule}`)}
              </h3>
              <ul className="space-y-2">
                {group.map((c) => (
                  <CheckRow key={c.id} check={c} onHistory={() => setHistoryOf(c.id)} />
                ))}
              </ul>
            </section>
          );
        })}
      </section>

      <AdvisoriesList check={items.find((c) => c.id === 'dependency_advisories')} />
      <CheckHistoryDialog checkId={historyOf} onClose={() => setHistoryOf(null)} />
    </div>
  );
}
