import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { fillCart, paidCourse, placeOrder, pressTestPay } from '../../../../test/checkout.ts';
import { student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { ledgerEntries, orderItems, orders } from '../../../db/schema/index.ts';
import { manualClock } from '../../../platform/clock.ts';
import { buildTaxRate } from '../../../seed/commerce-factories.ts';

// Months far from any other test's, since a shared PostgreSQL holds every suite's ledger.
const clock = manualClock(new Date('2031-07-10T09:00:00Z'));
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { TEST_PAYMENTS: 'true', SITE_TIME_ZONE: 'Asia/Karachi' } });
  await buildTaxRate(t.platform.database.db, { country: 'NO', rateBasisPoints: 1000 });
});
afterAll(async () => t?.close());
const db = () => t.platform.database.db;

/** A student buys these courses through the checkout and the test provider (tax 10 % added, Norway). */
async function buy(courseIds: string[]) {
  const s = await student(t);
  await fillCart(
    t,
    s.user.id,
    courseIds.map((courseId) => ({ courseId })),
  );
  const placed = await placeOrder(s.client, { country: 'NO' });
  expect(placed.statusCode, placed.body).toBe(201);
  const { orderNumber, redirectUrl } = placed.json();
  expect((await pressTestPay(s.client, redirectUrl, 'pay')).statusCode).toBe(200);
  const [order] = await db().select().from(orders).where(eq(orders.number, orderNumber));
  if (!order) throw new Error('no order');
  const items = await db().select().from(orderItems).where(eq(orderItems.orderId, order.id));
  return { ...s, order, items };
}

/** What the ledger owes an instructor for a month, summed directly. */
async function owedInLedger(userId: string, month: string) {
  const [r] = await db()
    .select({ sum: sql<string>`coalesce(sum(${ledgerEntries.amountMinor}), 0)` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.account, 'payable:instructor'),
        eq(ledgerEntries.userId, userId),
        sql`to_char(${ledgerEntries.createdAt} at time zone 'Asia/Karachi', 'YYYY-MM') = ${month}`,
      ),
    );
  return 0 - Number(r?.sum ?? 0) || 0;
}

describe('instructor earnings and the revenue report', () => {
  it('match the ledger month by month through checkout sales and a card refund', async () => {
    const a = await paidCourse(t, { priceMinor: 500_000 });
    const b = await paidCourse(t, { priceMinor: 200_000 });
    clock.set(new Date('2031-07-15T10:00:00Z'));
    const first = await buy([a.course.id, b.course.id]);
    clock.set(new Date('2031-08-03T10:00:00Z'));
    const second = await buy([a.course.id]);
    // Sessions go idle across the months the clock jumps: sign in again.
    admin = (await signedIn(t, 'admin')).client;
    const line = second.items[0];
    expect(line).toMatchObject({ totalMinor: 550_000, taxMinor: 50_000 });
    const refund = await admin.post(`/api/admin/orders/${second.order.number}/refunds`, {
      items: [{ orderItemId: line?.id, quantity: 1 }],
      reason: 'Refund within 14 days',
    });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json()).toMatchObject({ status: 'succeeded', provider: 'test', amountMinor: 550_000 });
    expect((await second.client.get(`/api/learning/lessons/${a.lessons[0]?.id}`)).statusCode).not.toBe(200);
    const firstBuyer = await signInAs(t, first.user);
    expect((await firstBuyer.get(`/api/learning/lessons/${a.lessons[0]?.id}`)).statusCode).toBe(200);

    const teacher = await signInAs(t, a.instructor);
    const earnings = (await teacher.get('/api/studio/earnings?from=2031-07&to=2031-08')).json();
    expect(earnings).toMatchObject({
      sharePercent: 70,
      months: [
        {
          month: '2031-08',
          currency: 'PKR',
          grossMinor: 500_000,
          shareMinor: 350_000,
          refundedMinor: 350_000,
          netMinor: 0,
          sales: 1,
        },
        {
          month: '2031-07',
          currency: 'PKR',
          grossMinor: 500_000,
          shareMinor: 350_000,
          refundedMinor: 0,
          netMinor: 350_000,
          sales: 1,
        },
      ],
      totals: [{ currency: 'PKR', shareMinor: 700_000, netMinor: 350_000 }],
    });
    for (const m of earnings.months) expect(m.netMinor).toBe(await owedInLedger(a.instructor.id, m.month));
    const other = (
      await (await signInAs(t, b.instructor)).get('/api/studio/earnings?from=2031-07&to=2031-08')
    ).json();
    expect(other.months).toMatchObject([{ month: '2031-07', shareMinor: 140_000, sales: 1 }]);

    const report = (await admin.get('/api/admin/revenue?month=2031-07')).json();
    expect(report.courses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          courseId: a.course.id,
          grossMinor: 500_000,
          instructorShareMinor: 350_000,
          academyShareMinor: 150_000,
          sales: 1,
        }),
        expect.objectContaining({
          courseId: b.course.id,
          grossMinor: 200_000,
          instructorShareMinor: 140_000,
          academyShareMinor: 60_000,
        }),
      ]),
    );
    expect(report.instructors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: a.instructor.id, email: a.instructor.email, shareMinor: 350_000 }),
      ]),
    );
    const august = (await admin.get('/api/admin/revenue?month=2031-08')).json();
    expect(august.courses).toEqual(
      expect.arrayContaining([expect.objectContaining({ courseId: a.course.id, refundedMinor: 550_000 })]),
    );
    const balance = (await admin.get('/api/admin/ledger/balance')).json();
    expect(balance.balanced).toBe(true);
    expect(balance.currencies).toEqual(expect.arrayContaining([{ currency: 'PKR', sumMinor: 0 }]));
    expect(balance.accounts.map((x: { account: string }) => x.account)).toEqual(
      expect.arrayContaining(['cash:test', 'liability:tax', 'payable:instructor', 'revenue:academy']),
    );
  });

  it('exports the month as CSV: BOM, CRLF, formula-safe titles', async () => {
    const c = await paidCourse(t, { priceMinor: 100_000 });
    await db().execute(sql`update courses set title = ${'=HYPERLINK("x")'} where id = ${c.course.id}`);
    clock.set(new Date('2031-09-05T10:00:00Z'));
    await buy([c.course.id]);
    admin = (await signedIn(t, 'admin')).client;
    const res = await admin.get('/api/admin/revenue.csv?month=2031-09');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="revenue-2031-09.csv"');
    expect(res.body.startsWith('\uFEFFKind,Name,Email,Currency,Sales')).toBe(true);
    expect(res.body).toContain('\r\ncourse,"\'=HYPERLINK(""x"")",,PKR,1,100000,70000,30000,0\r\n');
  });

  it('keeps admin routes from students and instructors, and earnings from students', async () => {
    const s = await student(t);
    admin = (await signedIn(t, 'admin')).client;
    const teacher = (await signedIn(t, 'instructor')).client;
    for (const url of [
      '/api/admin/revenue?month=2031-07',
      '/api/admin/revenue.csv?month=2031-07',
      '/api/admin/ledger/balance',
    ]) {
      expect((await new Client(t.app).get(url)).statusCode).toBe(401);
      expect((await s.client.get(url)).statusCode).toBe(404);
      expect((await teacher.get(url)).statusCode).toBe(404);
    }
    expect((await s.client.get('/api/studio/earnings')).statusCode).toBe(404);
    expect((await teacher.get('/api/studio/earnings?from=2031-13')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/revenue?month=July')).statusCode).toBe(400);
    const mine = (await teacher.get('/api/studio/earnings')).json();
    expect(mine).toMatchObject({ months: [], totals: [] });
  });
});
