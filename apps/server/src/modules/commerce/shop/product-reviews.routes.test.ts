import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { activeProduct, buyerOf } from './shop-test-support.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

const mine = (slug: string) => `/api/shop/products/${slug}/reviews/mine`;
const put = (c: Client, slug: string, body: unknown) => c.request('PUT', mine(slug), body);
const publicReviews = async (slug: string) =>
  (await new Client(t.app).get(`/api/shop/products/${slug}/reviews`)).json();
const rating = async (slug: string) => {
  const p = (await new Client(t.app).get(`/api/shop/products/${slug}`)).json();
  return { avg: p.ratingAvg, n: p.ratingCount };
};

describe('PUT /api/shop/products/:slug/reviews/mine', () => {
  it('answers 401 without a session and 403 not_a_buyer to someone who has not paid for it', async () => {
    const product = await activeProduct(t);
    expect((await put(new Client(t.app), product.slug, { rating: 5 })).statusCode).toBe(401);
    const { client } = await signedIn(t, 'student');
    const res = await put(client, product.slug, { rating: 5, body: 'Great' });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'not_a_buyer']);
    expect((await client.get(mine(product.slug))).json()).toEqual({ canReview: false, review: null });
    // An order that was never paid does not make a buyer.
    const pending = await buyerOf(t, product, 'pending');
    expect((await put(pending.client, product.slug, { rating: 4 })).json().error.code).toBe('not_a_buyer');
    const refunded = await buyerOf(t, product, 'refunded');
    expect((await put(refunded.client, product.slug, { rating: 4 })).json().error.code).toBe('not_a_buyer');
    expect((await put(client, 'no-such-product', { rating: 4 })).statusCode).toBe(404);
  });

  it('refuses a bad rating with 400', async () => {
    const product = await activeProduct(t);
    const { client } = await buyerOf(t, product);
    for (const body of [{ rating: 0 }, { rating: 6 }, { rating: 3.5 }, { rating: 4, status: 'approved' }])
      expect((await put(client, product.slug, body)).statusCode, JSON.stringify(body)).toBe(400);
  });

  it('keeps a buyer’s review pending until approved, then shows it and counts it; an edit recounts', async () => {
    const product = await activeProduct(t);
    const a = await buyerOf(t, product);
    const b = await buyerOf(t, product, 'delivered');
    const written = await put(a.client, product.slug, { rating: 4, body: 'Nice <b>paper</b>\n\nSecond' });
    expect(written.statusCode).toBe(200);
    expect(written.json()).toMatchObject({
      canReview: true,
      review: {
        rating: 4,
        status: 'pending',
        body: 'Nice <b>paper</b>\n\nSecond',
        bodyHtml: '<p>Nice &lt;b&gt;paper&lt;/b&gt;</p><p>Second</p>',
      },
    });
    expect((await publicReviews(product.slug)).items).toEqual([]);
    expect(await rating(product.slug)).toEqual({ avg: null, n: 0 });

    const queue = (await admin.get('/api/admin/product-reviews?status=pending&limit=100')).json();
    const id = written.json().review.id;
    expect(queue.items.find((r: { id: string }) => r.id === id)).toMatchObject({
      product: { id: product.id },
      author: { email: a.user.email },
    });
    const approved = await admin.post(`/api/admin/product-reviews/${id}/approve`);
    expect(approved.json().status).toBe('approved');
    expect((await publicReviews(product.slug)).items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(await rating(product.slug)).toEqual({ avg: 4, n: 1 });

    const second = (await put(b.client, product.slug, { rating: 1, body: 'Torn' })).json().review.id;
    await admin.post(`/api/admin/product-reviews/${second}/approve`);
    expect(await rating(product.slug)).toEqual({ avg: 2.5, n: 2 });

    // Editing goes back to moderation: it leaves the rating until approved again.
    const edited = await put(a.client, product.slug, { rating: 5, body: 'Even better' });
    expect(edited.json().review).toMatchObject({ id, status: 'pending', rating: 5 });
    expect(await rating(product.slug)).toEqual({ avg: 1, n: 1 });

    const rejected = await admin.post(`/api/admin/product-reviews/${second}/reject`, { note: 'Off topic' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', moderationNote: 'Off topic' });
    expect(await rating(product.slug)).toEqual({ avg: null, n: 0 });
    expect((await b.client.get(mine(product.slug))).json().review).toMatchObject({
      status: 'rejected',
      moderationNote: 'Off topic',
    });
    expect((await publicReviews(product.slug)).items).toEqual([]);
  });
});

describe('/api/admin/product-reviews', () => {
  it('is for admins only, and validates its input', async () => {
    const { client } = await signedIn(t, 'student');
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await client.get('/api/admin/product-reviews')).statusCode).toBe(404);
    expect((await client.post(`/api/admin/product-reviews/${id}/approve`)).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/product-reviews/${id}/approve`)).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/product-reviews/${id}/reject`, {})).statusCode).toBe(400);
    expect((await admin.get('/api/admin/product-reviews?status=lost')).statusCode).toBe(400);
  });
});
