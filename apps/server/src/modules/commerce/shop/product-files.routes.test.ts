import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { FILES, upload } from '../../../../test/media.ts';
import { createProduct } from './shop-test-support.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  // A small file limit, so "too large" needs only a few kilobytes.
  t = await createTestApp({ env: { UPLOAD_PRODUCT_FILE_MAX_BYTES: '4096' } });
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

const jpeg = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(200, 7),
]);

describe('POST /api/admin/products/:id/images', () => {
  it('accepts images by their bytes, whatever their name, and refuses HTML and SVG', async () => {
    const p = await createProduct(admin);
    const url = `/api/admin/products/${p.id}/images`;
    const renamed = await upload(t, admin, url, FILES.png, 'photo.jpg');
    expect(renamed.statusCode).toBe(201);
    expect(renamed.json().images[0].url).toMatch(/^\/api\/files\/products\/[0-9a-f-]{36}\.png$/);
    expect((await upload(t, admin, url, jpeg, 'photo.png')).json().images[1].url).toMatch(/\.jpg$/);
    for (const [data, name] of [
      [FILES.html, 'cat.png'],
      [FILES.svg, 'logo.svg'],
      [FILES.pdf, 'doc.jpg'],
    ] as const) {
      const res = await upload(t, admin, url, data, name);
      expect([res.statusCode, res.json().error.code], name).toEqual([400, 'invalid_image']);
    }
    const { client: student } = await signedIn(t, 'student');
    expect((await upload(t, student, url, FILES.png, 'a.png')).statusCode).toBe(404);
    expect((await upload(t, null, url, FILES.png, 'a.png')).statusCode).toBe(401);
  });

  it('keeps at most ten images (409 too_many_images), reorders, sets alt text and deletes', async () => {
    const p = await createProduct(admin);
    const url = `/api/admin/products/${p.id}/images`;
    let images: { id: string; position: number; url: string; alt: string }[] = [];
    for (let i = 0; i < 10; i++) images = (await upload(t, admin, url, FILES.png, `${i}.png`)).json().images;
    expect(images.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const eleventh = await upload(t, admin, url, FILES.png, '11.png');
    expect([eleventh.statusCode, eleventh.json().error.code]).toEqual([409, 'too_many_images']);
    const { rows } = await t.platform.database.raw.query<{ n: number }>(
      'select count(*)::int as n from product_images where product_id = $1',
      [p.id],
    );
    expect(rows[0]?.n).toBe(10);

    const ids = images.map((i) => i.id);
    const reversed = [...ids].reverse();
    const reordered = await admin.post(`${url}/reorder`, { ids: reversed });
    expect(reordered.json().images.map((i: { id: string }) => i.id)).toEqual(reversed);
    expect((await admin.post(`${url}/reorder`, { ids: ids.slice(1) })).statusCode).toBe(400);

    const alt = await admin.patch(`${url}/${ids[0]}`, { alt: 'A blue notebook' });
    expect(alt.json().images.find((i: { id: string }) => i.id === ids[0]).alt).toBe('A blue notebook');

    const key = (images[0] as { url: string }).url.split('/').pop() as string;
    const deleted = await admin.delete(`${url}/${ids[0]}`);
    expect(deleted.json().images.map((i: { position: number }) => i.position)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(await t.platform.storage.stat(`product-images/${key}`)).toBeNull();
    expect((await admin.delete(`${url}/${ids[0]}`)).statusCode).toBe(404);
    expect((await upload(t, admin, url, FILES.png, 'again.png')).statusCode).toBe(201);
  });
});

describe('GET /api/files/products/:key', () => {
  it('serves an image of an active product to anyone, of a draft only to admins', async () => {
    const p = await createProduct(admin);
    const res = await upload(t, admin, `/api/admin/products/${p.id}/images`, FILES.png, 'p.png');
    const url = res.json().images[0].url as string;
    const anonymous = new Client(t.app);
    expect((await anonymous.get(url)).statusCode).toBe(404);
    const preview = await admin.get(url);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('private, no-store');

    await admin.patch(`/api/admin/products/${p.id}`, { status: 'active' });
    const pub = await anonymous.get(url);
    expect(pub.statusCode).toBe(200);
    expect(pub.rawPayload.equals(FILES.png)).toBe(true);
    expect(pub.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    await admin.post(`/api/admin/products/${p.id}/archive`);
    expect((await anonymous.get(url)).statusCode).toBe(404);
    expect((await anonymous.get('/api/files/products/..%2Fproduct-files%2Fx.png')).statusCode).toBe(404);
  });
});

describe('POST /api/admin/products/:id/file', () => {
  it('stores a digital product’s file privately: described to admins, never served publicly', async () => {
    const p = await createProduct(admin, { type: 'digital', status: 'active' });
    const res = await upload(t, admin, `/api/admin/products/${p.id}/file`, FILES.pdf, 'Guide.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.json().file).toEqual({
      fileName: 'Guide.pdf',
      mime: 'application/pdf',
      sizeBytes: FILES.pdf.length,
    });
    const { rows } = await t.platform.database.raw.query<{ file_key: string }>(
      'select file_key from products where id = $1',
      [p.id],
    );
    const key = rows[0]?.file_key as string;
    expect(key).toMatch(new RegExp(`^product-files/${p.id}/[0-9a-f-]{36}\\.pdf$`));
    expect((await t.platform.storage.get(key))?.equals(FILES.pdf)).toBe(true);

    // Nothing public names or serves it.
    const anonymous = new Client(t.app);
    const page = await anonymous.get(`/api/shop/products/${p.slug}`);
    expect(page.statusCode).toBe(200);
    const name = key.split('/').pop() as string;
    expect(page.body).not.toContain(name);
    expect(res.body).not.toContain(name);
    // 400 when the key is not even a name the route takes.
    for (const url of [
      `/api/files/products/${name}`,
      `/api/files/products/${encodeURIComponent(key)}`,
      `/api/files/thumbnails/${name}`,
      `/api/files/media/${p.id}`,
    ])
      expect([400, 404], url).toContain((await anonymous.get(url)).statusCode);
    expect((await admin.get(`/api/files/products/${name}`)).statusCode).toBe(404);

    // A new file replaces the old one, whose bytes go.
    const zip = await upload(t, admin, `/api/admin/products/${p.id}/file`, FILES.zip, 'code.zip');
    expect(zip.json().file.mime).toBe('application/zip');
    expect(await t.platform.storage.stat(key)).toBeNull();
  });

  it('refuses executables, HTML, SVG and text, files over the limit, and physical products', async () => {
    const p = await createProduct(admin, { type: 'digital' });
    const url = `/api/admin/products/${p.id}/file`;
    for (const [data, name] of [
      [FILES.exe, 'setup.pdf'],
      [FILES.html, 'book.pdf'],
      [FILES.svg, 'cover.svg'],
      [FILES.utf8, 'notes.txt'],
    ] as const) {
      const res = await upload(t, admin, url, data, name);
      expect([res.statusCode, res.json().error.code], name).toEqual([400, 'invalid_file_type']);
    }
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(8192, 32)]);
    expect((await upload(t, admin, url, big, 'big.pdf')).statusCode).toBe(413);
    const { rows } = await t.platform.database.raw.query<{ file_key: string | null }>(
      'select file_key from products where id = $1',
      [p.id],
    );
    expect(rows[0]?.file_key).toBeNull();
    const physical = await createProduct(admin);
    expect(
      (await upload(t, admin, `/api/admin/products/${physical.id}/file`, FILES.pdf, 'a.pdf')).statusCode,
    ).toBe(400);
    const { client: student } = await signedIn(t, 'student');
    expect((await upload(t, student, url, FILES.pdf, 'a.pdf')).statusCode).toBe(404);
  });
});
