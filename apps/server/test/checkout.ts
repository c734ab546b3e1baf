import { randomUUID } from 'node:crypto';
import { cartItems, carts } from '../src/db/schema/index.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../src/seed/factories.ts';
import { uniqueWord } from './catalog.ts';
import type { Client, TestApp } from './harness.ts';

/** A published paid course (two lessons) by a fresh instructor. */
export async function paidCourse(t: TestApp, o: { priceMinor?: number; currency?: 'PKR' | 'USD' } = {}) {
  const db = t.platform.database.db;
  const instructor = await buildUser(db, { role: 'instructor' });
  const course = await buildCourse(db, {
    instructorId: instructor.id,
    title: `Paid course ${uniqueWord()}`,
    status: 'published',
    priceMinor: o.priceMinor ?? 500_000,
    currency: o.currency ?? 'PKR',
  });
  const section = await buildSection(db, { courseId: course.id });
  const lessons = [
    await buildLesson(db, { sectionId: section.id }),
    await buildLesson(db, { sectionId: section.id }),
  ];
  return { course, instructor, lessons };
}

/** Put items in a user's cart as the cart slice would (its API may not be merged yet). */
export async function fillCart(
  t: TestApp,
  userId: string,
  items: ({ courseId: string } | { productId: string; quantity?: number })[],
  couponCode: string | null = null,
) {
  const db = t.platform.database.db;
  const [cart] = await db
    .insert(carts)
    .values({ userId, couponCode })
    .onConflictDoUpdate({ target: carts.userId, set: { couponCode } })
    .returning();
  if (!cart) throw new Error('fillCart: no cart');
  for (const i of items)
    await db
      .insert(cartItems)
      .values(
        'courseId' in i
          ? { cartId: cart.id, itemType: 'course', courseId: i.courseId }
          : { cartId: cart.id, itemType: 'product', productId: i.productId, quantity: i.quantity ?? 1 },
      );
  return cart;
}

export const contact = { name: 'Ayesha Buyer', email: 'ayesha@example.test' };

/** Place an order through the API with the test provider unless told. */
export function placeOrder(client: Client, body: Record<string, unknown> = {}, key: string = randomUUID()) {
  return client.request(
    'POST',
    '/api/checkout/orders',
    { contact, country: 'PK', provider: 'test', ...body },
    { 'idempotency-key': key },
  );
}

/** The simulated card page's button, as the browser presses it. */
export function pressTestPay(client: Client, redirectUrl: string, outcome: 'pay' | 'decline' | 'delay') {
  const ref = redirectUrl.split('/').pop();
  return client.post(`/api/payments/test/${ref}/${outcome}`);
}

/** What one order's fulfilment left behind, counted in the database. */
export async function fulfilmentFigures(t: TestApp, orderId: string, userId: string, email: string) {
  const q = async (sql: string, params: unknown[]) =>
    Number((await t.platform.database.raw.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  return {
    enrollments: await q(
      `select count(*) as n from enrollments where user_id = $1 and source = 'purchase' and source_ref = $2`,
      [userId, orderId],
    ),
    receipts: await q(
      `select count(*) as n from mail_messages where "to" = $1 and template = 'orderReceipt'`,
      [email],
    ),
    saleMovements: await q(
      `select count(distinct movement_id) as n from ledger_entries where order_id = $1 and kind = 'sale'`,
      [orderId],
    ),
    grants: await q(
      'select count(*) as n from download_grants g join order_items i on i.id = g.order_item_id where i.order_id = $1',
      [orderId],
    ),
    fulfilled: await q(
      `select count(*) as n from payment_events where order_id = $1 and outcome = 'fulfilled'`,
      [orderId],
    ),
  };
}
