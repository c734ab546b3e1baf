import type { AdminHealth } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { cn } from '../../components/ui/cn.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useHealth } from './operations-queries.ts';

const good = new Set(['UP', 'CONNECTED', 'CONFIGURED', 'OUTBOX', 'NOT_CONFIGURED']);

function Tile({
  label,
  value,
  status,
  extra,
}: {
  label: string;
  value: string;
  status?: string;
  extra?: string;
}) {
  const bad = status !== undefined && !good.has(status);
  return (
    <div className={cn('rounded-lg border bg-white p-4', bad ? 'border-red-300' : 'border-slate-200')}>
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className={cn('mt-1 text-lg font-semibold', bad ? 'text-red-800' : 'text-slate-900')}>{value}</dd>
      {extra ? <dd className="text-sm text-slate-700">{extra}</dd> : null}
    </div>
  );
}

function uptime(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
}

/** The `/api/admin/health` report, read again every 15 seconds. */
export function HealthPanel() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const health = useHealth();
  const h: AdminHealth | undefined = health.data;
  const status = (s: string) => t(`adminOperations.health.status.${s}`, { defaultValue: s });
  return (
    <section aria-labelledby="live-health" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="live-health" className="text-lg font-semibold text-slate-900">
          {t('adminOperations.health.title')}
        </h2>
        {h ? (
          <p className="text-sm text-slate-700" aria-live="polite">
            {t('adminOperations.health.updated', { at: formatDateTime(h.timestamp, i18n.language) })}
          </p>
        ) : null}
      </div>
      {health.isError ? <Alert tone="error">{errorMessage(health.error)}</Alert> : null}
      {health.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {h ? (
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Tile label={t('adminOperations.health.overall')} value={status(h.status)} status={h.status} />
          <Tile
            label={t('adminOperations.health.database')}
            value={status(h.database.status)}
            status={h.database.status}
            extra={`${h.database.kind}${h.database.latencyMs !== null ? ` · ${h.database.latencyMs} ms` : ''}`}
          />
          <Tile
            label={t('adminOperations.health.redis')}
            value={status(h.redis.status)}
            status={h.redis.status}
            extra={h.redis.latencyMs !== null ? `${h.redis.latencyMs} ms` : undefined}
          />
          <Tile
            label={t('adminOperations.health.mail')}
            value={status(h.smtp.status)}
            status={h.smtp.failedLastHour > 0 ? 'FAILING' : h.smtp.status}
            extra={t('adminOperations.health.failedLastHour', { count: h.smtp.failedLastHour })}
          />
          <Tile
            label={t('adminOperations.health.jobs')}
            value={t('adminOperations.health.queued', { count: h.jobs.queued })}
            extra={t('adminOperations.health.failedJobs', { count: h.jobs.failed })}
          />
          <Tile
            label={t('adminOperations.health.memory')}
            value={`${h.memory.rssMb} MB`}
            extra={t('adminOperations.health.heap', {
              used: h.memory.heapUsedMb,
              total: h.memory.heapTotalMb,
            })}
          />
          <Tile label={t('adminOperations.health.uptime')} value={uptime(h.uptimeSeconds)} />
          <Tile label={t('adminOperations.health.version')} value={h.version} />
        </dl>
      ) : null}
    </section>
  );
}
