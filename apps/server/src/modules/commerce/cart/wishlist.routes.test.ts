import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidCourse } from '../../../../test/commerce-cart.ts';
import { student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { buildProduct } from '../../../seed/commerce-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const course = (id: string) => ({ itemType: 'course', itemId: id });

describe('the wishlist', () => {
  it('returns 401 without a session', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/wishlist')).statusCode).toBe(401);
    expect((await anon.post('/api/wishlist', course(randomUUID()))).statusCode).toBe(401);
  });

  it('saves an item once, lists it and removes it; 404 for unknown items and others’ rows', async () => {
    const a = await student(t);
    const b = await student(t);
    const c = await paidCourse(t, { priceMinor: 70_000 });
    await Promise.all([
      a.client.post('/api/wishlist', course(c.id)),
      a.client.post('/api/wishlist', course(c.id)),
    ]);
    const list = (await a.client.get('/api/wishlist')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ itemId: c.id, priceMinor: 70_000, available: true, slug: c.slug });
    const id = list.items[0].id;
    expect((await a.client.post('/api/wishlist', course(randomUUID()))).statusCode).toBe(404);
    expect((await b.client.delete(`/api/wishlist/${id}`)).statusCode).toBe(404);
    expect((await b.client.post(`/api/wishlist/${id}/move-to-cart`)).statusCode).toBe(404);
    expect((await a.client.post('/api/wishlist', { ...course(c.id), priceMinor: 1 })).statusCode).toBe(400);
    expect((await a.client.delete(`/api/wishlist/${id}`)).json().items).toEqual([]);
  });

  it('refuses an item that is not for sale', async () => {
    const { client } = await student(t);
    const draft = await buildProduct(t.platform.database.db, { status: 'draft' });
    const res = await client.post('/api/wishlist', { itemType: 'product', itemId: draft.id });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'not_for_sale']);
  });

  it('moves an item to the cart, and keeps it when the cart refuses it', async () => {
    const { client } = await student(t);
    const pkr = await paidCourse(t, { priceMinor: 60_000 });
    const usd = await paidCourse(t, { currency: 'USD', priceMinor: 900 });
    await client.post('/api/wishlist', course(pkr.id));
    const items = (await client.post('/api/wishlist', course(usd.id))).json().items;
    const idOf = (courseId: string) => items.find((i: { itemId: string }) => i.itemId === courseId).id;
    const moved = await client.post(`/api/wishlist/${idOf(pkr.id)}/move-to-cart`);
    expect([moved.statusCode, moved.json().quote.totalMinor]).toEqual([200, 60_000]);
    const refused = await client.post(`/api/wishlist/${idOf(usd.id)}/move-to-cart`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'cart_currency_mismatch']);
    const left = (await client.get('/api/wishlist')).json().items;
    expect(left.map((i: { itemId: string }) => i.itemId)).toEqual([usd.id]);
  });
});
