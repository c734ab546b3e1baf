import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type JobRunRow, jobRuns } from '../../../db/schema/index.ts';

export type BackupJob = 'backup' | 'restore_drill';

/** A run still `running` after this long belongs to a process that died: it no longer blocks a new one. */
export const STALE_RUN_MS = 6 * 3_600_000;

/** `job_runs` for the two jobs of this module. */
export const backupsRepo = {
  /**
   * Record the start of a run unless one of the same job is running. Serialised by an advisory lock per
   * job, so two instances (or the CLI and a worker) asked at once cannot both start.
   */
  async start(x: Executor, o: { job: BackupJob; trigger: string; now: Date }): Promise<JobRunRow | null> {
    return x.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`9tangle.job.${o.job}`}))`);
      await tx
        .update(jobRuns)
        .set({
          status: 'failed',
          finishedAt: o.now,
          error: 'Interrupted: the process running it stopped before it finished',
        })
        .where(
          and(
            eq(jobRuns.job, o.job),
            eq(jobRuns.status, 'running'),
            lt(jobRuns.startedAt, new Date(o.now.getTime() - STALE_RUN_MS)),
          ),
        );
      const [running] = await tx
        .select({ id: jobRuns.id })
        .from(jobRuns)
        .where(and(eq(jobRuns.job, o.job), eq(jobRuns.status, 'running')))
        .limit(1);
      if (running) return null;
      const [row] = await tx
        .insert(jobRuns)
        .values({ job: o.job, trigger: o.trigger, status: 'running', startedAt: o.now })
        .returning();
      return row ?? null;
    });
  },

  async finish(
    x: Executor,
    id: string,
    o: {
      status: 'succeeded' | 'failed';
      now: Date;
      durationMs: number;
      result: Record<string, unknown> | null;
      error?: string | null;
    },
  ): Promise<void> {
    await x
      .update(jobRuns)
      .set({
        status: o.status,
        finishedAt: o.now,
        durationMs: o.durationMs,
        result: o.result,
        error: o.error ?? null,
      })
      .where(eq(jobRuns.id, id));
  },

  async findById(x: Executor, id: string): Promise<JobRunRow | null> {
    const [row] = await x.select().from(jobRuns).where(eq(jobRuns.id, id)).limit(1);
    return row ?? null;
  },

  async recent(x: Executor, limit: number): Promise<JobRunRow[]> {
    return x
      .select()
      .from(jobRuns)
      .where(inArray(jobRuns.job, ['backup', 'restore_drill']))
      .orderBy(desc(jobRuns.startedAt))
      .limit(limit);
  },

  async latest(x: Executor, job: BackupJob): Promise<JobRunRow | null> {
    const [row] = await x
      .select()
      .from(jobRuns)
      .where(eq(jobRuns.job, job))
      .orderBy(desc(jobRuns.startedAt))
      .limit(1);
    return row ?? null;
  },
};
