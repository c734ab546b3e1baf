import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client.ts';
import { type JobRunRow, jobRuns } from '../../../db/schema/index.ts';

/** The first key of the two-key advisory locks of job runs (the second is the job's name hashed). */
const JOB_RUN_LOCK_CLASS = 74_261;
const MAX_ERROR_CHARS = 2_000;

/** The `job_runs` table: one row per run of an operations job. */
export const jobRunsRepo = {
  /**
   * Record the start of a run unless one of the same job is already running, atomically across
   * instances: a transaction-scoped advisory lock on the job serialises the check and the insert, so
   * two workers (or a click and the schedule) can never both start. A `running` row older than
   * `staleAfterMs` is a run whose process died: it is closed as failed, and the new run starts.
   * Answers the new row, or null when a live run holds the job.
   */
  async start(
    db: Db,
    o: { job: string; trigger: string; now: Date; staleAfterMs: number },
  ): Promise<JobRunRow | null> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${JOB_RUN_LOCK_CLASS}, hashtext(${o.job}))`);
      const running = await tx
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.job, o.job), eq(jobRuns.status, 'running')));
      for (const r of running) {
        if (o.now.getTime() - r.startedAt.getTime() < o.staleAfterMs) return null;
        await tx
          .update(jobRuns)
          .set({
            status: 'failed',
            finishedAt: o.now,
            error: 'Abandoned: the process running it stopped before recording an end.',
          })
          .where(eq(jobRuns.id, r.id));
      }
      const [row] = await tx
        .insert(jobRuns)
        .values({ job: o.job, trigger: o.trigger, status: 'running', startedAt: o.now })
        .returning();
      return row ?? null;
    });
  },

  /** A queued run begins executing now: its start time is when the work began, not when it was asked for. */
  markBegun: (x: Executor, id: string, at: Date) =>
    x
      .update(jobRuns)
      .set({ startedAt: at })
      .where(and(eq(jobRuns.id, id), eq(jobRuns.status, 'running'))),

  async finish(
    x: Executor,
    id: string,
    o: { at: Date; startedAt: Date; result?: Record<string, unknown>; error?: string },
  ): Promise<JobRunRow | undefined> {
    const [row] = await x
      .update(jobRuns)
      .set({
        status: o.error === undefined ? 'succeeded' : 'failed',
        finishedAt: o.at,
        durationMs: Math.max(0, o.at.getTime() - o.startedAt.getTime()),
        result: o.result ?? null,
        error: o.error === undefined ? null : o.error.slice(0, MAX_ERROR_CHARS),
      })
      .where(eq(jobRuns.id, id))
      .returning();
    return row;
  },

  async byId(x: Executor, id: string): Promise<JobRunRow | undefined> {
    const [row] = await x.select().from(jobRuns).where(eq(jobRuns.id, id));
    return row;
  },

  async last(x: Executor, job: string, status?: JobRunRow['status']): Promise<JobRunRow | undefined> {
    const [row] = await x
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job), status ? eq(jobRuns.status, status) : undefined))
      .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
      .limit(1);
    return row;
  },

  /** One job's runs, newest first, a page at a time. */
  async history(
    x: Executor,
    job: string,
    q: { page: number; limit: number; status?: JobRunRow['status'] },
  ): Promise<{ items: JobRunRow[]; total: number }> {
    const where: SQL | undefined = and(
      eq(jobRuns.job, job),
      q.status ? eq(jobRuns.status, q.status) : undefined,
    );
    const [items, totals] = await Promise.all([
      x
        .select()
        .from(jobRuns)
        .where(where)
        .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(jobRuns).where(where),
    ]);
    return { items, total: Number(totals[0]?.n ?? 0) };
  },
};
