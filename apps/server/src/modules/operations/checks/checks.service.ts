import type { CheckHistory, CheckList, CheckRunResult, CheckStatus } from '@9tangle/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../../db/client.ts';
import type { CheckStateRow } from '../../../db/schema/index.ts';
import { notFound } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { MailService } from '../../notifications/mail.service.ts';
import type { Check, CheckContext, CheckResult } from './check.types.ts';
import { alertRecipients, runGuarded, transition } from './check-runner.ts';
import { checksRepo } from './checks.repo.ts';

export const CHECKS_JOB = 'checks';
/** One key for every instance: the state update of a run is serialised across them (no double mail). */
const LOCK_KEY = 'ops:checks';

function toStatus(check: Check, row: CheckStateRow | undefined): CheckStatus {
  return {
    id: check.id,
    title: check.title,
    schedule: check.schedule,
    state: row?.state ?? null,
    message: row?.message ?? null,
    details: row?.details ?? null,
    since: row?.since.toISOString() ?? null,
    checkedAt: row?.checkedAt.toISOString() ?? null,
  };
}

/**
 * The automated checks: run them all (each guarded, in parallel), store each one's state, record a
 * history row and mail the admins only when a state changes, and record the run in `job_runs`.
 */
export function createChecksService(d: {
  database: Database;
  clock: Clock;
  mail: Pick<MailService, 'write' | 'dispatch'>;
  checks: Check[];
  /** Everything a check reads except the time, which each run takes from the clock. */
  context: Omit<CheckContext, 'now'>;
  alertEmails: string[];
  operationsUrl: string;
  log: FastifyBaseLogger;
  timeoutMs?: number;
}) {
  const byId = new Map(d.checks.map((c) => [c.id, c]));

  async function persist(results: { check: Check; result: CheckResult }[], now: Date) {
    const mailIds: string[] = [];
    const changed: string[] = [];
    const rows = await d.database.db.transaction(async (tx) => {
      // Two runs at once (a schedule and a click, or two instances) take turns here; the second sees
      // the first's states, so a change is recorded and mailed once.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${LOCK_KEY}))`);
      const current = new Map(
        (
          await checksRepo.lockStates(
            tx,
            results.map((r) => r.check.id),
          )
        ).map((r) => [r.checkId, r]),
      );
      let recipients: string[] | null = null;
      const out: CheckStateRow[] = [];
      for (const { check, result } of results) {
        const prev = current.get(check.id);
        const t = transition(prev ? { state: prev.state, since: prev.since } : null, result.state, now);
        const row = {
          checkId: check.id,
          state: result.state,
          message: result.message,
          details: result.details ?? {},
          since: t.since,
          checkedAt: now,
        };
        await checksRepo.upsertState(tx, row);
        out.push(row);
        if (!t.changed) continue;
        changed.push(check.id);
        await checksRepo.appendHistory(tx, {
          checkId: check.id,
          state: result.state,
          previousState: t.previousState,
          message: result.message,
          details: result.details ?? {},
          createdAt: now,
        });
        if (!t.alert) continue;
        recipients ??= alertRecipients(d.alertEmails, await checksRepo.adminEmails(tx));
        for (const to of recipients)
          mailIds.push(
            await d.mail.write(tx, to, 'opsCheckChanged', {
              title: check.title,
              state: result.state,
              previousState: t.previousState,
              message: result.message,
              at: now.toISOString(),
              url: d.operationsUrl,
            }),
          );
      }
      return out;
    });
    await d.mail.dispatch(...mailIds);
    return { rows, changed };
  }

  return {
    /** Every check with its stored state (null before its first run) and the last run of the job. */
    async list(): Promise<CheckList> {
      const rows = new Map((await checksRepo.states(d.database.db)).map((r) => [r.checkId, r]));
      const last = await checksRepo.latestStarted(d.database.db, CHECKS_JOB);
      return {
        items: d.checks.map((c) => toStatus(c, rows.get(c.id))),
        lastRun: last
          ? {
              startedAt: last.startedAt.toISOString(),
              finishedAt: last.finishedAt?.toISOString() ?? null,
              status: last.status,
              trigger: last.trigger,
              durationMs: last.durationMs,
            }
          : null,
      };
    },

    /** Run every check now; `trigger` is `schedule`, `admin:<id>` or `cli`. */
    async run(trigger: string): Promise<CheckRunResult> {
      const startedAt = d.clock.now();
      const started = performance.now();
      const runId = await checksRepo.startRun(d.database.db, CHECKS_JOB, trigger, startedAt);
      try {
        const ctx: CheckContext = { ...d.context, now: startedAt };
        const results = await Promise.all(
          d.checks.map(async (check) => ({ check, result: await runGuarded(check, ctx, d.timeoutMs) })),
        );
        const { rows, changed } = await persist(results, startedAt);
        const durationMs = Math.round(performance.now() - started);
        const counts = { ok: 0, warn: 0, crit: 0 };
        for (const r of rows) counts[r.state] += 1;
        await checksRepo.finishRun(d.database.db, runId, {
          status: 'succeeded',
          finishedAt: d.clock.now(),
          durationMs,
          result: { ...counts, changed },
        });
        const rowById = new Map(rows.map((r) => [r.checkId, r]));
        return { items: d.checks.map((c) => toStatus(c, rowById.get(c.id))), changed, durationMs };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await checksRepo
          .finishRun(d.database.db, runId, {
            status: 'failed',
            finishedAt: d.clock.now(),
            durationMs: Math.round(performance.now() - started),
            error: message.slice(0, 1_000),
          })
          .catch((e) => d.log.error({ err: e }, 'checks run not recorded'));
        throw err;
      }
    },

    /** A check's changes of state, newest first. */
    async history(id: string, limit: number): Promise<CheckHistory> {
      const check = byId.get(id);
      if (!check) throw notFound('check');
      const rows = await checksRepo.history(d.database.db, id, limit);
      return {
        check: { id: check.id, title: check.title, schedule: check.schedule },
        items: rows.map((r) => ({
          id: r.id,
          state: r.state,
          previousState: r.previousState,
          message: r.message,
          details: r.details ?? null,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
  };
}
export type ChecksService = ReturnType<typeof createChecksService>;
