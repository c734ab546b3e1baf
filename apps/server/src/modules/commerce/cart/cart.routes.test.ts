import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantCourse, paidCourse } from '../../../../test/commerce-cart.ts';
import { student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, externalDatabaseUrl, type TestApp } from '../../../../test/harness.ts';
import { manualClock } from '../../../platform/clock.ts';
import { buildCoupon, buildProduct, buildTaxRate } from '../../../seed/commerce-factories.ts';

const clock = manualClock(new Date('2026-06-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const course = (id: string) => ({ itemType: 'course', itemId: id });
const product = (id: string, quantity?: number) => ({ itemType: 'product', itemId: id, quantity });

describe('the cart', () => {
  it('returns 401 without a session', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/cart')).statusCode).toBe(401);
    expect((await anon.post('/api/cart/items', course(randomUUID()))).statusCode).toBe(401);
    expect((await anon.post('/api/cart/merge', { items: [] })).statusCode).toBe(401);
  });

  it('adds a paid course once, priced from the table, and removes it', async () => {
    const { client } = await student(t);
    const c = await paidCourse(t, { priceMinor: 420_000 });
    expect((await client.get('/api/cart')).json()).toMatchObject({ items: [], quote: null, count: 0 });
    const [a, b] = await Promise.all([
      client.post('/api/cart/items', course(c.id)),
      client.post('/api/cart/items', course(c.id)),
    ]);
    expect([a.statusCode, b.statusCode], b.body).toEqual([200, 200]);
    const cart = (await client.get('/api/cart')).json();
    expect(cart.items).toHaveLength(1);
    expect(cart).toMatchObject({ currency: 'PKR', count: 1, unavailable: [] });
    expect(cart.quote).toMatchObject({ subtotalMinor: 420_000, totalMinor: 420_000, taxMinor: 0 });
    // The signed-in state carries the count, for the header's badge.
    expect((await client.get('/api/auth/me')).json().cartCount).toBe(1);
    const removed = await client.delete(`/api/cart/items/${cart.items[0].id}`);
    expect(removed.json()).toMatchObject({ items: [], currency: null, quote: null });
    expect((await client.get('/api/auth/me')).json().cartCount).toBe(0);
  });

  it('refuses a free, unpublished, unknown or already owned course', async () => {
    const { user, client } = await student(t);
    const free = await paidCourse(t, { priceMinor: 0 });
    const draft = await paidCourse(t, { status: 'draft' });
    const owned = await paidCourse(t);
    await grantCourse(t, user.id, owned.id);
    const codes = [];
    for (const id of [free.id, draft.id, owned.id, randomUUID()]) {
      const res = await client.post('/api/cart/items', course(id));
      codes.push([res.statusCode, res.json().error.code]);
    }
    expect(codes).toEqual([
      [409, 'course_is_free'],
      [409, 'not_for_sale'],
      [409, 'already_enrolled'],
      [404, 'not_found'],
    ]);
  });

  it('shows a line the buyer has come to own as already enrolled, by the clock of the app', async () => {
    const { user, client } = await student(t);
    const c = await paidCourse(t);
    await client.post('/api/cart/items', course(c.id));
    const problems = async () => {
      const res = await client.get('/api/cart');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().unavailable.map((u: { itemId: string; problem: string }) => [u.itemId, u.problem]);
    };
    expect(await problems()).toEqual([]);
    await grantCourse(t, user.id, c.id);
    // Access until an hour after the app's clock (2026-06-01), a time the wall clock has passed.
    const raw = t.platform.database.raw;
    const until = new Date(clock.now().getTime() + 3_600_000);
    await raw.query('update enrollments set expires_at = $1 where user_id = $2', [until, user.id]);
    expect(await problems()).toEqual([[c.id, 'already_enrolled']]);
    clock.advance(2 * 3_600_000);
    try {
      expect(await problems()).toEqual([]);
      expect((await client.post('/api/cart/items', course(c.id))).statusCode).toBe(200);
    } finally {
      clock.advance(-2 * 3_600_000);
    }
  });

  it('keeps one currency a cart (409 cart_currency_mismatch), and takes another once empty', async () => {
    const { client } = await student(t);
    const pkr = await paidCourse(t);
    const usd = await paidCourse(t, { currency: 'USD', priceMinor: 2_500 });
    const first = (await client.post('/api/cart/items', course(pkr.id))).json();
    const res = await client.post('/api/cart/items', course(usd.id));
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'cart_currency_mismatch']);
    await client.delete(`/api/cart/items/${first.items[0].id}`);
    const now = await client.post('/api/cart/items', course(usd.id));
    expect([now.statusCode, now.json().currency, now.json().quote.totalMinor]).toEqual([200, 'USD', 2_500]);
  });

  it('limits physical goods to their stock and 99, and digital goods to one', async () => {
    const { client } = await student(t);
    const box = await buildProduct(db(), { type: 'physical', stock: 3, priceMinor: 10_000 });
    const ebook = await buildProduct(db(), { type: 'digital', priceMinor: 5_000 });
    const gone = await buildProduct(db(), { type: 'physical', stock: 0 });
    expect((await client.post('/api/cart/items', product(box.id, 2))).statusCode).toBe(200);
    const over = await client.post('/api/cart/items', product(box.id, 2));
    expect([over.statusCode, over.json().error.code, over.json().error.details]).toEqual([
      409,
      'out_of_stock',
      { available: 3 },
    ]);
    const empty = await client.post('/api/cart/items', product(gone.id));
    expect([empty.statusCode, empty.json().error.code]).toEqual([409, 'out_of_stock']);
    const cart = (await client.post('/api/cart/items', product(ebook.id, 5))).json();
    const line = (id: string) => cart.items.find((i: { itemId: string }) => i.itemId === id);
    expect([line(box.id).quantity, line(ebook.id).quantity, line(box.id).maxQuantity]).toEqual([2, 1, 3]);
    expect(cart.quote.subtotalMinor).toBe(2 * 10_000 + 5_000);
    const three = await client.patch(`/api/cart/items/${line(box.id).id}`, { quantity: 3 });
    expect(three.json().quote.subtotalMinor).toBe(3 * 10_000 + 5_000);
    // The header's count is the view's: three boxes and one ebook.
    expect([three.json().count, (await client.get('/api/auth/me')).json().cartCount]).toEqual([4, 4]);
    const four = await client.patch(`/api/cart/items/${line(box.id).id}`, { quantity: 4 });
    expect([four.statusCode, four.json().error.code]).toEqual([409, 'out_of_stock']);
    for (const quantity of [0, 100, 1.5, '2'])
      expect((await client.patch(`/api/cart/items/${line(box.id).id}`, { quantity })).statusCode).toBe(400);
    const digital = await client.patch(`/api/cart/items/${line(ebook.id).id}`, { quantity: 7 });
    expect(digital.json().items.find((i: { itemId: string }) => i.itemId === ebook.id).quantity).toBe(1);
  });

  it('refuses tampered bodies: a price, a total or an unknown field is 400', async () => {
    const { client } = await student(t);
    const c = await paidCourse(t);
    for (const body of [
      { ...course(c.id), priceMinor: 1 },
      { ...course(c.id), totalMinor: 1 },
      { itemType: 'bundle', itemId: c.id },
      { itemType: 'course', itemId: 'not-a-uuid' },
    ]) {
      const res = await client.post('/api/cart/items', body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([
        400,
        'validation_failed',
      ]);
    }
    const merge = await client.post('/api/cart/merge', { items: [{ ...course(c.id), unitPriceMinor: 1 }] });
    expect(merge.statusCode).toBe(400);
    const preview = await new Client(t.app).post('/api/cart/preview', { items: [], totalMinor: 0 });
    expect(preview.statusCode).toBe(400);
  });

  it("answers 404 for another user's line", async () => {
    const a = await student(t);
    const b = await student(t);
    const c = await paidCourse(t);
    const line = (await a.client.post('/api/cart/items', course(c.id))).json().items[0].id;
    expect((await b.client.delete(`/api/cart/items/${line}`)).statusCode).toBe(404);
    expect((await b.client.patch(`/api/cart/items/${line}`, { quantity: 1 })).statusCode).toBe(404);
    expect((await a.client.get('/api/cart')).json().items).toHaveLength(1);
  });

  it('shows a line that stopped being for sale as unavailable and leaves it out of the quote', async () => {
    const { client } = await student(t);
    const c = await paidCourse(t, { priceMinor: 100_000 });
    const p = await buildProduct(db(), { type: 'physical', stock: 5, priceMinor: 20_000 });
    await client.post('/api/cart/items', course(c.id));
    await client.post('/api/cart/items', product(p.id, 2));
    await t.platform.database.raw.query(`update products set status = 'archived' where id = $1`, [p.id]);
    const cart = (await client.get('/api/cart')).json();
    expect(cart.unavailable.map((u: { itemId: string; problem: string }) => [u.itemId, u.problem])).toEqual([
      [p.id, 'not_for_sale'],
    ]);
    expect(cart.quote.totalMinor).toBe(100_000);
  });

  it('adds the tax of a country when asked', async () => {
    const { client } = await student(t);
    const c = await paidCourse(t, { currency: 'USD', priceMinor: 10_000 });
    // A user-assigned code (XA–XZ): no other test's tax rate on a shared database.
    const country = `X${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`;
    await buildTaxRate(db(), { country, rateBasisPoints: 2000 });
    await client.post('/api/cart/items', course(c.id));
    const taxed = (await client.get(`/api/cart?country=${country.toLowerCase()}`)).json().quote;
    expect([taxed.taxMinor, taxed.totalMinor]).toEqual([2_000, 12_000]);
    expect((await client.get('/api/cart')).json().quote.taxMinor).toBe(0);
    expect((await client.get('/api/cart?country=GBR')).statusCode).toBe(400);
  });

  // PostgreSQL only: the embedded database serves one connection, so no change can wait for a lock.
  it.runIf(externalDatabaseUrl)(
    'reads the lines another change committed while it waited for the cart lock (no line twice, no quantity lost)',
    async () => {
      const { user, client } = await student(t);
      const c = await paidCourse(t, { priceMinor: 100_000 });
      const box = await buildProduct(db(), { type: 'physical', stock: 9, priceMinor: 10_000 });
      expect((await client.post('/api/cart/items', product(box.id, 1))).statusCode).toBe(200);
      const pool = t.platform.database.pool as pg.Pool;
      // Another tab's change holds the cart's lock: it adds the course and raises the box to 3.
      const other = await pool.connect();
      try {
        await other.query('begin');
        const { rows } = await other.query<{ id: string }>(
          'select id from carts where user_id = $1 for update',
          [user.id],
        );
        const cartId = rows[0]?.id;
        await other.query(
          `insert into cart_items (id, cart_id, item_type, course_id, quantity, added_at)
           values ($1, $2, 'course', $3, 1, now())`,
          [randomUUID(), cartId, c.id],
        );
        await other.query('update cart_items set quantity = 3 where cart_id = $1 and product_id = $2', [
          cartId,
          box.id,
        ]);
        // This tab adds the same course and one more box: both wait for the lock...
        const addCourse = client.post('/api/cart/items', course(c.id));
        const addBox = client.post('/api/cart/items', product(box.id, 1));
        await expect
          .poll(async () => {
            const waiting = await pool.query(
              `select count(*)::int as n from pg_stat_activity
                where wait_event_type = 'Lock' and datname = current_database()`,
            );
            return waiting.rows[0].n;
          })
          .toBe(2);
        await other.query('commit');
        // ...and then see what it committed.
        const answers = await Promise.all([addCourse, addBox]);
        expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      } finally {
        other.release();
      }
      const cart = (await client.get('/api/cart')).json();
      expect(
        cart.items.map((i: { itemId: string; quantity: number }) => [i.itemId, i.quantity]).sort(),
      ).toEqual(
        [
          [box.id, 4],
          [c.id, 1],
        ].sort(),
      );
    },
  );
});

describe('the cart coupon', () => {
  async function cartWith(priceMinor = 100_000) {
    const s = await student(t);
    const c = await paidCourse(t, { priceMinor });
    await s.client.post('/api/cart/items', course(c.id));
    return { ...s, course: c };
  }
  const put = async (client: Client, code: string) =>
    (await client.request('PUT', '/api/cart/coupon', { code })).json();

  it('applies a valid coupon (any case) and takes it off again', async () => {
    const { client } = await cartWith(100_000);
    const coupon = await buildCoupon(db(), { percentOff: 25 });
    const cart = await put(client, coupon.code.toLowerCase());
    expect(cart.couponCode).toBe(coupon.code);
    expect(cart.quote).toMatchObject({ discountMinor: 25_000, totalMinor: 75_000 });
    expect(cart.quote.coupon).toEqual({ code: coupon.code, problem: null });
    const off = (await client.delete('/api/cart/coupon')).json();
    expect([off.couponCode, off.quote.coupon, off.quote.totalMinor]).toEqual([null, null, 100_000]);
  });

  it('keeps a coupon that does not apply and says why', async () => {
    const { client, course: c } = await cartWith(100_000);
    const other = await paidCourse(t);
    const cases = [
      [await buildCoupon(db(), { endsAt: new Date('2026-05-01T00:00:00Z') }), 'expired'],
      [await buildCoupon(db(), { minOrderMinor: 200_000, currency: 'PKR' }), 'minimum_not_met'],
      [
        await buildCoupon(db(), { targets: [{ targetType: 'course', targetId: other.id }] }),
        'not_applicable',
      ],
      [await buildCoupon(db(), { maxRedemptions: 1, redeemedCount: 1 }), 'used_up'],
      [await buildCoupon(db(), { kind: 'fixed', amountOffMinor: 500, currency: 'USD' }), 'wrong_currency'],
      [await buildCoupon(db(), { active: false }), 'inactive'],
      [await buildCoupon(db(), { targets: [{ targetType: 'course', targetId: c.id }] }), null],
    ] as const;
    for (const [coupon, problem] of cases) {
      const cart = await put(client, coupon.code);
      expect([cart.quote.coupon.problem, cart.quote.discountMinor > 0], coupon.code).toEqual([
        problem,
        problem === null,
      ]);
    }
    const unknown = await put(client, 'NO-SUCH-CODE');
    expect([unknown.quote.coupon.problem, unknown.quote.totalMinor]).toEqual(['unknown', 100_000]);
  });

  it('keeps the code on a cart emptied of its lines, and prices it again once a line comes back', async () => {
    const { client, course: c } = await cartWith(100_000);
    const coupon = await buildCoupon(db(), { percentOff: 10 });
    const line = (await put(client, coupon.code)).items[0];
    const empty = (await client.delete(`/api/cart/items/${line.id}`)).json();
    expect(empty).toEqual({
      currency: null,
      couponCode: coupon.code,
      items: [],
      unavailable: [],
      quote: null,
      count: 0,
    });
    expect((await client.get('/api/cart')).json()).toEqual(empty);
    const back = (await client.post('/api/cart/items', course(c.id))).json();
    expect([back.couponCode, back.count, back.quote.totalMinor]).toEqual([coupon.code, 1, 90_000]);
  });

  it('reads the courses and products of one cart together', async () => {
    const { client, course: c } = await cartWith(100_000);
    const digital = await buildProduct(db(), { type: 'digital', priceMinor: 5_000 });
    const physical = await buildProduct(db(), { type: 'physical', stock: 3, priceMinor: 2_000 });
    await client.post('/api/cart/items', product(digital.id));
    const cart = (await client.post('/api/cart/items', product(physical.id, 2))).json();
    // The test clock stands still: lines added at the same instant come in id order.
    const got = cart.items.map((i: { itemId: string; quantity: number }) => [i.itemId, i.quantity]);
    expect(got.sort()).toEqual(
      [
        [c.id, 1],
        [digital.id, 1],
        [physical.id, 2],
      ].sort(),
    );
    expect(cart).toMatchObject({ count: 4, unavailable: [] });
    expect(cart.quote).toMatchObject({ subtotalMinor: 109_000, requiresShipping: true });
  });

  it('refuses an empty or overlong code', async () => {
    const { client } = await cartWith();
    for (const code of ['', '   ', 'X'.repeat(41)])
      expect((await client.request('PUT', '/api/cart/coupon', { code })).statusCode).toBe(400);
  });
});
