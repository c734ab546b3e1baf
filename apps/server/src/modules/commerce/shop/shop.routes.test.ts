import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, uniqueWord } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { activeProduct, createProduct } from './shop-test-support.ts';

let t: TestApp;
let admin: Client;
const anonymous = () => new Client(t.app);
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

type Card = { id: string; slug: string; priceMinor: number };
const ids = (items: Card[]) => items.map((i) => i.id);

/** Products named with a unique word, so a search finds exactly these. */
async function range(word: string, prices: number[], o: Parameters<typeof activeProduct>[1] = {}) {
  const made = [];
  for (const [i, priceMinor] of prices.entries())
    made.push(await activeProduct(t, { name: `${word} item ${i}`, priceMinor, ...o }));
  return made;
}

describe('GET /api/shop/products', () => {
  it('lists active products only, searched by name and description', async () => {
    const word = uniqueWord();
    const [active] = await range(word, [1000]);
    await activeProduct(t, { name: `${word} draft`, status: 'draft' });
    await activeProduct(t, { name: `${word} gone`, status: 'archived' });
    const described = await activeProduct(t, { name: 'Plain name', descriptionText: `about ${word} here` });
    const res = await anonymous().get(`/api/shop/products?q=${word}`);
    expect(res.statusCode).toBe(200);
    expect(ids(res.json().items).sort()).toEqual([active?.id, described.id].sort());
    expect(res.json().items[0]).toMatchObject({ currency: 'PKR', inStock: true, imageUrl: null });
  });

  it('filters by category and type and sorts by price', async () => {
    const word = uniqueWord();
    const cat = (await admin.post('/api/admin/product-categories', { name: `Cat ${word}` })).json();
    const [a, b, c] = await range(word, [3000, 1000, 2000], { categoryId: cat.id, type: 'physical' });
    const digital = await activeProduct(t, { name: `${word} pdf`, priceMinor: 500, type: 'digital' });
    const get = async (qs: string) => (await anonymous().get(`/api/shop/products?q=${word}${qs}`)).json();
    expect(ids((await get(`&category=${cat.slug}&sort=price_asc`)).items)).toEqual([b?.id, c?.id, a?.id]);
    expect(ids((await get('&sort=price_desc')).items)).toEqual([a?.id, c?.id, b?.id, digital.id]);
    expect(ids((await get('&type=digital')).items)).toEqual([digital.id]);
    expect((await get('&type=physical')).pageInfo.total).toBe(3);
    expect((await anonymous().get('/api/shop/products?type=service')).statusCode).toBe(400);
    expect((await anonymous().get('/api/shop/products?sort=cheap')).statusCode).toBe(400);
  });

  it('pages by number and by keyset cursor, and refuses a cursor of another query', async () => {
    const word = uniqueWord();
    await range(word, [100, 200, 300, 400, 500]);
    const base = `/api/shop/products?q=${word}&sort=price_asc&limit=2`;
    const first = (await anonymous().get(base)).json();
    expect(first.pageInfo).toEqual({ page: 1, limit: 2, total: 5, pages: 3 });
    expect(first.items.map((i: Card) => i.priceMinor)).toEqual([100, 200]);
    const second = (await anonymous().get(`${base}&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: Card) => i.priceMinor)).toEqual([300, 400]);
    expect(second.pageInfo.page).toBe(2);
    const third = (await anonymous().get(`${base}&cursor=${second.nextCursor}`)).json();
    expect(third.items.map((i: Card) => i.priceMinor)).toEqual([500]);
    expect(third.nextCursor).toBeNull();
    expect((await anonymous().get(`${base}&page=3`)).json().items.map((i: Card) => i.priceMinor)).toEqual([
      500,
    ]);

    const other = await anonymous().get(
      `/api/shop/products?q=${word}&sort=price_desc&limit=2&cursor=${first.nextCursor}`,
    );
    expect([other.statusCode, other.json().error.code]).toEqual([400, 'invalid_cursor']);
    const forged = await anonymous().get(`${base}&cursor=abc.def`);
    expect(forged.statusCode).toBe(400);
  });

  it('is cached publicly with an ETag, and an admin change shows at once', async () => {
    const word = uniqueWord();
    const p = await createProduct(admin, { name: `${word} lamp`, status: 'active', priceMinor: 7000 });
    const url = `/api/shop/products?q=${word}`;
    const res = await anonymous().get(url);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=/);
    const etag = res.headers.etag as string;
    const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    await admin.patch(`/api/admin/products/${p.id}`, { priceMinor: 6500 });
    const fresh = await anonymous().get(url);
    expect(fresh.headers.etag).not.toBe(etag);
    expect(fresh.json().items[0].priceMinor).toBe(6500);
    await admin.patch(`/api/admin/products/${p.id}`, { status: 'draft' });
    expect((await anonymous().get(url)).json().items).toEqual([]);
  });
});

describe('GET /api/shop/products/:slug', () => {
  it('answers an active product with its images, category and stock; drafts and unknowns are 404', async () => {
    const word = uniqueWord();
    const cat = (await admin.post('/api/admin/product-categories', { name: `Cat ${word}` })).json();
    const p = await createProduct(admin, {
      name: `${word} shirt`,
      categoryId: cat.id,
      stock: 0,
      compareAtMinor: 200_000,
    });
    expect((await anonymous().get(`/api/shop/products/${p.slug}`)).statusCode).toBe(404);
    await admin.patch(`/api/admin/products/${p.id}`, { status: 'active' });
    const res = await anonymous().get(`/api/shop/products/${p.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: p.id,
      type: 'physical',
      category: { slug: cat.slug, name: cat.name },
      priceMinor: 120_000,
      compareAtMinor: 200_000,
      stock: 0,
      inStock: false,
      weightGrams: 300,
      images: [],
      ratingAvg: null,
      ratingCount: 0,
    });
    expect(res.json()).not.toHaveProperty('status');
    expect((await anonymous().get('/api/shop/products/no-such-thing')).statusCode).toBe(404);
    expect((await anonymous().get('/api/shop/products/Not%20A%20Slug')).statusCode).toBe(404);
  });

  it('lists active categories publicly', async () => {
    const word = uniqueWord();
    const cat = (await admin.post('/api/admin/product-categories', { name: `Shown ${word}` })).json();
    const res = await anonymous().get('/api/shop/categories');
    expect(res.json().items.map((c: { slug: string }) => c.slug)).toContain(cat.slug);
  });
});
