import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { paidCourse, paidOrderOf } from '../../../../test/orders.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { enrollments, payments, users } from '../../../db/schema/index.ts';
import { manualClock } from '../../../platform/clock.ts';
import { buildPendingOrder } from '../../../seed/commerce-factories.ts';
import { buildUser } from '../../../seed/factories.ts';
import { ledger } from '../../commerce/ledger/ledger.ts';

// The database may be shared with other suites: every figure is read over a range in a year of its own
// (long past), where only this file's rows fall. The academy's time zone is Asia/Karachi (UTC+5).
// Not a leap year: the expected previous period below ends on 28 February.
const year = 1973 + 4 * randomInt(0, 7) + randomInt(0, 3);
const day = (md: string) => `${year}-${md}`;
/** An instant given in Karachi time. */
const pkt = (md: string, hm = '12:00') => new Date(`${year}-${md}T${hm}:00+05:00`);

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ env: { SITE_TIME_ZONE: 'Asia/Karachi' } });
  admin = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
async function userAt(at: Date, role: 'student' | 'instructor' = 'student') {
  const u = await buildUser(db(), { role });
  await db().update(users).set({ createdAt: at }).where(eq(users.id, u.id));
  return u;
}
const dashboard = async (q: string) => {
  const res = await admin.get(`/api/admin/dashboard?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/admin/dashboard', () => {
  it('returns 401 signed out and 404 to a student or an instructor', async () => {
    expect((await new Client(t.app).get('/api/admin/dashboard')).statusCode).toBe(401);
    for (const role of ['student', 'instructor'] as const) {
      const c = await signInAs(t, await buildUser(db(), { role }));
      expect((await c.get('/api/admin/dashboard')).statusCode).toBe(404);
    }
  });

  it('refuses a range that ends before it starts, is one day, is over two years or is not a date', async () => {
    for (const q of [
      `from=${day('03-10')}&to=${day('03-01')}`,
      `from=${day('03-10')}&to=${day('03-10')}`,
      `from=${year}-01-01&to=${year + 3}-01-01`,
    ]) {
      const res = await admin.get(`/api/admin/dashboard?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('invalid_date_range');
    }
    const bad = await admin.get('/api/admin/dashboard?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('defaults to the 30 days ending today, by day, and is never cached', async () => {
    const res = await admin.get('/api/admin/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const body = res.json();
    expect(body.range).toMatchObject({ days: 30, bucket: 'day', timeZone: 'Asia/Karachi' });
    expect(body.series.points).toHaveLength(30);
    expect(body.series.points.at(-1).start).toBe(body.range.to);
  });

  it('counts sign-ups, enrollments, paid orders, refunds and failed payments of the range in Karachi days', async () => {
    // 20:30 UTC on 28 February is already 1 March in Karachi: it belongs to the range and its first day.
    await userAt(new Date(`${year}-02-28T20:30:00Z`));
    await userAt(pkt('03-05'), 'instructor');
    await userAt(pkt('03-05'));
    await userAt(pkt('02-20')); // the previous period (9 Feb – 28 Feb)
    await userAt(new Date(`${year}-03-10T19:30:00Z`)); // 11 March in Karachi: after the range

    const buyer = await userAt(pkt('02-01'));
    const course = await paidCourse(t, 400_000);
    const other = await paidCourse(t, 100_000);
    const { order } = await paidOrderOf(t, buyer, [course], { paidAt: pkt('03-03') });
    await paidOrderOf(t, buyer, [other], { paidAt: pkt('02-25') }); // previous period
    await db()
      .update(enrollments)
      .set({ grantedAt: pkt('03-03') })
      .where(eq(enrollments.courseId, course.course.id));
    // A partial refund on 4 March: the cash account gives back 150,000.
    await ledger.post(db(), {
      kind: 'refund',
      currency: 'PKR',
      orderId: order.id,
      lines: [
        { account: 'cash:manual', amountMinor: -150_000 },
        { account: 'revenue:academy', amountMinor: 150_000 },
      ],
      at: pkt('03-04'),
    });
    const failed = await buildPendingOrder(db(), { userId: buyer.id, courses: [course.course] });
    await db()
      .update(payments)
      .set({ status: 'failed', createdAt: pkt('03-06') })
      .where(eq(payments.id, failed.payment.id));

    const body = await dashboard(`from=${day('03-01')}&to=${day('03-10')}`);
    expect(body.range).toMatchObject({
      from: day('03-01'),
      to: day('03-10'),
      days: 10,
      previousFrom: day('02-19'),
      previousTo: day('02-28'),
      bucket: 'day',
    });
    expect(body.newUsers).toEqual({ value: 3, previous: 1, changePercent: 200 });
    expect(body.newEnrollments).toEqual({ value: 1, previous: 1, changePercent: 0 });
    expect(body.ordersPaid).toEqual({ value: 1, previous: 1, changePercent: 0 });
    expect(body.failedPayments).toMatchObject({ value: 1, previous: 0 });
    expect(body.revenue).toEqual([
      {
        currency: 'PKR',
        grossMinor: 400_000,
        refundedMinor: 150_000,
        net: { value: 250_000, previous: 100_000, changePercent: 150 },
      },
    ]);

    const points = body.series.points as {
      start: string;
      signUps: number;
      enrollments: number;
      orders: number;
      revenueMinor: Record<string, number>;
    }[];
    expect(body.series.currencies).toEqual(['PKR']);
    expect(points.map((p) => p.start)).toEqual(
      Array.from({ length: 10 }, (_, i) => day(`03-${String(i + 1).padStart(2, '0')}`)),
    );
    const at = (md: string) => points.find((p) => p.start === day(md));
    expect(at('03-01')).toMatchObject({ signUps: 1, orders: 0, revenueMinor: { PKR: 0 } });
    expect(at('03-03')).toMatchObject({
      signUps: 0,
      enrollments: 1,
      orders: 1,
      revenueMinor: { PKR: 400_000 },
    });
    expect(at('03-04')).toMatchObject({ orders: 0, revenueMinor: { PKR: -150_000 } });
    expect(at('03-05')).toMatchObject({ signUps: 2 });
    expect(at('03-10')).toEqual({
      start: day('03-10'),
      signUps: 0,
      enrollments: 0,
      orders: 0,
      revenueMinor: { PKR: 0 },
    });
  });

  it('buckets by week up to 26 weeks and by month beyond, zero-filled', async () => {
    const weeks = await dashboard(`from=${day('05-01')}&to=${day('07-31')}`);
    expect(weeks.range.bucket).toBe('week');
    const starts = weeks.series.points.map((p: { start: string }) => p.start);
    // Weeks start on Monday: the first bucket holds 1 May, whatever weekday it is.
    expect(new Date(`${starts[0]}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(starts[0] <= day('05-01')).toBe(true);
    expect(starts).toHaveLength(new Set(starts).size);

    await userAt(pkt('09-15'));
    await userAt(pkt('09-30', '23:30'));
    const months = await dashboard(`from=${day('06-01')}&to=${year}-12-31`);
    expect(months.range.bucket).toBe('month');
    expect(months.series.points.map((p: { start: string; signUps: number }) => [p.start, p.signUps])).toEqual(
      [
        [day('06-01'), 0],
        [day('07-01'), 0],
        [day('08-01'), 0],
        [day('09-01'), 2],
        [day('10-01'), 0],
        [day('11-01'), 0],
        [day('12-01'), 0],
      ],
    );
  });

  it('counts the totals of now: users by role, pending manual payments', async () => {
    const before = await dashboard('');
    await buildUser(db(), { role: 'instructor' });
    await buildUser(db(), { role: 'student', suspended: true });
    const after = await dashboard('');
    expect(after.users.byRole.instructor - before.users.byRole.instructor).toBeGreaterThanOrEqual(1);
    expect(after.users.total - before.users.total).toBeGreaterThanOrEqual(2);
    expect(after.users.suspended - before.users.suspended).toBeGreaterThanOrEqual(1);
    expect(after.courses.total).toBe(
      Object.values(after.courses.byStatus as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    expect(after.pendingManualPayments.count).toBeGreaterThanOrEqual(0);
  });
});

describe('the dashboard cache (DASHBOARD_CACHE_SECONDS)', () => {
  it('reuses the figures of a range for its time, shares one count between concurrent readers, then counts again', async () => {
    const clock = manualClock();
    const cached = await createTestApp({ clock, env: { DASHBOARD_CACHE_SECONDS: '60' } });
    try {
      const boss = await signInAs(cached, await buildUser(cached.platform.database.db, { role: 'admin' }));
      const read = async () => (await boss.get('/api/admin/dashboard')).json();
      const [first, concurrent] = await Promise.all([read(), read()]);
      expect(concurrent).toEqual(first);
      const count = () => cached.platform.database.queryCount();
      await buildUser(cached.platform.database.db, { role: 'instructor' });
      clock.advance(59_000);
      const q0 = count();
      const within = await read();
      const q1 = count();
      expect(within.users.total).toBe(first.users.total); // not counted again
      expect(q1 - q0).toBeLessThanOrEqual(2); // the session lookup (and its touch) only
      clock.advance(2_000);
      const after = await read();
      expect(after.users.total - first.users.total).toBeGreaterThanOrEqual(1);
      expect(count() - q1).toBeGreaterThan(10); // every figure counted again
    } finally {
      await cached.close();
    }
  });
});
