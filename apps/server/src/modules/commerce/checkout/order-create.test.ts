import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCart, paidCourse, placeOrder } from '../../../../test/checkout.ts';
import { student } from '../../../../test/course-progress.ts';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { orderItems, orders } from '../../../db/schema/index.ts';
import { withFreshNumber } from './order-create.ts';
import { newOrderNumber } from './order-number.ts';
import { ordersRepo } from './orders.repo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TEST_PAYMENTS: 'true' } });
});
afterAll(async () => t?.close());

/** An order placed through the API, and a transaction that writes a copy of it under a given number. */
async function orderAndCopier() {
  const db = t.platform.database.db;
  const s = await student(t);
  const { course } = await paidCourse(t);
  await fillCart(t, s.user.id, [{ courseId: course.id }]);
  const res = await placeOrder(s.client);
  expect(res.statusCode, res.body).toBe(201);
  const { orderNumber } = res.json() as { orderNumber: string };
  const [placed] = await db.select().from(orders).where(eq(orders.number, orderNumber));
  if (!placed) throw new Error('no order');
  const lines = await db.select().from(orderItems).where(eq(orderItems.orderId, placed.id));
  const runs: string[] = [];
  const copy = (number: string) =>
    db.transaction(async (tx) => {
      runs.push(number);
      const id = randomUUID();
      await ordersRepo.insertPlacedOrder(tx, {
        order: { ...placed, id, number, idempotencyKeyHash: randomUUID() },
        items: lines.map((l) => ({ ...l, id: randomUUID(), orderId: id })),
        redemption: null,
        payment: {
          id: randomUUID(),
          orderId: id,
          provider: 'test',
          amountMinor: placed.totalMinor,
          currency: placed.currency,
          status: 'created',
        },
        event: { type: 'status_changed', toStatus: 'pending', actorId: s.user.id },
      });
      return id;
    });
  return { orderNumber, runs, copy };
}

describe('an order number that is taken', () => {
  it('runs the transaction again under another number, and the first try leaves nothing behind', async () => {
    const { orderNumber, runs, copy } = await orderAndCopier();
    const fresh = newOrderNumber();
    const draws = [orderNumber, fresh];
    const id = await withFreshNumber(copy, () => draws.shift() ?? newOrderNumber());
    expect(runs).toEqual([orderNumber, fresh]);
    const db = t.platform.database.db;
    const [copied] = await db.select().from(orders).where(eq(orders.id, id));
    expect(copied?.number).toBe(fresh);
    expect((await db.select().from(orderItems).where(eq(orderItems.orderId, id))).length).toBe(1);
    // The clash rolled the first try back whole: one order under the taken number, the original.
    expect((await db.select().from(orders).where(eq(orders.number, orderNumber))).length).toBe(1);
  });

  it('gives up after five taken numbers with the database error', async () => {
    const { orderNumber, runs, copy } = await orderAndCopier();
    await expect(withFreshNumber(copy, () => orderNumber)).rejects.toThrow();
    expect(runs.length).toBe(5);
  });
});
