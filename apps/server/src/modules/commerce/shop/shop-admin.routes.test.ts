import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, uniqueWord } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { createProduct } from './shop-test-support.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ env: { SHOP_CURRENCIES: 'PKR,USD' } });
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

describe('shop admin access', () => {
  it('answers 401 without a session and 404 to students and instructors', async () => {
    const anonymous = new Client(t.app);
    for (const url of ['/api/admin/products', '/api/admin/product-categories', '/api/admin/product-reviews'])
      expect((await anonymous.get(url)).statusCode, url).toBe(401);
    for (const role of ['student', 'instructor'] as const) {
      const { client } = await signedIn(t, role);
      expect((await client.get('/api/admin/products')).statusCode).toBe(404);
      const body = { name: 'Nope', type: 'digital', priceMinor: 1, currency: 'PKR' };
      expect((await client.post('/api/admin/products', body)).statusCode).toBe(404);
      expect((await client.post('/api/admin/product-categories', { name: 'Nope' })).statusCode).toBe(404);
      expect((await client.get('/api/admin/product-reviews')).statusCode).toBe(404);
    }
  });
});

describe('/api/admin/product-categories', () => {
  it('creates (slug from the name), lists, renames and deletes a category; a taken slug is 409', async () => {
    const word = uniqueWord();
    const created = await admin.post('/api/admin/product-categories', { name: `Books ${word}` });
    expect(created.statusCode).toBe(201);
    const cat = created.json();
    expect(cat).toMatchObject({ name: `Books ${word}`, slug: `books-${word}`, active: true });
    const again = await admin.post('/api/admin/product-categories', { name: `Books ${word}` });
    expect(again.json().slug).toBe(`books-${word}-2`);
    const taken = await admin.post('/api/admin/product-categories', { name: 'Other', slug: cat.slug });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'slug_taken']);
    expect((await admin.post('/api/admin/product-categories', { name: 'x' })).statusCode).toBe(400);

    const patched = await admin.patch(`/api/admin/product-categories/${cat.id}`, {
      name: 'Renamed',
      active: false,
    });
    expect(patched.json()).toMatchObject({ name: 'Renamed', active: false });
    const all = (await admin.get('/api/admin/product-categories'))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(all).toContain(cat.id);
    const pub = (await new Client(t.app).get('/api/shop/categories'))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(pub).not.toContain(cat.id);

    const product = await createProduct(admin, { categoryId: cat.id });
    expect((await admin.delete(`/api/admin/product-categories/${cat.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/admin/product-categories/${cat.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/admin/products/${product.id}`)).json().categoryId).toBeNull();
  });
});

describe('/api/admin/products', () => {
  it('creates a draft product with a slug from its name and a sanitized description', async () => {
    const word = uniqueWord();
    const res = await admin.post('/api/admin/products', {
      name: `E-book ${word}`,
      type: 'digital',
      priceMinor: 99_900,
      compareAtMinor: 150_000,
      currency: 'PKR',
      stock: 7,
      descriptionHtml: `<p onclick="x()">Learn <strong>${word}</strong></p><script>alert(1)</script>`,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      slug: `e-book-${word}`,
      status: 'draft',
      type: 'digital',
      priceMinor: 99_900,
      compareAtMinor: 150_000,
      currency: 'PKR',
      stock: null, // digital goods have no stock
      inStock: true,
      file: null,
      images: [],
      ratingCount: 0,
      descriptionHtml: `<p>Learn <strong>${word}</strong></p>`,
      descriptionText: `Learn ${word}`,
    });
    expect(JSON.stringify(p)).not.toContain('fileKey');
  });

  it('refuses bad input with 400 and a taken slug with 409', async () => {
    const base = { name: 'Bad product', type: 'physical', priceMinor: 1000, currency: 'PKR' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, priceMinor: -1 }, 'validation_failed'],
      [{ ...base, priceMinor: 10.5 }, 'validation_failed'],
      [{ ...base, currency: 'EUR' }, 'validation_failed'],
      [{ ...base, type: 'service' }, 'validation_failed'],
      [{ ...base, ratingAvg: 5 }, 'validation_failed'],
      [{ ...base, compareAtMinor: 1000 }, 'validation_failed'],
      [{ ...base, categoryId: '00000000-0000-4000-8000-000000000000' }, 'unknown_category'],
      [{ ...base, stock: -3 }, 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const res = await admin.post('/api/admin/products', body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([400, code]);
    }
    const first = await createProduct(admin);
    const taken = await admin.post('/api/admin/products', { ...base, slug: first.slug });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'slug_taken']);
    const other = await createProduct(admin);
    const patch = await admin.patch(`/api/admin/products/${other.id}`, { slug: first.slug });
    expect([patch.statusCode, patch.json().error.code]).toEqual([409, 'slug_taken']);
  });

  it('updates fields, checks the product as a whole, and archives it', async () => {
    const p = await createProduct(admin, { priceMinor: 5000, compareAtMinor: 8000 });
    const cheaper = await admin.patch(`/api/admin/products/${p.id}`, { priceMinor: 4000, status: 'active' });
    expect(cheaper.json()).toMatchObject({ priceMinor: 4000, compareAtMinor: 8000, status: 'active' });
    // A price above the compare-at price makes no sale.
    const bad = await admin.patch(`/api/admin/products/${p.id}`, { priceMinor: 9000 });
    expect(bad.statusCode).toBe(400);
    const digital = await admin.patch(`/api/admin/products/${p.id}`, { type: 'digital' });
    expect(digital.json()).toMatchObject({ type: 'digital', stock: null, weightGrams: null });
    expect((await admin.patch(`/api/admin/products/${p.id}`, { fileKey: 'x' })).statusCode).toBe(400);
    const archived = await admin.post(`/api/admin/products/${p.id}/archive`);
    expect(archived.json().status).toBe('archived');
    expect((await new Client(t.app).get(`/api/shop/products/${p.slug}`)).statusCode).toBe(404);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await admin.patch(`/api/admin/products/${missing}`, { priceMinor: 1 })).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/products/${missing}/archive`)).statusCode).toBe(404);
  });

  it('lists products of every status, filtered by status, type and search', async () => {
    const word = uniqueWord();
    const draft = await createProduct(admin, { name: `Mug ${word}` });
    const active = await createProduct(admin, { name: `Poster ${word}`, status: 'active', type: 'digital' });
    const list = async (qs: string) =>
      (await admin.get(`/api/admin/products?q=${word}${qs}`)).json().items.map((p: { id: string }) => p.id);
    expect((await list('')).sort()).toEqual([draft.id, active.id].sort());
    expect(await list('&status=draft')).toEqual([draft.id]);
    expect(await list('&type=digital')).toEqual([active.id]);
    const page = (await admin.get(`/api/admin/products?q=${word}&limit=1`)).json();
    expect(page.pageInfo).toEqual({ page: 1, limit: 1, total: 2, pages: 2 });
    expect((await admin.get('/api/admin/products?status=gone')).statusCode).toBe(400);
  });
});

describe('currencies the academy does not sell in', () => {
  it('refuses a product in a known currency that is not configured (400 currency_not_sold)', async () => {
    const only = await createTestApp({ env: { SHOP_CURRENCIES: 'PKR' } });
    try {
      const { client } = await signedIn(only, 'admin');
      const res = await client.post('/api/admin/products', {
        name: 'Dollar book',
        type: 'digital',
        priceMinor: 999,
        currency: 'USD',
      });
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'currency_not_sold']);
    } finally {
      await only.close();
    }
  });
});
