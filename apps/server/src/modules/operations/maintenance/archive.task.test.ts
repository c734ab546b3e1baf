import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import type { Db } from '../../../db/client.ts';
import {
  archivedRecords,
  authEvents,
  courseEvents,
  orders,
  paymentEvents,
} from '../../../db/schema/index.ts';
import { systemClock } from '../../../platform/clock.ts';
import { buildCourse, buildUser } from '../../../seed/factories.ts';
import { archiveOld } from './archive.task.ts';
import { createMaintenanceService } from './maintenance.service.ts';

let t: TestApp;
let db: Db;
let admin: Client;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  // Its archives act on every row: on PostgreSQL, away from the other tests' data.
  t = await createTestApp({ ownDatabase: true });
  db = t.platform.database.db;
  admin = await signInAs(t, await buildUser(db, { role: 'admin' }));
});
afterAll(async () => t?.close());

const service = () =>
  createMaintenanceService({
    database: t.platform.database,
    jobs: t.platform.jobs,
    clock: systemClock,
    config: t.config,
    log: t.app.log,
    batchSize: 2,
  });

async function buildOrder(userId: string, status: (typeof orders.$inferInsert)['status'], updatedAt: Date) {
  const [o] = await db
    .insert(orders)
    .values({
      number: `ORD-${randomBytes(4).toString('hex').toUpperCase()}`,
      userId,
      status,
      currency: 'PKR',
      subtotalMinor: 1000,
      totalMinor: 1000,
      contactName: 'Archive Buyer',
      contactEmail: 'buyer@example.test',
      createdAt: new Date(updatedAt.getTime() - DAY),
      updatedAt,
    })
    .returning();
  if (!o) throw new Error('no order');
  return o;
}

const old = () => ago((t.config.operations.archive.ordersAfterDays + 10) * DAY);
const oldEvent = () => ago((t.config.operations.archive.eventsAfterDays + 10) * DAY);

describe('maintenance.archive', () => {
  it('archives finished orders past the age (never deleting them) and hides them from the admin list by default', async () => {
    const buyer = await buildUser(db);
    const fulfilled = await buildOrder(buyer.id, 'fulfilled', old());
    const refunded = await buildOrder(buyer.id, 'refunded', old());
    const cancelled = await buildOrder(buyer.id, 'cancelled', old());
    const delivered = await buildOrder(buyer.id, 'delivered', old());
    const pending = await buildOrder(buyer.id, 'pending', old());
    const partial = await buildOrder(buyer.id, 'partially_refunded', old());
    const recent = await buildOrder(buyer.id, 'fulfilled', ago(DAY));
    const mine = [fulfilled, refunded, cancelled, delivered, pending, partial, recent];

    const run = await service().execute('archive');
    expect(run?.status).toBe('succeeded');
    expect((run?.result as { ordersArchived: number } | undefined)?.ordersArchived).toBeGreaterThanOrEqual(4);
    const rows = await db
      .select()
      .from(orders)
      .where(
        inArray(
          orders.id,
          mine.map((o) => o.id),
        ),
      );
    expect(rows).toHaveLength(mine.length);
    const archived = rows.filter((o) => o.archivedAt !== null).map((o) => o.number);
    expect(archived.sort()).toEqual([fulfilled, refunded, cancelled, delivered].map((o) => o.number).sort());
    // The order's own last change is untouched.
    expect(rows.find((o) => o.id === fulfilled.id)?.updatedAt.toISOString()).toBe(
      fulfilled.updatedAt.toISOString(),
    );

    const q = `q=${encodeURIComponent('buyer@example.test')}&limit=100`;
    const numbers = async (extra: string) =>
      (
        (await admin.get(`/api/admin/orders?${q}${extra}`)).json().items as {
          number: string;
          archivedAt: string | null;
        }[]
      ).filter((o) => mine.some((m) => m.number === o.number));
    const byDefault = await numbers('');
    expect(byDefault.map((o) => o.number).sort()).toEqual(
      [pending, partial, recent].map((o) => o.number).sort(),
    );
    expect((await numbers('&archived=include')).length).toBe(7);
    const only = await numbers('&archived=only');
    expect(only.map((o) => o.number).sort()).toEqual(archived.sort());
    expect(only.every((o) => o.archivedAt !== null)).toBe(true);
    const bad = await admin.get('/api/admin/orders?archived=maybe');
    expect(bad.statusCode).toBe(400);
    // The order itself still opens.
    expect((await admin.get(`/api/admin/orders/${fulfilled.number}`)).statusCode).toBe(200);
  });

  it('moves old course, auth and finished-order payment events to the archive whole, losing none, even run twice at once', async () => {
    const instructor = await buildUser(db, { role: 'instructor' });
    const course = await buildCourse(db, { instructorId: instructor.id });
    const student = await buildUser(db);
    const ce = await db
      .insert(courseEvents)
      .values([
        ...Array.from({ length: 5 }, () => ({
          userId: student.id,
          courseId: course.id,
          type: 'course_viewed',
          createdAt: oldEvent(),
        })),
        { userId: student.id, courseId: course.id, type: 'course_viewed', createdAt: ago(DAY) },
      ])
      .returning();
    const ae = await db
      .insert(authEvents)
      .values([
        ...Array.from({ length: 3 }, (_, i) => ({
          type: 'login_failed',
          userId: student.id,
          email: student.email,
          createdAt: oldEvent(),
          details: { n: i },
        })),
        { type: 'login_failed', userId: student.id, email: student.email, createdAt: ago(DAY) },
      ])
      .returning();
    const done = await buildOrder(student.id, 'fulfilled', ago(DAY));
    const open = await buildOrder(student.id, 'pending', ago(DAY));
    const tag = randomBytes(4).toString('hex');
    const pe = await db
      .insert(paymentEvents)
      .values([
        {
          provider: 'test',
          eventId: `${tag}-1`,
          type: 'paid',
          orderId: done.id,
          outcome: 'fulfilled',
          receivedAt: oldEvent(),
        },
        {
          provider: 'test',
          eventId: `${tag}-2`,
          type: 'paid',
          orderId: done.id,
          outcome: 'already_paid',
          receivedAt: oldEvent(),
        },
        { provider: 'test', eventId: `${tag}-3`, type: 'created', orderId: open.id, receivedAt: oldEvent() },
      ])
      .returning();
    const ceIds = ce.map((e) => e.id);
    const aeIds = ae.map((e) => e.id);
    const peIds = pe.map((e) => `test:${e.eventId}`);

    // The task itself twice at once (no job lock): skip-locked batches still move each row once.
    const ctx = {
      database: t.platform.database,
      clock: systemClock,
      config: t.config,
      log: t.app.log,
      batchSize: 2,
    };
    await Promise.all([archiveOld(ctx), archiveOld(ctx)]);

    const kept = async (source: string, ids: string[]) =>
      db
        .select()
        .from(archivedRecords)
        .where(and(eq(archivedRecords.source, source), inArray(archivedRecords.originalId, ids)));
    const liveCe = await db.select().from(courseEvents).where(inArray(courseEvents.id, ceIds));
    const archivedCe = await kept('course_events', ceIds);
    expect(liveCe.map((e) => e.id)).toEqual([ce[5]?.id]);
    expect(archivedCe).toHaveLength(5);
    expect(liveCe.length + archivedCe.length).toBe(ce.length);
    const first = archivedCe.find((r) => r.originalId === ce[0]?.id);
    expect(first?.payload).toMatchObject({
      id: ce[0]?.id,
      course_id: course.id,
      user_id: student.id,
      type: 'course_viewed',
    });
    expect(first?.occurredAt.toISOString()).toBe(ce[0]?.createdAt.toISOString());

    const liveAe = await db.select().from(authEvents).where(inArray(authEvents.id, aeIds));
    const archivedAe = await kept('auth_events', aeIds);
    expect(liveAe.length + archivedAe.length).toBe(ae.length);
    expect(archivedAe).toHaveLength(3);
    expect(archivedAe.map((r) => (r.payload as { details: { n: number } }).details.n).sort()).toEqual([
      0, 1, 2,
    ]);

    const livePe = await db
      .select()
      .from(paymentEvents)
      .where(inArray(paymentEvents.orderId, [done.id, open.id]));
    const archivedPe = await kept('payment_events', peIds);
    expect(livePe.map((e) => e.eventId)).toEqual([`${tag}-3`]);
    expect(archivedPe.map((r) => r.originalId).sort()).toEqual([`test:${tag}-1`, `test:${tag}-2`]);

    // And once more: nothing left to move among these, nothing copied twice.
    await service().execute('archive');
    expect(await kept('course_events', ceIds)).toHaveLength(5);
    expect(await kept('payment_events', peIds)).toHaveLength(2);
  });
});
