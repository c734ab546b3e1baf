import { useTranslation } from 'react-i18next';
import type { CourseAuditEntry } from '../../api/types.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useCourseAudit } from './studio-queries.ts';

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div className="min-w-0">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</h4>
      <pre
        dir="ltr"
        className="mt-1 max-h-80 overflow-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100"
      >
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** A field of the before/after snapshot, when it is a string (`status`, `title`). */
function stringField(value: unknown, field: string): string | undefined {
  if (!value || typeof value !== 'object' || !(field in value)) return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' ? found : undefined;
}

function HistoryEntry({ entry }: { entry: CourseAuditEntry }) {
  const { t, i18n } = useTranslation();
  const hasChanges = entry.before != null || entry.after != null;
  const action = t(`studio.history.actions.${entry.action}`, {
    defaultValue: entry.action.replaceAll(/[._]/g, ' '),
  });
  const actor = entry.actor?.name ?? t('studio.history.system');
  // Sections and lessons are named by their title; a status change shows where it went.
  const name = entry.action.startsWith('course.')
    ? undefined
    : (stringField(entry.after, 'title') ?? stringField(entry.before, 'title'));
  const from = stringField(entry.before, 'status');
  const to = stringField(entry.after, 'status');
  const statusChange =
    from && to && from !== to
      ? t('studio.history.statusChange', {
          from: t(`studio.status.${from}`, { defaultValue: from }),
          to: t(`studio.status.${to}`, { defaultValue: to }),
        })
      : null;
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="font-medium text-slate-900">
          {name
            ? t('studio.history.entryNamed', { actor, action, name })
            : t('studio.history.entry', { actor, action })}
          {statusChange ? (
            <span className="ms-2 text-sm font-normal text-slate-700">{statusChange}</span>
          ) : null}
        </h3>
        <time dateTime={entry.createdAt} className="text-sm text-slate-600">
          {formatDateTime(entry.createdAt, i18n.language)}
        </time>
      </div>
      {hasChanges ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-indigo-700">
            {t('studio.history.showChanges')}
          </summary>
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            <JsonBlock label={t('studio.history.before')} value={entry.before} />
            <JsonBlock label={t('studio.history.after')} value={entry.after} />
          </div>
        </details>
      ) : null}
    </li>
  );
}

/** The course's audit trail: who did what and when, with the values before and after. */
export function CourseHistory({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const audit = useCourseAudit(courseId);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="text-xl font-semibold text-slate-900">
        {t('studio.history.title')}
      </h2>
      <div className="mt-4">
        {audit.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {audit.isError ? <Alert tone="error">{errorMessage(audit.error)}</Alert> : null}
        {audit.data && audit.data.items.length === 0 ? (
          <p className="text-slate-700">{t('studio.history.empty')}</p>
        ) : null}
        {audit.data && audit.data.items.length > 0 ? (
          <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {audit.data.items.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </ol>
        ) : null}
      </div>
    </section>
  );
}
