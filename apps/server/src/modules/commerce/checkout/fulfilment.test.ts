import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fillCart,
  fulfilmentFigures,
  paidCourse,
  placeOrder,
  pressTestPay,
} from '../../../../test/checkout.ts';
import { student } from '../../../../test/course-progress.ts';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { buildProduct, buildShippingRate } from '../../../seed/commerce-factories.ts';
import { ledger } from '../ledger/ledger.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TEST_PAYMENTS: 'true' } });
});
afterAll(async () => t?.close());

const raw = () => t.platform.database.raw;
const one = async <T>(sql: string, params: unknown[]) => (await raw().query<T>(sql, params)).rows[0] as T;

/** A buyer with a paid course, a digital and a physical product in the cart, and an order placed. */
async function placedOrder() {
  const db = t.platform.database.db;
  const s = await student(t);
  const { course, instructor, lessons } = await paidCourse(t);
  const ebook = await buildProduct(db, {
    type: 'digital',
    priceMinor: 90_000,
    fileKey: 'products/ebook.pdf',
  });
  const mug = await buildProduct(db, { type: 'physical', priceMinor: 120_000, stock: 5 });
  const { rate } = await buildShippingRate(db, { countries: ['PK'] });
  await fillCart(t, s.user.id, [
    { courseId: course.id },
    { productId: ebook.id },
    { productId: mug.id, quantity: 2 },
  ]);
  const res = await placeOrder(s.client, {
    shippingRateId: rate.id,
    shippingAddress: { name: 'A B', line1: '1 Mall Road', city: 'Lahore', country: 'PK' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const placed = res.json() as { orderNumber: string; redirectUrl: string };
  const order = await one<{ id: string; total_minor: number }>(
    'select id, total_minor from orders where number = $1',
    [placed.orderNumber],
  );
  return { ...s, course, instructor, lessons, ebook, mug, placed, order };
}

describe('the one fulfilment', () => {
  it('20 concurrent deliveries of a success (the same event from the return page, and fresh events) fulfil once', async () => {
    const b = await placedOrder();
    // The provider knows the attempt succeeded; its webhook has not arrived yet.
    await raw().query(
      `update test_payment_sessions set outcome = 'succeeded', seq = 1 where provider_ref = $1`,
      [b.placed.redirectUrl.split('/').pop()],
    );
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => b.client.get(`/api/orders/${b.placed.orderNumber}/status`)),
    );
    expect(statuses.every((r) => r.statusCode === 200)).toBe(true);
    const presses = await Promise.all(
      Array.from({ length: 20 }, () => pressTestPay(b.client, b.placed.redirectUrl, 'pay')),
    );
    expect(presses.every((r) => r.statusCode === 200)).toBe(true);

    const figures = await fulfilmentFigures(t, b.order.id, b.user.id, 'ayesha@example.test');
    const deliveries = await one<{ n: string }>(
      'select count(*) as n from payment_events where order_id = $1',
      [b.order.id],
    );
    const grants = await one<{ n: string }>(
      'select count(*) as n from download_grants g join order_items i on i.id = g.order_item_id where i.order_id = $1',
      [b.order.id],
    );
    const stock = await one<{ stock: number }>('select stock from products where id = $1', [b.mug.id]);
    const order = await one<{ status: string }>('select status from orders where id = $1', [b.order.id]);
    console.log('20x concurrent success', {
      deliveries: 40,
      distinctEventsRecorded: Number(deliveries.n),
      ...figures,
      grants: Number(grants.n),
      stock: stock.stock,
    });
    expect(figures.fulfilled).toBe(1);
    expect(figures.enrollments).toBe(1);
    expect(figures.saleMovements).toBe(1);
    expect(Number(grants.n)).toBe(1);
    expect(stock.stock).toBe(3);
    expect(order.status).toBe('processing'); // the mug ships
    const receipts = await one<{ n: string }>(
      `select count(*) as n from mail_messages where template = 'orderReceipt' and subject like $1`,
      [`%${b.placed.orderNumber}%`],
    );
    expect(Number(receipts.n)).toBe(1);
    expect(await ledger.unbalanced(t.platform.database.db)).toEqual([]);
  });

  it('posts a balanced sale: the instructor gets the configured share of the course, the academy the rest', async () => {
    const b = await placedOrder();
    expect((await pressTestPay(b.client, b.placed.redirectUrl, 'pay')).statusCode).toBe(200);
    const rows = (
      await raw().query<{ account: string; amount_minor: number; user_id: string | null }>(
        'select account, amount_minor, user_id from ledger_entries where order_id = $1 order by account',
        [b.order.id],
      )
    ).rows;
    const by = (a: string) => rows.find((r) => r.account === a);
    expect(by('cash:test')?.amount_minor).toBe(b.order.total_minor);
    const share = Math.floor((500_000 * t.config.commerce.revenueSharePercent) / 100);
    expect(by('payable:instructor')).toMatchObject({ amount_minor: -share, user_id: b.instructor.id });
    expect(rows.reduce((a, r) => a + r.amount_minor, 0)).toBe(0);
    const cart = await one<{ n: string }>(
      'select count(*) as n from cart_items ci join carts c on c.id = ci.cart_id where c.user_id = $1',
      [b.user.id],
    );
    expect(Number(cart.n)).toBe(0);
  });

  it('takes only the bought lines out of the cart (and its coupon), and records pending → paid → processing', async () => {
    const b = await placedOrder();
    // Added after the order was placed: not bought, so it stays in the cart.
    const later = await paidCourse(t);
    expect(
      (await b.client.post('/api/cart/items', { itemType: 'course', itemId: later.course.id })).statusCode,
    ).toBe(200);
    await b.client.request('PUT', '/api/cart/coupon', { code: 'SOME-CODE' });
    expect((await pressTestPay(b.client, b.placed.redirectUrl, 'pay')).statusCode).toBe(200);
    const cart = (await b.client.get('/api/cart')).json();
    expect([cart.couponCode, cart.items.map((i: { itemId: string }) => i.itemId)]).toEqual([
      null,
      [later.course.id],
    ]);
    const order = await one<{ status: string; paid: boolean; provider: string; fulfilled: boolean }>(
      'select status, paid_at is not null as paid, provider, fulfilled_at is not null as fulfilled from orders where id = $1',
      [b.order.id],
    );
    expect(order).toEqual({ status: 'processing', paid: true, provider: 'test', fulfilled: false });
    const steps = (
      await raw().query<{ from_status: string | null; to_status: string }>(
        `select from_status, to_status from order_events where order_id = $1 and type = 'status_changed'`,
        [b.order.id],
      )
    ).rows.map((r) => `${r.from_status}→${r.to_status}`);
    expect(steps.sort()).toEqual(['null→pending', 'paid→processing', 'pending→paid'].sort());
  });

  it('out of order: failed then succeeded → paid; succeeded then failed or pending → still paid', async () => {
    const a = await placedOrder();
    await pressTestPay(a.client, a.placed.redirectUrl, 'decline');
    let st = (await a.client.get(`/api/orders/${a.placed.orderNumber}/status`)).json();
    expect([st.status, st.payment.errorCode, st.canRetry]).toEqual(['pending', 'card_declined', true]);
    await pressTestPay(a.client, a.placed.redirectUrl, 'pay');
    st = (await a.client.get(`/api/orders/${a.placed.orderNumber}/status`)).json();
    expect([st.status, st.paid]).toEqual(['processing', true]);

    const b = await placedOrder();
    await pressTestPay(b.client, b.placed.redirectUrl, 'pay');
    await pressTestPay(b.client, b.placed.redirectUrl, 'decline');
    await pressTestPay(b.client, b.placed.redirectUrl, 'delay');
    st = (await b.client.get(`/api/orders/${b.placed.orderNumber}/status`)).json();
    expect([st.status, st.payment.status]).toEqual(['processing', 'succeeded']);
    const outcomes = (
      await raw().query<{ outcome: string }>(
        'select outcome from payment_events where order_id = $1 order by received_at',
        [b.order.id],
      )
    ).rows.map((r) => r.outcome);
    expect(outcomes).toEqual(['fulfilled', 'ignored_after_paid', 'ignored']);
    expect((await fulfilmentFigures(t, b.order.id, b.user.id, 'x')).enrollments).toBe(1);
  });

  it('a reported amount that differs from the attempt is recorded and leaves the order pending', async () => {
    const b = await placedOrder();
    const ref = b.placed.redirectUrl.split('/').pop();
    await raw().query('update test_payment_sessions set amount_minor = 1 where provider_ref = $1', [ref]);
    await pressTestPay(b.client, b.placed.redirectUrl, 'pay');
    const p = await one<{ error_code: string; status: string }>(
      'select error_code, status from payments where provider_ref = $1',
      [ref],
    );
    const order = await one<{ status: string }>('select status from orders where id = $1', [b.order.id]);
    expect([p.error_code, order.status]).toEqual(['amount_mismatch', 'pending']);
  });

  it('a delayed confirmation is pending first, then paid by the job', async () => {
    const b = await placedOrder();
    const res = await pressTestPay(b.client, b.placed.redirectUrl, 'delay');
    expect(res.json().outcome).toBe('delayed');
    let st = (await b.client.get(`/api/orders/${b.placed.orderNumber}/status`)).json();
    expect([st.status, st.payment.status]).toEqual(['pending', 'pending']);
    const deadline = Date.now() + 20_000;
    while (st.status === 'pending' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      st = (await b.client.get(`/api/orders/${b.placed.orderNumber}/status`)).json();
    }
    expect(st.status).toBe('processing');
  }, 30_000);
});
