import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { standInWebDist } from '../../test/web-dist.ts';

// A stand-in for the built web app: the real template's slots, a page with a form.
const webDist = standInWebDist({
  prefix: '9tangle-held-',
  template:
    '<!doctype html><html lang="en" dir="ltr"><head><!--app-head--></head><body><div id="root"><!--app-html--></div><!--app-state--><script type="module" src="/assets/entry.js"></script></body></html>',
  serverEntry: `export async function render() { return { html: '<form><input name="q"><button>Go</button></form>', head: '<title>Form</title>', status: 200, lang: 'en', dir: 'ltr' }; }`,
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ webDist });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

const inlineScripts = (html: string) =>
  [
    ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1] ?? '');

describe('the script that holds a form sent before hydration', () => {
  it('comes first in the head, and the CSP allows it by its hash and allows no other inline script', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/some/page' });
    expect(res.statusCode).toBe(200);
    const head = res.body.slice(res.body.indexOf('<head>'), res.body.indexOf('</head>'));
    expect(head.indexOf('<script>')).toBe('<head>'.length);
    const scripts = inlineScripts(res.body);
    expect(scripts.length).toBe(1);
    const csp = String(res.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    const allowed = scriptSrc.match(/'sha256-[^']+'/g) ?? [];
    expect(allowed).toEqual([
      `'sha256-${createHash('sha256')
        .update(scripts[0] ?? '')
        .digest('base64')}'`,
    ]);
    expect(scriptSrc).not.toContain('unsafe-inline');
  });
});
