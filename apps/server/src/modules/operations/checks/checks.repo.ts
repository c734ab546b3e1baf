import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  authEvents,
  checkHistory,
  checkStates,
  jobRuns,
  mailMessages,
  manualPaymentProofs,
  orders,
  payments,
  refunds,
  users,
} from '../../../db/schema/index.ts';

/**
 * Queries of the checks: their own tables (`check_states`, `check_history`, `job_runs`) and read-only
 * counts over the tables they watch. The counts are monitoring, not business rules, so they live here
 * rather than behind each domain's service; every window is bounded by the run's `now` on both sides.
 */

const int = (expr: ReturnType<typeof sql>) => sql<number>`(${expr})::int`;
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const hoursBefore = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000);

export const AUTH_FAILURE_TYPES = ['sign_in_failure', 'sign_in_throttled', 'two_factor_failure'] as const;

export const checksRepo = {
  // ── the checks' own state ──────────────────────────────────────────────────────────────────────────
  async states(x: Executor) {
    return x.select().from(checkStates);
  },
  /** The current rows of these checks, locked for the rest of the transaction. */
  async lockStates(x: Executor, ids: string[]) {
    if (ids.length === 0) return [];
    return x.select().from(checkStates).where(inArray(checkStates.checkId, ids)).for('update');
  },
  async upsertState(x: Executor, v: typeof checkStates.$inferInsert) {
    await x
      .insert(checkStates)
      .values(v)
      .onConflictDoUpdate({
        target: checkStates.checkId,
        set: {
          state: v.state,
          message: v.message,
          details: v.details,
          since: v.since,
          checkedAt: v.checkedAt,
        },
      });
  },
  async appendHistory(x: Executor, v: typeof checkHistory.$inferInsert) {
    await x.insert(checkHistory).values(v);
  },
  async history(x: Executor, checkId: string, limit: number) {
    return x
      .select()
      .from(checkHistory)
      .where(eq(checkHistory.checkId, checkId))
      .orderBy(desc(checkHistory.createdAt), desc(checkHistory.id))
      .limit(limit);
  },

  // ── job runs ───────────────────────────────────────────────────────────────────────────────────────
  async startRun(x: Executor, job: string, trigger: string, startedAt: Date) {
    const [row] = await x.insert(jobRuns).values({ job, trigger, startedAt }).returning({ id: jobRuns.id });
    return (row as { id: string }).id;
  },
  async finishRun(
    x: Executor,
    id: string,
    v: {
      status: 'succeeded' | 'failed';
      finishedAt: Date;
      durationMs: number;
      result?: Record<string, unknown>;
      error?: string;
    },
  ) {
    await x
      .update(jobRuns)
      .set({
        status: v.status,
        finishedAt: v.finishedAt,
        durationMs: v.durationMs,
        result: v.result ?? null,
        error: v.error ?? null,
      })
      .where(eq(jobRuns.id, id));
  },
  /** The newest finished run of a job up to `now` (of one status when given). */
  async latestRun(x: Executor, job: string, now: Date, status?: 'succeeded' | 'failed') {
    const [row] = await x
      .select()
      .from(jobRuns)
      .where(
        and(
          eq(jobRuns.job, job),
          status ? eq(jobRuns.status, status) : inArray(jobRuns.status, ['succeeded', 'failed']),
          lte(jobRuns.finishedAt, now),
        ),
      )
      .orderBy(desc(jobRuns.finishedAt))
      .limit(1);
    return row ?? null;
  },
  async latestStarted(x: Executor, job: string) {
    const [row] = await x
      .select()
      .from(jobRuns)
      .where(eq(jobRuns.job, job))
      .orderBy(desc(jobRuns.startedAt))
      .limit(1);
    return row ?? null;
  },

  // ── what the checks watch ──────────────────────────────────────────────────────────────────────────
  /** Sign-in failures, throttled sign-ins and 2FA failures: the last hour and the 24 h before it. */
  async authFailures(x: Executor, now: Date) {
    const hourAgo = hoursBefore(now, 1);
    const dayBefore = hoursBefore(now, 25);
    const types = sql`${authEvents.type} in ('sign_in_failure', 'sign_in_throttled', 'two_factor_failure')`;
    const [row] = await x
      .select({
        lastHour: int(sql`count(*) filter (where ${authEvents.createdAt} > ${at(hourAgo)})`),
        failures: int(
          sql`count(*) filter (where ${authEvents.createdAt} > ${at(hourAgo)} and ${authEvents.type} = 'sign_in_failure')`,
        ),
        throttled: int(
          sql`count(*) filter (where ${authEvents.createdAt} > ${at(hourAgo)} and ${authEvents.type} = 'sign_in_throttled')`,
        ),
        twoFactor: int(
          sql`count(*) filter (where ${authEvents.createdAt} > ${at(hourAgo)} and ${authEvents.type} = 'two_factor_failure')`,
        ),
        previous24h: int(sql`count(*) filter (where ${authEvents.createdAt} <= ${at(hourAgo)})`),
      })
      .from(authEvents)
      .where(
        and(
          types,
          sql`${authEvents.createdAt} > ${at(dayBefore)}`,
          sql`${authEvents.createdAt} <= ${at(now)}`,
        ),
      );
    const topIps = await x
      .select({ ip: sql<string>`host(${authEvents.ip})`, n: int(sql`count(*)`) })
      .from(authEvents)
      .where(
        and(
          types,
          sql`${authEvents.ip} is not null`,
          sql`${authEvents.createdAt} > ${at(hourAgo)}`,
          sql`${authEvents.createdAt} <= ${at(now)}`,
        ),
      )
      .groupBy(authEvents.ip)
      .orderBy(sql`count(*) desc`)
      .limit(3);
    return { lastHour: 0, failures: 0, throttled: 0, twoFactor: 0, previous24h: 0, ...row, topIps };
  },

  /** Mail failed in the last 24 h, and mail still queued after `queuedMinutes`. */
  async mailTrouble(x: Executor, now: Date, queuedMinutes: number) {
    const queuedBefore = new Date(now.getTime() - queuedMinutes * 60_000);
    const [failed] = await x
      .select({ n: int(sql`count(*)`) })
      .from(mailMessages)
      .where(
        and(
          eq(mailMessages.status, 'failed'),
          sql`${mailMessages.updatedAt} > ${at(hoursBefore(now, 24))}`,
          lte(mailMessages.updatedAt, now),
        ),
      );
    const [queued] = await x
      .select({ n: int(sql`count(*)`), oldest: sql<string | null>`min(${mailMessages.createdAt})::text` })
      .from(mailMessages)
      .where(and(eq(mailMessages.status, 'queued'), lte(mailMessages.createdAt, queuedBefore)));
    const lastError = await x
      .select({ error: mailMessages.lastError })
      .from(mailMessages)
      .where(and(eq(mailMessages.status, 'failed'), lte(mailMessages.updatedAt, now)))
      .orderBy(desc(mailMessages.updatedAt))
      .limit(1);
    return {
      failed24h: failed?.n ?? 0,
      queuedLong: queued?.n ?? 0,
      oldestQueuedAt: queued?.oldest ? new Date(queued.oldest) : null,
      lastError: lastError[0]?.error ?? null,
    };
  },

  /** Failed payment attempts in 24 h by provider; refunds failed lately or pending too long. */
  async paymentTrouble(x: Executor, now: Date, o: { refundsFailedDays: number; refundPendingHours: number }) {
    const failedByProvider = await x
      .select({ provider: payments.provider, n: int(sql`count(*)`) })
      .from(payments)
      .where(
        and(
          eq(payments.status, 'failed'),
          sql`${payments.updatedAt} > ${at(hoursBefore(now, 24))}`,
          lte(payments.updatedAt, now),
        ),
      )
      .groupBy(payments.provider);
    const failedRefunds = await x
      .select({ id: refunds.id, number: orders.number, error: refunds.errorMessage })
      .from(refunds)
      .innerJoin(orders, eq(orders.id, refunds.orderId))
      .where(
        and(
          eq(refunds.status, 'failed'),
          sql`${refunds.createdAt} > ${at(hoursBefore(now, o.refundsFailedDays * 24))}`,
          lte(refunds.createdAt, now),
        ),
      )
      .orderBy(desc(refunds.createdAt))
      .limit(20);
    const pendingRefunds = await x
      .select({ id: refunds.id, number: orders.number, createdAt: refunds.createdAt })
      .from(refunds)
      .innerJoin(orders, eq(orders.id, refunds.orderId))
      .where(
        and(eq(refunds.status, 'pending'), lte(refunds.createdAt, hoursBefore(now, o.refundPendingHours))),
      )
      .orderBy(refunds.createdAt)
      .limit(20);
    return { failedByProvider, failedRefunds, pendingRefunds };
  },

  /** Manual payment proofs still pending after `hours`, oldest first. */
  async pendingProofs(x: Executor, now: Date, hours: number) {
    const rows = await x
      .select({ id: manualPaymentProofs.id, number: orders.number, createdAt: manualPaymentProofs.createdAt })
      .from(manualPaymentProofs)
      .innerJoin(orders, eq(orders.id, manualPaymentProofs.orderId))
      .where(
        and(
          eq(manualPaymentProofs.status, 'pending'),
          lte(manualPaymentProofs.createdAt, hoursBefore(now, hours)),
        ),
      )
      .orderBy(manualPaymentProofs.createdAt)
      .limit(50);
    const [all] = await x
      .select({ n: int(sql`count(*)`) })
      .from(manualPaymentProofs)
      .where(
        and(
          eq(manualPaymentProofs.status, 'pending'),
          lte(manualPaymentProofs.createdAt, hoursBefore(now, hours)),
        ),
      );
    return { count: all?.n ?? 0, oldest: rows };
  },

  /** Active admins' addresses: who is alerted when no ALERT_EMAILS are configured. */
  async adminEmails(x: Executor): Promise<string[]> {
    const rows = await x
      .select({ email: users.email })
      .from(users)
      .where(
        and(eq(users.role, 'admin'), sql`${users.suspendedAt} is null`, sql`${users.anonymisedAt} is null`),
      );
    return rows.map((r) => r.email);
  },
};
