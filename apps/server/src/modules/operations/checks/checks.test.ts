import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lt } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import {
  authEvents,
  jobRuns,
  mailMessages,
  manualPaymentProofs,
  payments,
  refunds,
} from '../../../db/schema/index.ts';
import { errorLogCounter, loggerOptions } from '../../../platform/logger.ts';
import { buildPendingOrder } from '../../../seed/commerce-factories.ts';
import { buildCourse, buildUser } from '../../../seed/factories.ts';
import { createRequestRecorder } from '../metrics/request-recorder.ts';
import { createRuntimeMonitor } from '../metrics/runtime-monitor.ts';
import {
  authFailuresCheck,
  backupCheck,
  mailCheck,
  manualPaymentsCheck,
  paymentsCheck,
  restoreDrillCheck,
} from './activity.checks.ts';
import { advisoriesCheck } from './advisories.check.ts';
import type { CheckContext } from './check.types.ts';
import { apiLatencyCheck, databaseCheck, diskCheck, errorLogCheck, memoryCheck } from './system.checks.ts';

/**
 * Each check's states from real rows. Every run reads the tables "as at" a moment of its own in the
 * past (a moment of its own, centuries ago), and every window is bounded by that moment, so the rows other tests
 * write today on a shared database never enter these windows.
 */
let t: TestApp;
let dir: string;
/**
 * The rows these tests date before the year 2000 (no other test does): removed before and after, so a
 * database kept between runs holds none of an earlier run's ("older than 24 h" has no lower bound).
 */
async function removeOldRows() {
  const cut = new Date('2000-01-01T00:00:00Z');
  await db().delete(manualPaymentProofs).where(lt(manualPaymentProofs.createdAt, cut));
  await db().delete(refunds).where(lt(refunds.createdAt, cut));
  await db().delete(payments).where(lt(payments.createdAt, cut));
  await db().delete(mailMessages).where(lt(mailMessages.createdAt, cut));
  await db().delete(authEvents).where(lt(authEvents.createdAt, cut));
  await db().delete(jobRuns).where(lt(jobRuns.startedAt, cut));
}
beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'checks-'));
  await removeOldRows();
});
afterAll(async () => {
  if (t) await removeOldRows();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const db = () => t.platform.database.db;
const H = 3_600_000;
const DAY = 86_400_000;
// This run's moments: 30 days apart, from a random start in the years 1000–1999 (before any real row,
// and apart from another run's on a database that is kept).
const BASE = Date.UTC(1000, 0, 1) + Math.floor(Math.random() * 600) * 600 * DAY;
let moments = 0;
const aMoment = () => new Date(BASE + ++moments * 30 * DAY);
const before = (now: Date, ms: number) => new Date(now.getTime() - ms);

function ctx(now: Date, o: Partial<CheckContext> = {}): CheckContext {
  return {
    now,
    database: t.platform.database,
    dataDir: t.config.dataDir,
    logDir: null,
    errorLog: errorLogCounter(pino(loggerOptions(t.config.log), pino.destination('/dev/null'))),
    requests: createRequestRecorder(),
    runtime: createRuntimeMonitor(),
    publicUrl: new URL('http://localhost:3000'),
    auditReportPath: join(dir, 'missing.json'),
    listeners: [],
    ...o,
  };
}

describe('database', () => {
  it('is OK with the ping time in the details', async () => {
    const r = await databaseCheck.run(ctx(new Date()));
    expect(['ok', 'warn']).toContain(r.state);
    expect(r.details).toMatchObject({ kind: t.platform.database.kind, latencyMs: expect.any(Number) });
  });
});

describe('disk', () => {
  it('measures DATA_DIR and the log directory, and turns WARN and CRIT at the thresholds given', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'checks-logs-'));
    const c = ctx(new Date(), { logDir });
    const ok = await diskCheck({ warnRatio: 0, critRatio: 0 }).run(c);
    expect(ok.state).toBe('ok');
    expect(((ok.details?.volumes ?? []) as { label: string }[]).map((v) => v.label)).toEqual([
      'data',
      'logs',
    ]);
    expect((await diskCheck({ warnRatio: 1.01, critRatio: 0 }).run(c)).state).toBe('warn');
    const crit = await diskCheck({ warnRatio: 1.01, critRatio: 1.01 }).run(c);
    expect(crit).toMatchObject({
      state: 'crit',
      message: expect.stringMatching(/^Disk almost full: .* free on /),
    });
    rmSync(logDir, { recursive: true, force: true });
  });
});

describe('error log', () => {
  it('counts error lines written through the logger and its children', async () => {
    const logger = pino(loggerOptions(t.config.log), pino.destination('/dev/null'));
    const errorLog = errorLogCounter(logger);
    const c = ctx(new Date(), { errorLog });
    expect((await errorLogCheck.run(c)).state).toBe('ok');
    const child = logger.child({ reqId: 'r1' });
    for (let i = 0; i < 10; i++) child.error('boom');
    logger.warn('not an error');
    expect(await errorLogCheck.run(c)).toMatchObject({ state: 'warn', details: { lines: 10 } });
    for (let i = 0; i < 90; i++) logger.fatal('worse');
    expect((await errorLogCheck.run(c)).state).toBe('crit');
    expect(errorLog.total()).toBe(100);
  });
});

describe('failed authentication', () => {
  async function failures(now: Date, n: number, ageMs: number, ip = '10.1.2.3') {
    if (n === 0) return;
    await db()
      .insert(authEvents)
      .values(
        Array.from({ length: n }, (_, i) => ({
          type: i % 5 === 0 ? 'sign_in_throttled' : 'sign_in_failure',
          email: 'victim@example.test',
          ip,
          createdAt: before(now, ageMs + i),
        })),
      );
  }
  it('is OK under the floor, WARN past it and thrice the average, CRIT for a large spike', async () => {
    const now = aMoment();
    await failures(now, 24, 5 * H); // one an hour on average before
    await failures(now, 5, 10 * 60_000);
    expect((await authFailuresCheck.run(ctx(now))).state).toBe('ok');
    await failures(now, 20, 20 * 60_000);
    const warn = await authFailuresCheck.run(ctx(now));
    expect(warn).toMatchObject({ state: 'warn', details: { lastHour: 25, previousHourlyAverage: 1 } });
    expect(warn.details?.topIps).toEqual([{ ip: '10.1.2.3', n: 25 }]);
    await failures(now, 100, 30 * 60_000, '10.9.9.9');
    expect((await authFailuresCheck.run(ctx(now))).state).toBe('crit');
  });
  it('stays OK when the last hour is like the day before', async () => {
    const now = aMoment();
    await failures(now, 24 * 30, 2 * H); // 30 an hour before
    await failures(now, 30, 10 * 60_000);
    expect((await authFailuresCheck.run(ctx(now))).state).toBe('ok');
  });
});

describe('mail', () => {
  const mail = (now: Date, status: 'failed' | 'queued', ageMs: number) => ({
    to: `m-${randomBytes(3).toString('hex')}@example.test`,
    subject: 'x',
    template: 'verifyEmail',
    bodyEnc: 'x',
    status,
    transport: 'smtp',
    // Past the sweep's retry limit, so no worker of a shared database picks these up.
    attempts: 20,
    lastError: status === 'failed' ? '550 mailbox unavailable' : null,
    createdAt: before(now, ageMs),
    updatedAt: before(now, ageMs),
  });
  it('is WARN for a failed mail, CRIT for ten, and reports the last error', async () => {
    const now = aMoment();
    expect((await mailCheck.run(ctx(now))).state).toBe('ok');
    await db()
      .insert(mailMessages)
      .values(mail(now, 'failed', H));
    expect(await mailCheck.run(ctx(now))).toMatchObject({
      state: 'warn',
      details: { failedLast24h: 1, lastError: '550 mailbox unavailable' },
    });
    // A failure older than 24 h no longer counts.
    await db()
      .insert(mailMessages)
      .values(Array.from({ length: 9 }, () => mail(now, 'failed', 30 * H)));
    expect((await mailCheck.run(ctx(now))).state).toBe('warn');
    await db()
      .insert(mailMessages)
      .values(Array.from({ length: 9 }, () => mail(now, 'failed', 2 * H)));
    expect((await mailCheck.run(ctx(now))).state).toBe('crit');
  });
  it('is WARN for mail queued over 15 minutes and CRIT past an hour', async () => {
    const now = aMoment();
    await db()
      .insert(mailMessages)
      .values(mail(now, 'queued', 5 * 60_000));
    expect((await mailCheck.run(ctx(now))).state).toBe('ok');
    await db()
      .insert(mailMessages)
      .values(mail(now, 'queued', 20 * 60_000));
    expect(await mailCheck.run(ctx(now))).toMatchObject({
      state: 'warn',
      details: { queuedOver15Minutes: 1 },
    });
    await db()
      .insert(mailMessages)
      .values(mail(now, 'queued', 2 * H));
    expect((await mailCheck.run(ctx(now))).state).toBe('crit');
  });
});

describe('backup and restore drill', () => {
  const run = (job: string, now: Date, ageMs: number, o: Partial<typeof jobRuns.$inferInsert> = {}) =>
    db()
      .insert(jobRuns)
      .values({
        job,
        status: 'succeeded',
        trigger: 'schedule',
        startedAt: before(now, ageMs + 60_000),
        finishedAt: before(now, ageMs),
        durationMs: 60_000,
        ...o,
      });
  it('is CRIT with no backup, OK when fresh, WARN past 26 h, CRIT past 50 h', async () => {
    const now = aMoment();
    expect(await backupCheck.run(ctx(now))).toMatchObject({
      state: 'crit',
      message: 'No backup has been made yet',
    });
    await run('backup', now, 60 * H, { result: { archive: 'old.tar.gz', sizeBytes: 1 } });
    expect((await backupCheck.run(ctx(now))).state).toBe('crit');
    await run('backup', now, 30 * H, { result: { archive: 'b.tar.gz', sizeBytes: 2 } });
    expect((await backupCheck.run(ctx(now))).state).toBe('warn');
    await run('backup', now, 2 * H, { result: { archive: 'c.tar.gz', sizeBytes: 123_456 } });
    expect(await backupCheck.run(ctx(now))).toMatchObject({
      state: 'ok',
      details: { archive: 'c.tar.gz', sizeBytes: 123_456, ageHours: 2 },
    });
    // A later failed attempt is worth a look even though the last good backup is fresh.
    await run('backup', now, H, { status: 'failed', error: 'disk full' });
    expect(await backupCheck.run(ctx(now))).toMatchObject({ state: 'warn', message: /disk full/ });
  });
  it('is WARN with no drill, OK after a passed one, CRIT after a failed one, WARN when old', async () => {
    const now = aMoment();
    expect((await restoreDrillCheck.run(ctx(now))).state).toBe('warn');
    await run('restore_drill', now, 10 * 86_400_000, { result: { ok: true, mismatches: [] } });
    expect((await restoreDrillCheck.run(ctx(now))).state).toBe('warn');
    await run('restore_drill', now, 2 * 86_400_000, { result: { ok: true, mismatches: [] } });
    expect(await restoreDrillCheck.run(ctx(now))).toMatchObject({
      state: 'ok',
      message: /passed 2 days ago in 60 s/,
    });
    await run('restore_drill', now, H, { result: { ok: false, mismatches: [{ table: 'users' }] } });
    expect(await restoreDrillCheck.run(ctx(now))).toMatchObject({
      state: 'crit',
      message: /1 mismatch with the manifest/,
    });
  });
});

describe('payments and manual payments', () => {
  async function order() {
    const buyer = await buildUser(db());
    const teacher = await buildUser(db(), { role: 'instructor' });
    const course = await buildCourse(db(), {
      instructorId: teacher.id,
      priceMinor: 100_000,
      currency: 'PKR',
    });
    return buildPendingOrder(db(), {
      userId: buyer.id,
      courses: [{ id: course.id, title: course.title, priceMinor: course.priceMinor, currency: 'PKR' }],
      provider: 'manual',
    });
  }
  it('is WARN for five failed payments in 24 h, for a failed refund, CRIT for a refund pending a day', async () => {
    const now = aMoment();
    const o = await order();
    expect((await paymentsCheck.run(ctx(now))).state).toBe('ok');
    await db()
      .insert(payments)
      .values(
        Array.from({ length: 5 }, (_, i) => ({
          orderId: o.order.id,
          provider: 'stripe' as const,
          providerRef: `cs_${randomBytes(6).toString('hex')}`,
          amountMinor: 100,
          currency: 'PKR',
          status: 'failed' as const,
          createdAt: before(now, H + i),
          updatedAt: before(now, H + i),
        })),
      );
    expect(await paymentsCheck.run(ctx(now))).toMatchObject({
      state: 'warn',
      details: { failedPayments24h: 5, failedByProvider: { stripe: 5 } },
    });
    const refund = {
      orderId: o.order.id,
      provider: 'test' as const,
      amountMinor: 100,
      currency: 'PKR',
      items: [],
    };
    const later = aMoment();
    await db()
      .insert(refunds)
      .values({ ...refund, status: 'failed', errorMessage: 'card closed', createdAt: before(later, H) });
    expect(await paymentsCheck.run(ctx(later))).toMatchObject({ state: 'warn', message: /1 failed refund/ });
    await db()
      .insert(refunds)
      .values({ ...refund, status: 'pending', createdAt: before(later, 30 * H) });
    expect((await paymentsCheck.run(ctx(later))).state).toBe('crit');
  });
  it('is WARN for a proof pending over 24 h and CRIT over 72 h', async () => {
    const now = aMoment();
    const proof = async (ageHours: number) => {
      const o = await order();
      await db()
        .insert(manualPaymentProofs)
        .values({
          orderId: o.order.id,
          paymentId: o.payment.id,
          method: 'jazzcash',
          attemptNumber: 1,
          transactionId: 'TX1',
          paidOn: '1990-01-01',
          senderAccount: '0300',
          proofKey: 'k',
          proofMime: 'image/jpeg',
          proofSizeBytes: 1,
          createdAt: before(now, ageHours * H),
        });
      return o.order.number;
    };
    await proof(2);
    expect((await manualPaymentsCheck.run(ctx(now))).state).toBe('ok');
    const number = await proof(30);
    expect(await manualPaymentsCheck.run(ctx(now))).toMatchObject({
      state: 'warn',
      details: { waitingOver24h: 1, orders: [{ number, waitingHours: 30 }] },
    });
    await proof(80);
    expect((await manualPaymentsCheck.run(ctx(now))).state).toBe('crit');
  });
});

describe('API latency', () => {
  it('judges p95 and p99 of the last 5 minutes once there are enough requests', async () => {
    const requests = createRequestRecorder();
    const c = ctx(new Date(), { requests });
    const add = (n: number, ms: number) => {
      for (let i = 0; i < n; i++)
        requests.record({ at: Date.now(), method: 'GET', route: '/api/x', status: 200, durationMs: ms });
    };
    add(5, 5_000);
    expect((await apiLatencyCheck.run(c)).message).toMatch(/Too few/);
    add(95, 10);
    // 5 % at 5 s: p95 is 10 ms, p99 is 5 s.
    expect((await apiLatencyCheck.run(c)).state).toBe('crit');
    requests.record({
      at: Date.now() - 6 * 60_000,
      method: 'GET',
      route: '/api/old',
      status: 200,
      durationMs: 9,
    });
    const fresh = createRequestRecorder();
    for (let i = 0; i < 100; i++)
      fresh.record({
        at: Date.now(),
        method: 'GET',
        route: '/api/y',
        status: 200,
        durationMs: i < 90 ? 20 : 800,
      });
    expect(await apiLatencyCheck.run(ctx(new Date(), { requests: fresh }))).toMatchObject({
      state: 'warn',
      details: { count: 100, p50: 20, p95: 800 },
    });
  });
});

describe('memory', () => {
  it('reports heap, RSS and the event-loop delay', async () => {
    const r = await memoryCheck.run(ctx(new Date()));
    expect(r.details).toMatchObject({ rssMb: expect.any(Number), heapLimitMb: expect.any(Number) });
    expect(r.message).toMatch(/^Heap .* event-loop p99/);
  });
});

describe('dependency advisories', () => {
  const report = (o: object) => {
    const path = join(dir, `audit-${randomBytes(4).toString('hex')}.json`);
    writeFileSync(
      path,
      JSON.stringify({
        generatedAt: '2026-12-01T00:00:00.000Z',
        available: true,
        error: null,
        counts: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 },
        advisories: [],
        ...o,
      }),
    );
    return ctx(new Date(), { auditReportPath: path });
  };
  it('is WARN without a report or when the registry could not be asked', async () => {
    expect(await advisoriesCheck.run(ctx(new Date()))).toMatchObject({
      state: 'warn',
      message: /No dependency audit report/,
    });
    expect(await advisoriesCheck.run(report({ available: false, error: 'offline' }))).toMatchObject({
      state: 'warn',
      message: /could not audit dependencies \(offline\)/,
    });
  });
  it('is OK with none, WARN for high or moderate, CRIT for critical, listing them', async () => {
    expect((await advisoriesCheck.run(report({}))).state).toBe('ok');
    const moderate = { info: 0, low: 0, moderate: 1, high: 0, critical: 0 };
    expect((await advisoriesCheck.run(report({ counts: moderate }))).state).toBe('warn');
    const advisory = {
      name: 'lodash',
      severity: 'critical',
      title: 'Prototype pollution',
      url: null,
      range: '<4.17.21',
      fixAvailable: true,
    };
    const crit = await advisoriesCheck.run(
      report({ counts: { ...moderate, critical: 1 }, advisories: [advisory] }),
    );
    expect(crit).toMatchObject({ state: 'crit', details: { advisories: [advisory] } });
  });
});
