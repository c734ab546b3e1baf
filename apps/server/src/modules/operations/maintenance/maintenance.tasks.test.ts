import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import {
  emailVerifications,
  jobRuns,
  loginChallenges,
  passwordTokens,
  sessions,
} from '../../../db/schema/index.ts';
import { systemClock } from '../../../platform/clock.ts';
import { buildUser } from '../../../seed/factories.ts';
import { jobRunsRepo } from './job-runs.repo.ts';
import { createMaintenanceService } from './maintenance.service.ts';

let t: TestApp;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const hash = () => randomBytes(16).toString('hex');

beforeAll(async () => {
  // Its purges and archives act on every row: on PostgreSQL, away from the other tests' data.
  t = await createTestApp({ ownDatabase: true });
});
afterAll(async () => t?.close());

/** The service as the worker builds it, with batches of two rows so every task needs several. */
const service = (o: { logDir?: string } = {}) =>
  createMaintenanceService({
    database: t.platform.database,
    jobs: t.platform.jobs,
    clock: systemClock,
    config: { ...t.config, log: { ...t.config.log, dir: o.logDir ?? t.config.log.dir } },
    log: t.app.log,
    batchSize: 2,
  });

describe('maintenance runs', () => {
  it('never run twice at once: a second start while one runs is skipped, and both calls end well', async () => {
    const svc = service();
    const [a, b] = await Promise.all([svc.execute('archive'), svc.execute('archive')]);
    const done = [a, b].filter((r) => r !== null);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of done) expect(r?.status).toBe('succeeded');
    if (a && b) {
      // Both ran: then one after the other, never overlapping.
      const [first, second] = a.startedAt <= b.startedAt ? [a, b] : [b, a];
      expect((first.finishedAt as Date).getTime()).toBeLessThanOrEqual(second.startedAt.getTime());
    }
    // Each was either skipped (null) or recorded; none is left running.
    const running = await t.platform.database.db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, 'maintenance.archive'), eq(jobRuns.status, 'running')));
    expect(running.filter((r) => done.some((d) => d?.id === r.id))).toEqual([]);
  });

  it('closes a run whose process died (running past its stale limit) as failed, then starts anew', async () => {
    const db = t.platform.database.db;
    const dead = await jobRunsRepo.start(db, {
      job: 'maintenance.rotate_logs',
      trigger: 'schedule',
      now: ago(2 * 3_600_000),
      staleAfterMs: 3_600_000,
    });
    expect(dead).not.toBeNull();
    const run = await service().execute('rotate_logs');
    expect(run?.status).toBe('succeeded');
    const closed = await jobRunsRepo.byId(db, dead?.id ?? '');
    expect(closed?.status).toBe('failed');
    expect(closed?.error).toMatch(/Abandoned/);
  });

  it('records a failing task as failed with its error and end time', async () => {
    const broken = createMaintenanceService({
      database: t.platform.database,
      jobs: t.platform.jobs,
      clock: systemClock,
      config: { ...t.config, log: { ...t.config.log, dir: '/proc/definitely/not/here' } },
      log: t.app.log,
    });
    // A log directory that cannot be read is not an error (nothing to rotate)…
    expect((await broken.execute('rotate_logs'))?.status).toBe('succeeded');
    // …but a file where the directory should be is.
    const file = join(mkdtempSync(join(tmpdir(), 'rotate-')), 'not-a-dir');
    writeFileSync(file, 'x');
    const run = await createMaintenanceService({
      database: t.platform.database,
      jobs: t.platform.jobs,
      clock: systemClock,
      config: { ...t.config, log: { ...t.config.log, dir: file } },
      log: t.app.log,
    }).execute('rotate_logs');
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(/ENOTDIR/);
    expect(run?.finishedAt).not.toBeNull();
  });
});

describe('maintenance.purge_tokens', () => {
  it('deletes expired and used tokens and long-ended sessions, in batches, and keeps the live ones', async () => {
    const db = t.platform.database.db;
    const user = await buildUser(db);
    const ver = (expiresAt: Date, consumedAt: Date | null = null) => ({
      userId: user.id,
      purpose: 'signup' as const,
      email: user.email,
      codeHash: hash(),
      linkTokenHash: hash(),
      expiresAt,
      consumedAt,
    });
    const v = await db
      .insert(emailVerifications)
      .values([
        ver(ago(2 * DAY)),
        ver(ago(3 * DAY)),
        ver(new Date(Date.now() + DAY), ago(2 * DAY)),
        ver(ago(-DAY)),
      ])
      .returning({ id: emailVerifications.id });
    const p = await db
      .insert(passwordTokens)
      .values([
        { userId: user.id, tokenHash: hash(), expiresAt: ago(-DAY), usedAt: ago(2 * DAY) },
        // Used an hour ago: kept a day, so its link still says "already used".
        { userId: user.id, tokenHash: hash(), expiresAt: ago(-DAY), usedAt: ago(3_600_000) },
      ])
      .returning({ id: passwordTokens.id });
    const c = await db
      .insert(loginChallenges)
      .values([
        { userId: user.id, tokenHash: hash(), expiresAt: ago(2 * DAY) },
        { userId: user.id, tokenHash: hash(), expiresAt: ago(-60_000) },
      ])
      .returning({ id: loginChallenges.id });
    const session = (o: Partial<typeof sessions.$inferInsert>) => ({
      userId: user.id,
      tokenHash: hash(),
      expiresAt: ago(-DAY),
      ...o,
    });
    const s = await db
      .insert(sessions)
      .values([
        session({ revokedAt: ago(8 * DAY) }),
        session({ expiresAt: ago(8 * DAY) }),
        session({ lastSeenAt: ago(t.config.session.idleMs + 8 * DAY) }),
        session({ revokedAt: ago(DAY) }),
        session({}),
      ])
      .returning({ id: sessions.id });

    const run = await service().execute('purge_tokens', { trigger: 'cli' });
    expect(run?.status).toBe('succeeded');
    expect(run?.trigger).toBe('cli');
    const result = run?.result as Record<string, number>;
    expect(result.emailVerifications).toBeGreaterThanOrEqual(3);
    expect(result.sessions).toBeGreaterThanOrEqual(3);

    const ids = async (
      table: typeof emailVerifications | typeof passwordTokens | typeof loginChallenges | typeof sessions,
      of: { id: string }[],
    ) =>
      (
        await db
          .select({ id: table.id })
          .from(table)
          .where(
            inArray(
              table.id,
              of.map((r) => r.id),
            ),
          )
      ).map((r) => r.id);
    expect(await ids(emailVerifications, v)).toEqual([v[3]?.id]);
    expect(await ids(passwordTokens, p)).toEqual([p[1]?.id]);
    expect(await ids(loginChallenges, c)).toEqual([c[1]?.id]);
    expect((await ids(sessions, s)).sort()).toEqual([s[3]?.id, s[4]?.id].sort());
  });

  it('leaves a user able to sign in afterwards (live sessions and fresh tokens are untouched)', async () => {
    const user = await buildUser(t.platform.database.db);
    const client = await signInAs(t, user);
    await service().execute('purge_tokens');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });
});
