import { z } from 'zod';

/** The automated checks of the operations page (issue 5 §3). */

export const CheckState = z.enum(['ok', 'warn', 'crit']);
export type CheckState = z.infer<typeof CheckState>;

/** Which list of the maintenance guide a check answers. */
export const CheckSchedule = z.enum(['daily', 'weekly', 'monthly']);
export type CheckSchedule = z.infer<typeof CheckSchedule>;

export const CheckDetails = z.record(z.string(), z.unknown());

export const CheckStatus = z.object({
  id: z.string(),
  title: z.string(),
  schedule: CheckSchedule,
  /** Null until the check has run once. */
  state: CheckState.nullable(),
  message: z.string().nullable(),
  /** The figures behind the message (latency, free bytes, counts…). */
  details: CheckDetails.nullable(),
  /** When the check entered its current state (kept while the state is unchanged). */
  since: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type CheckStatus = z.infer<typeof CheckStatus>;

export const CheckList = z.object({
  items: z.array(CheckStatus),
  /** The last run of the `checks` job, if any. */
  lastRun: z
    .object({
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      status: z.enum(['running', 'succeeded', 'failed']),
      trigger: z.string(),
      durationMs: z.number().nullable(),
    })
    .nullable(),
});
export type CheckList = z.infer<typeof CheckList>;

export const CheckRunResult = z.object({
  items: z.array(CheckStatus),
  /** The ids of the checks whose state changed in this run. */
  changed: z.array(z.string()),
  durationMs: z.number(),
});
export type CheckRunResult = z.infer<typeof CheckRunResult>;

export const CheckIdParams = z.object({ id: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/) });

export const CheckHistoryEntry = z.object({
  id: z.string(),
  state: CheckState,
  previousState: CheckState.nullable(),
  message: z.string(),
  details: CheckDetails.nullable(),
  createdAt: z.string(),
});
export const CheckHistory = z.object({
  check: z.object({ id: z.string(), title: z.string(), schedule: CheckSchedule }),
  items: z.array(CheckHistoryEntry),
});
export type CheckHistory = z.infer<typeof CheckHistory>;

export const CheckHistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** What the build's `npm audit` found (apps/server/dist/npm-audit.json), as the advisories check reads it. */
export const AdvisoryReport = z.object({
  generatedAt: z.string(),
  /** False when the registry could not be asked (offline build): `error` says why. */
  available: z.boolean(),
  error: z.string().nullable(),
  counts: z.object({
    info: z.number(),
    low: z.number(),
    moderate: z.number(),
    high: z.number(),
    critical: z.number(),
  }),
  advisories: z.array(
    z.object({
      name: z.string(),
      severity: z.enum(['info', 'low', 'moderate', 'high', 'critical']),
      title: z.string(),
      url: z.string().nullable(),
      range: z.string().nullable(),
      fixAvailable: z.boolean(),
    }),
  ),
});
export type AdvisoryReport = z.infer<typeof AdvisoryReport>;
