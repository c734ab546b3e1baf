/** A byte count as a person reads it (`12.4 MB`), in the reader's language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A duration in milliseconds as seconds (`3.2 s`) or minutes and seconds. */
export function formatDuration(ms: number | null, language: string): string {
  if (ms === null) return '—';
  const seconds = ms / 1000;
  const nf = (v: number, unit: 'second' | 'minute') =>
    new Intl.NumberFormat(language, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(v);
  if (seconds < 90) return nf(seconds, 'second');
  return `${nf(Math.floor(seconds / 60), 'minute')} ${nf(Math.round(seconds % 60), 'second')}`;
}
