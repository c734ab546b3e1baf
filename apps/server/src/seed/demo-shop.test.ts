import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoShop } from './demo-shop.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('seedDemoShop', () => {
  it('seeds categories and products with images and private files, once', async () => {
    const o = { storage: t.platform.storage, now: new Date() };
    await seedDemoShop(t.platform.database.db, o);
    await seedDemoShop(t.platform.database.db, o);
    const anonymous = new Client(t.app);
    const page = (await anonymous.get('/api/shop/products?limit=60')).json();
    const slugs = page.items.map((p: { slug: string }) => p.slug);
    expect(slugs.filter((s: string) => s === 'academy-t-shirt')).toHaveLength(1);
    expect(page.items.map((p: { currency: string }) => p.currency)).toEqual(
      expect.arrayContaining(['PKR', 'USD']),
    );
    const categories = (await anonymous.get('/api/shop/categories'))
      .json()
      .items.map((c: { slug: string }) => c.slug);
    expect(categories).toEqual(expect.arrayContaining(['books', 'stationery', 'merchandise']));

    const shirt = (await anonymous.get('/api/shop/products/academy-t-shirt')).json();
    expect(shirt).toMatchObject({ type: 'physical', stock: 12, weightGrams: 180, inStock: true });
    const image = await anonymous.get(shirt.images[0].url);
    expect(image.statusCode).toBe(200);
    expect((await fileTypeFromBuffer(image.rawPayload))?.mime).toBe('image/png');

    const { rows } = await t.platform.database.raw.query<{ file_key: string }>(
      "select file_key from products where slug = 'python-data-analysis-handbook'",
    );
    const pdf = await t.platform.storage.get(rows[0]?.file_key as string);
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
