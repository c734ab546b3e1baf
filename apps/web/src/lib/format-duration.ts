import type { TFunction } from 'i18next';

/** A course length: "45 min", "3 h", "2 h 15 min". */
export function formatMinutes(total: number, t: TFunction): string {
  const minutes = Math.max(0, Math.round(total));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('duration.minutes', { count: rest });
  if (rest === 0) return t('duration.hours', { count: hours });
  return t('duration.hoursMinutes', { hours, minutes: rest });
}

/** A lesson length as a clock: "4:05", "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
