import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCourse } from '../../test/catalog.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { buildUser } from '../seed/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const teacher = await buildUser(t.platform.database.db, { role: 'instructor' });
  for (let i = 0; i < 4; i++) await publishedCourse(t, { instructorId: teacher.id });
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('compression of whole answers', () => {
  it('compresses a JSON answer over 1 KB with brotli or gzip, as asked, and leaves it plain otherwise', async () => {
    const plain = await get('/api/courses?limit=24');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const br = await get('/api/courses?limit=24', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toContain('Accept-Encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await get('/api/courses?limit=24', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
    const refused = await get('/api/courses?limit=24', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('leaves small answers and errors of under 1 KB uncompressed', async () => {
    const small = await get('/api/health/live', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    const missing = await get('/api/definitely-not-here', { 'accept-encoding': 'br' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.json().error.code).toBeDefined();
  });
});
