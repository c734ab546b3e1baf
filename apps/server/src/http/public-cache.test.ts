import { rmSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCourse, signedIn, studioCourse } from '../../test/catalog.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { standInWebDist } from '../../test/web-dist.ts';
import { buildUser } from '../seed/factories.ts';
import { ifNoneMatchHits } from './public-cache.ts';

// The page renderer is exercised with a small stand-in for the built web app: a template and an
// entry module that counts its renders, so a test can tell a 304 answered without rendering.
const webDist = standInWebDist({
  template:
    '<!doctype html><html lang="en" dir="ltr"><head><!--app-head--></head><body><!--app-html--><!--app-state--></body></html>',
  serverEntry: `export async function render(url, state) {
    globalThis.__renders = (globalThis.__renders ?? 0) + 1;
    const missing = url.startsWith('/courses/missing');
    return { html: '<main>' + (state.me ? 'signed in' : 'visitor') + '</main>', head: '<title>t</title>',
      status: missing ? 404 : 200, lang: state.lang, dir: 'ltr' };
  }`,
});
const renders = () => (globalThis as { __renders?: number }).__renders ?? 0;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    webDist,
    env: { HTTP_CACHE_MAX_AGE_SECONDS: '30', HTTP_CACHE_STALE_SECONDS: '90' },
  });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

const PUBLIC = 'public, max-age=30, stale-while-revalidate=90';
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('HTTP caching of the public catalog API', () => {
  it('sends a weak ETag and public Cache-Control, and answers If-None-Match with an empty 304', async () => {
    const teacher = await buildUser(t.platform.database.db, { role: 'instructor' });
    const { course } = await publishedCourse(t, { instructorId: teacher.id });
    for (const url of ['/api/categories', '/api/courses?sort=newest', `/api/courses/${course.slug}`]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers.etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe(PUBLIC);
      expect(first.headers.vary).toContain('Cookie');
      const again = await get(url, { 'if-none-match': first.headers.etag as string });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.headers['cache-control']).toBe(PUBLIC);
      // Another URL is another resource.
      expect(
        (
          await get(`${url}${url.includes('?') ? '&' : '?'}x=1`, {
            'if-none-match': first.headers.etag as string,
          })
        ).statusCode,
      ).not.toBe(304);
    }
  });

  it('changes the ETag when the catalog changes', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const before = await get('/api/courses');
    await owner.client.patch(`/api/studio/courses/${course.id}`, { subtitle: 'Changed' });
    const after = await get('/api/courses', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('keeps signed-in reads out of shared caches, and never caches a 404 or a 400', async () => {
    const { client } = await signedIn(t, 'student');
    const mine = await client.get('/api/categories');
    expect(mine.headers['cache-control']).toBe('private, no-cache');
    expect(mine.headers.etag).toBeDefined();
    for (const url of [
      '/api/courses/no-such-course',
      '/api/instructors/nobody-here',
      '/api/courses?level=expert',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers.etag, url).toBeUndefined();
    }
  });

  it('caches /sitemap.xml and /robots.txt the same way', async () => {
    for (const url of ['/sitemap.xml', '/robots.txt']) {
      const first = await get(url);
      expect(first.headers['cache-control'], url).toBe(PUBLIC);
      expect((await get(url, { 'if-none-match': `"x", ${first.headers.etag}` })).statusCode, url).toBe(304);
    }
  });
});

describe('HTTP caching of the public pages', () => {
  it('answers a signed-out revalidation with 304 without rendering the page', async () => {
    const first = await get('/courses?sort=newest');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('visitor');
    expect(first.headers['cache-control']).toBe(PUBLIC);
    expect(first.headers.vary).toContain('Cookie, Accept-Language');
    const rendered = renders();
    const again = await get('/courses?sort=newest', { 'if-none-match': first.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(renders()).toBe(rendered);
    // Another language is another page.
    const urdu = await get('/courses?sort=newest', {
      'accept-language': 'ur-PK',
      'if-none-match': first.headers.etag as string,
    });
    expect(urdu.statusCode).toBe(200);
    expect(urdu.headers.etag).not.toBe(first.headers.etag);
  });

  it('renders a public page once per ETag and serves its bytes, compressed once, until the catalog changes', async () => {
    const url = '/courses?sort=popular';
    const first = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(first.rawPayload).toString();
    expect(html).toContain('visitor');
    const rendered = renders();
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(url, { 'accept-encoding': 'gzip;q=1, br;q=0' });
    const plain = await get(url);
    expect(renders()).toBe(rendered);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(html);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(html);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(html);
    for (const r of [br, gz, plain]) {
      expect(r.headers.etag).toBe(first.headers.etag);
      expect(r.headers['cache-control']).toBe(PUBLIC);
      expect(r.headers.vary).toBe('Cookie, Accept-Language, Accept-Encoding');
    }
    // A catalog write is a new version: a new ETag, rendered afresh.
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    await owner.client.patch(`/api/studio/courses/${course.id}`, { subtitle: 'Changed again' });
    const after = await get(url);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(renders()).toBe(rendered + 1);
  });

  it('never stores a signed-in page, a "not found" or a private page', async () => {
    const { client } = await signedIn(t, 'student');
    const mine = await client.get('/courses');
    expect(mine.body).toContain('signed in');
    expect(mine.headers['cache-control']).toBe('private, no-store');
    expect(mine.headers.etag).toBeUndefined();
    const missing = await get('/courses/missing-course');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers.etag).toBeUndefined();
    for (const path of ['/login', '/courses/some-course/learn', '/studio'])
      expect((await get(path)).headers['cache-control'], path).toBe('no-store');
    for (const path of ['/', '/courses/categories', '/instructors/someone'])
      expect((await get(path)).headers['cache-control'], path).toBe(PUBLIC);
  });
});

describe('ifNoneMatchHits', () => {
  it('compares weakly, in lists and with *', () => {
    expect(ifNoneMatchHits('W/"a"', 'W/"a"')).toBe(true);
    expect(ifNoneMatchHits('"a"', 'W/"a"')).toBe(true);
    expect(ifNoneMatchHits('"b", W/"a"', 'W/"a"')).toBe(true);
    expect(ifNoneMatchHits('*', 'W/"a"')).toBe(true);
    expect(ifNoneMatchHits('W/"b"', 'W/"a"')).toBe(false);
    expect(ifNoneMatchHits(undefined, 'W/"a"')).toBe(false);
  });
});
