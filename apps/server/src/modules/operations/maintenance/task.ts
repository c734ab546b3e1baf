import type { Logger } from 'pino';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';

/** What a maintenance task gets: the database, the time, the settings it reads, and its batch size. */
export interface TaskContext {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'session' | 'log'> & { operations: Pick<Config['operations'], 'archive'> };
  log: Pick<Logger, 'info' | 'warn'>;
  /**
   * Rows per statement. Every task works in batches like this one, each its own short transaction,
   * so a large purge or archive never holds locks (or a PGlite event loop) for long.
   */
  batchSize: number;
}

/** A maintenance task: does its work and answers the counts the run records. */
export type MaintenanceTask = (ctx: TaskContext) => Promise<Record<string, unknown>>;

export const DAY_MS = 86_400_000;

/**
 * Run one batched statement until it affects fewer rows than a batch. The statement answers
 * `select count(*)::int as n` of what it did. Answers the total.
 */
export async function inBatches(
  ctx: TaskContext,
  text: string,
  values: unknown[],
  maxBatches = 100_000,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const { rows } = await ctx.database.raw.query<{ n: number }>(text, [...values, ctx.batchSize]);
    const n = Number(rows[0]?.n ?? 0);
    total += n;
    if (n < ctx.batchSize) break;
  }
  return total;
}
