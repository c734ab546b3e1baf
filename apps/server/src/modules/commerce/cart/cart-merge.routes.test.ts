import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantCourse, paidCourse } from '../../../../test/commerce-cart.ts';
import { student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { buildCoupon, buildProduct } from '../../../seed/commerce-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const course = (id: string) => ({ itemType: 'course', itemId: id });
const product = (id: string, quantity?: number) => ({ itemType: 'product', itemId: id, quantity });

describe('POST /api/cart/merge', () => {
  it("merges a guest's cart: duplicates once, bad and unavailable ids skipped with their code", async () => {
    const { user, client } = await student(t);
    const inCart = await paidCourse(t, { priceMinor: 100_000 });
    const fresh = await paidCourse(t, { priceMinor: 50_000 });
    const free = await paidCourse(t, { priceMinor: 0 });
    const owned = await paidCourse(t);
    const usd = await paidCourse(t, { currency: 'USD', priceMinor: 1_000 });
    const box = await buildProduct(db(), { type: 'physical', stock: 4, priceMinor: 10_000 });
    await grantCourse(t, user.id, owned.id);
    await client.post('/api/cart/items', course(inCart.id));
    await client.post('/api/cart/items', product(box.id, 1));
    const missing = randomUUID();
    const res = await client.post('/api/cart/merge', {
      items: [
        course(inCart.id),
        course(fresh.id),
        course(fresh.id),
        course(free.id),
        course(owned.id),
        course(usd.id),
        course(missing),
        product(box.id, 3),
        product(box.id, 2),
      ],
    });
    expect(res.statusCode).toBe(200);
    const { cart, skipped } = res.json();
    expect(cart.items.map((i: { itemId: string; quantity: number }) => [i.itemId, i.quantity])).toEqual([
      [inCart.id, 1],
      [box.id, 3],
      [fresh.id, 1],
    ]);
    expect(cart.quote.totalMinor).toBe(100_000 + 3 * 10_000 + 50_000);
    expect(skipped.map((s: { itemId: string; code: string }) => [s.itemId, s.code])).toEqual([
      [free.id, 'course_is_free'],
      [owned.id, 'already_enrolled'],
      [usd.id, 'cart_currency_mismatch'],
      [missing, 'not_found'],
    ]);
    // The same guest cart merged again changes nothing.
    const again = (
      await client.post('/api/cart/merge', { items: [product(box.id, 3), course(fresh.id)] })
    ).json();
    expect(again.cart.count).toBe(cart.count);
  });

  it('takes the currency of the guest cart when the account cart is empty', async () => {
    const { client } = await student(t);
    const usd = await paidCourse(t, { currency: 'USD', priceMinor: 1_500 });
    const { cart, skipped } = (await client.post('/api/cart/merge', { items: [course(usd.id)] })).json();
    expect([cart.currency, cart.quote.totalMinor, skipped]).toEqual(['USD', 1_500, []]);
  });

  it('refuses more than 50 items or a quantity over 99', async () => {
    const { client } = await student(t);
    const items = Array.from({ length: 51 }, () => course(randomUUID()));
    expect((await client.post('/api/cart/merge', { items })).statusCode).toBe(400);
    const big = await client.post('/api/cart/merge', { items: [product(randomUUID(), 100)] });
    expect(big.statusCode).toBe(400);
  });
});

describe('POST /api/cart/preview', () => {
  it("prices a guest's cart from the tables, with the coupon they typed", async () => {
    const c = await paidCourse(t, { priceMinor: 80_000 });
    const draft = await paidCourse(t, { status: 'draft' });
    const coupon = await buildCoupon(db(), { percentOff: 10 });
    const missing = randomUUID();
    const res = await new Client(t.app).post('/api/cart/preview', {
      items: [course(c.id), course(c.id), course(draft.id), course(missing)],
      couponCode: coupon.code.toLowerCase(),
    });
    expect(res.statusCode).toBe(200);
    const { cart, skipped } = res.json();
    expect(cart.items.map((i: { itemId: string; problem: string | null }) => [i.itemId, i.problem])).toEqual([
      [c.id, null],
      [draft.id, 'not_for_sale'],
    ]);
    expect(cart.quote).toMatchObject({ subtotalMinor: 80_000, discountMinor: 8_000, totalMinor: 72_000 });
    expect(cart.quote.coupon).toEqual({ code: coupon.code, problem: null });
    expect(skipped).toEqual([{ itemType: 'course', itemId: missing, code: 'not_found' }]);
  });
});
