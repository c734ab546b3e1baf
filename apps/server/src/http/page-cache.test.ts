import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache.ts';

const html = `<!doctype html><html><body>${'<li><a href="/courses/a">A course</a></li>'.repeat(2000)}</body></html>`;

describe('the page cache', () => {
  it('answers a page in each encoding, and once it is kept as brotli alone, still in each', async () => {
    const pages = createPageCache();
    pages.store('"e1"', html);
    expect((await pages.get('"e1"', 'identity'))?.toString()).toBe(html);
    const br = await pages.get('"e1"', 'br');
    expect(br && brotliDecompressSync(br).toString()).toBe(html);
    expect(br?.length).toBeLessThan(html.length / 20);
    // Kept as the brotli bytes now: the other encodings are made from them.
    expect((await pages.get('"e1"', 'identity'))?.toString()).toBe(html);
    const gz = await pages.get('"e1"', 'gzip');
    expect(gz && gunzipSync(gz).toString()).toBe(html);
    expect(await pages.get('"e1"', 'br')).toBe(br);
  });

  it('keeps the page first stored under an ETag, with what was compressed of it', async () => {
    const pages = createPageCache();
    pages.store('"e1"', html);
    const br = await pages.get('"e1"', 'br');
    // A request that rendered the same page at the same time stores it again.
    pages.store('"e1"', html);
    expect(await pages.get('"e1"', 'br')).toBe(br);
  });

  it('counts a page at its compressed size once compressed, so many more fit', async () => {
    const pages = createPageCache(html.length * 3);
    for (let i = 0; i < 20; i++) {
      pages.store(`"e${i}"`, html);
      await pages.get(`"e${i}"`, 'br');
    }
    for (let i = 0; i < 20; i++) expect(pages.has(`"e${i}"`)).toBe(true);
    const uncompressed = createPageCache(html.length * 3);
    for (let i = 0; i < 20; i++) uncompressed.store(`"e${i}"`, html);
    expect(uncompressed.has('"e0"')).toBe(false);
  });

  it('answers a shared page with each answer’s own part, in each encoding', async () => {
    const pages = createPageCache();
    pages.storeShared('k', html.slice(0, -14), html.slice(-14));
    for (const own of ['<script>1</script>', '<script>2</script>']) {
      const want = `${html.slice(0, -14)}${own}${html.slice(-14)}`;
      expect((await pages.getShared('k', 'identity', own))?.toString()).toBe(want);
      const br = await pages.getShared('k', 'br', own);
      expect(br && brotliDecompressSync(br).toString()).toBe(want);
      const gz = await pages.getShared('k', 'gzip', own);
      expect(gz && gunzipSync(gz).toString()).toBe(want);
    }
    expect(await pages.get('k', 'br')).toBeNull();
    expect(await pages.getShared('"e1"', 'br', '')).toBeNull();
  });
});
