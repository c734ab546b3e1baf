import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, uniqueWord } from '../../../test/catalog.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { standInWebDist } from '../../../test/web-dist.ts';
import { isPublicContentPage } from './content.pages.ts';

// A stand-in for the built web app whose "render" prints the seeded query keys: enough to prove what
// the server put into the page's HTML (e2e/site-content.test.ts renders the real pages).
const webDist = standInWebDist({
  prefix: '9tangle-web-content-',
  template:
    '<!doctype html><html lang="en" dir="ltr"><head><!--app-head--></head><body><!--app-html--><!--app-state--></body></html>',
  serverEntry: `export async function render(url, state) {
    const keys = state.queries.map((q) => JSON.stringify(q.key)).join(' ');
    return { html: '<main>' + keys + '</main>', head: '<title>t</title>', status: 200, lang: state.lang, dir: 'ltr' };
  }`,
});

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ webDist });
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});
const page = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('the server-rendered content pages', () => {
  it('treat the five content pages as public and nothing else', () => {
    expect(['/about', '/contact', '/faq', '/privacy', '/terms', '/faq/'].every(isPublicContentPage)).toBe(
      true,
    );
    expect(['/', '/about/team', '/admin/faq', '/faqs'].some(isPublicContentPage)).toBe(false);
  });

  it('put the About intro and the visible team into the HTML of /about', async () => {
    const name = `Hamza ${uniqueWord()}`;
    await admin.post('/api/admin/team', { name, role: 'Mentor' });
    const res = await page('/about');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('["site-content","about.intro"]');
    expect(res.body).toContain('["site-content","page_headers"]');
    expect(res.body).toContain('["site-team"]');
    expect(res.body).toContain(name); // in the state block the page hydrates from
  });

  it('put the published FAQ into /faq, and change its ETag after an edit', async () => {
    const question = `Can I pay in instalments ${uniqueWord()}?`;
    const first = await page('/faq');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\//);
    expect(first.headers['cache-control']).toMatch(/^public/);
    expect((await page('/faq', { 'if-none-match': etag })).statusCode).toBe(304);
    expect(
      (await admin.post('/api/admin/faq', { question, answerHtml: '<p>Yes.</p>', category: 'Payments' }))
        .statusCode,
    ).toBe(201);
    const after = await page('/faq', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain(question);
  });

  it('seed the home hero on / and the contact details, privacy and terms on their pages', async () => {
    expect((await page('/')).body).toContain('["site-content","home.hero"]');
    expect((await page('/contact')).body).toContain('["site-content","contact.details"]');
    expect((await page('/privacy')).body).toContain('["site-content","legal.privacy"]');
    expect((await page('/terms')).body).toContain('["site-content","legal.terms"]');
  });
});
