/**
 * The next time a five-field cron expression (minute hour day-of-month month day-of-week, UTC) fires
 * after a moment — what the jobs page shows as "next run". pg-boss evaluates the schedules itself;
 * this only predicts them for display, so it supports the syntax config.ts accepts and pg-boss uses:
 * `*`, numbers, lists `1,15`, ranges `1-5`, steps `*\/5` and `10-50/10`, and `7` as Sunday.
 */

const FIELDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 },
] as const;

interface ParsedCron {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** Cron's rule: when both day fields are restricted, a day matches if either matches. */
  dayOr: boolean;
}

function parseField(text: string, min: number, max: number): Set<number> | null {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = part.match(/^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/);
    if (!m) return null;
    const step = m[4] ? Number(m[4]) : 1;
    const from = m[1] === '*' ? min : Number(m[2]);
    const to = m[1] === '*' ? max : m[3] !== undefined ? Number(m[3]) : m[4] ? max : from;
    if (step < 1 || from < min || to > max || from > to) return null;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export function parseCron(expr: string): ParsedCron | null {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const sets = parts.map((p, i) => parseField(p, FIELDS[i]?.min ?? 0, FIELDS[i]?.max ?? 0));
  const [minutes, hours, days, months, weekdays] = sets;
  if (!minutes || !hours || !days || !months || !weekdays) return null;
  if (weekdays.has(7)) weekdays.add(0);
  return { minutes, hours, days, months, weekdays, dayOr: parts[2] !== '*' && parts[4] !== '*' };
}

/** Every minute for ~4 years is checked at most; an expression that never fires (Feb 30) gives null. */
const MAX_MINUTES = 4 * 366 * 24 * 60;

/** The first minute strictly after `after` at which `expr` fires, or null (invalid or never). */
export function nextCronRun(expr: string, after: Date): Date | null {
  const c = parseCron(expr);
  if (!c) return null;
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  for (let i = 0; i < MAX_MINUTES; i++) {
    t.setUTCMinutes(t.getUTCMinutes() + 1);
    if (!c.months.has(t.getUTCMonth() + 1)) {
      // Skip to the first minute of the next month.
      t.setUTCDate(1);
      t.setUTCHours(0, 0);
      t.setUTCMonth(t.getUTCMonth() + 1);
      t.setUTCMinutes(-1);
      continue;
    }
    const dom = c.days.has(t.getUTCDate());
    const dow = c.weekdays.has(t.getUTCDay());
    if (!(c.dayOr ? dom || dow : dom && dow)) {
      t.setUTCHours(23, 59);
      continue;
    }
    if (!c.hours.has(t.getUTCHours())) {
      t.setUTCMinutes(59);
      continue;
    }
    if (c.minutes.has(t.getUTCMinutes())) return t;
  }
  return null;
}
