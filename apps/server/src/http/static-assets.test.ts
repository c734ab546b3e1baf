import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { standInWebDist } from '../../test/web-dist.ts';

// A stand-in for the built web app whose assets went through the build's precompression step.
const webDist = standInWebDist({
  prefix: '9tangle-assets-',
  template: '<!doctype html><html><head></head><body></body></html>',
  serverEntry: `export async function render() { return { html: '', head: '', status: 200, lang: 'en', dir: 'ltr' }; }`,
});
const assets = join(webDist, 'client', 'assets');
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word${i}`))};\n`;
writeFileSync(join(assets, 'app-Ab12Cd34.js'), script);
writeFileSync(join(assets, 'tiny-Zz99Yy88.js'), 'export const a = 1;\n');
execFileSync(process.execPath, [
  fileURLToPath(new URL('../../../../scripts/precompress-assets.mjs', import.meta.url)),
  assets,
]);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ webDist });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, encoding: string) =>
  t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });

describe('hashed web assets', () => {
  it('are sent as the build precompressed them, brotli or gzip, cached for a year as immutable', async () => {
    const br = await get('/assets/app-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/^application\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    // The very bytes the build wrote, not a compression made for this request.
    expect(br.rawPayload.equals(readFileSync(join(assets, 'app-Ab12Cd34.js.br')))).toBe(true);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/app-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/app-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('serves a file the build did not precompress as it is (compressed on the way if at all), and 404 for a missing one', async () => {
    const tiny = await get('/assets/tiny-Zz99Yy88.js', 'br');
    expect(tiny.statusCode).toBe(200);
    const bytes =
      tiny.headers['content-encoding'] === 'br' ? brotliDecompressSync(tiny.rawPayload) : tiny.rawPayload;
    expect(bytes.toString()).toBe('export const a = 1;\n');
    expect((await get('/assets/missing-00000000.js', 'br')).statusCode).toBe(404);
  });
});
