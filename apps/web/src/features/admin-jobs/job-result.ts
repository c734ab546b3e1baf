import type { TFunction } from 'i18next';

/** Durations as an operator reads them: 850 ms, 12.4 s, 3 min 5 s. */
export function formatDuration(ms: number | null, t: TFunction): string {
  if (ms === null) return '—';
  if (ms < 1_000) return t('adminJobs.duration.ms', { count: Math.round(ms) });
  if (ms < 60_000) return t('adminJobs.duration.s', { value: (ms / 1_000).toFixed(1) });
  const minutes = Math.floor(ms / 60_000);
  return t('adminJobs.duration.min', { minutes, seconds: Math.round((ms % 60_000) / 1_000) });
}

/**
 * A run's result as label/value pairs: counts stay numbers, lists become their length (the tables
 * vacuumed), nested details are left out of the summary. Keys the page knows get a translated label.
 */
export function resultEntries(result: Record<string, unknown> | null, t: TFunction, language: string) {
  if (!result) return [];
  const number = new Intl.NumberFormat(language);
  const out: { key: string; label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(result)) {
    let text: string | null = null;
    if (typeof value === 'number') text = number.format(value);
    else if (typeof value === 'string') text = value;
    else if (Array.isArray(value)) text = number.format(value.length);
    if (text === null) continue;
    out.push({ key, label: t(`adminJobs.result.${key}`, { defaultValue: key }), value: text });
  }
  return out;
}
