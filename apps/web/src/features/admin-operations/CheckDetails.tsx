import { useTranslation } from 'react-i18next';

/** "failedLast24h" → "failed last 24h": detail keys are figures' names, shown as words. */
const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** An object as "key value, key value"; a list of them one per line. */
function value(v: unknown): string {
  const flat = (o: unknown) =>
    o && typeof o === 'object' && !Array.isArray(o)
      ? Object.entries(o)
          .map(([k, x]) => `${words(k)} ${scalar(x)}`)
          .join(', ')
      : scalar(o);
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(flat).join('\n');
  return flat(v);
}

/** The figures behind a check's message, folded away until asked for. */
export function CheckDetails({ details }: { details: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const entries = Object.entries(details ?? {}).filter(([k]) => k !== 'advisories');
  if (entries.length === 0) return null;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium text-indigo-700 hover:underline">
        {t('adminOperations.details')}
      </summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
        {entries.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-700">{words(k)}</dt>
            <dd className="whitespace-pre-line break-words font-mono text-xs text-slate-900">{value(v)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
