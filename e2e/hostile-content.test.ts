import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../apps/server/test/xss-payloads.ts';
import { apiFromPage } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { signIn } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

// A payload with a NUL character never gets this far: the API refuses it with 400 (http/input-guards.ts).
const PAYLOADS = XSS_PAYLOADS.filter((payload) => !payload.includes('\u0000'));
const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What a payload could do if it ran: open a dialog, load something from elsewhere, throw. */
function watchForExecution(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Sanitized text may keep an https image (that is allowed); code, frames and calls elsewhere are not.
  page.on('request', (request) => {
    const url = request.url();
    const active = ['script', 'xhr', 'fetch', 'document', 'websocket'].includes(request.resourceType());
    if (url.includes('evil.test') || (active && !url.startsWith(server.url))) seen.push(`request: ${url}`);
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  return seen;
}

/** Anything executable left in the rendered rich text: script-bearing elements, handlers, script URLs. */
async function dangerousNodes(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (roots) => {
    const found: string[] = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link', 'style'].includes(tag))
          found.push(`<${tag}>`);
        for (const attr of el.attributes) {
          // Browsers ignore whitespace and control characters inside a URL scheme: so does this check.
          const value = [...attr.value]
            .filter((ch) => ch.charCodeAt(0) > 0x20)
            .join('')
            .toLowerCase();
          if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
          if (/^(javascript|vbscript|data:text)/.test(value))
            found.push(`${tag}[${attr.name}=${attr.value}]`);
          if (attr.name === 'style') found.push(`${tag}[style]`);
        }
      }
    }
    return found;
  });
}

describe('hostile rich text in the browser', () => {
  it(`runs none of ${PAYLOADS.length} payloads in a course description and a lesson, viewed by an admin`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watchForExecution(page);
    await signIn(page, server.url, ADMIN.email, ADMIN.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // An instructor's worst: every payload in the description and in a free-preview lesson.
    const hostile = PAYLOADS.map((p, i) => `<p>payload ${i}</p>${p}`).join('\n');
    const course = await apiFromPage<{ id: string; slug: string }>(page, 'POST', '/api/studio/courses', {
      title: 'Hostile content course',
      descriptionHtml: hostile,
    });
    const section = await apiFromPage<{ id: string }>(
      page,
      'POST',
      `/api/studio/courses/${course.id}/sections`,
      {
        title: 'Only section',
      },
    );
    const lesson = await apiFromPage<{ id: string }>(
      page,
      'POST',
      `/api/studio/sections/${section.id}/lessons`,
      {
        title: 'Hostile lesson',
        type: 'text',
        contentHtml: hostile,
        isPreview: true,
      },
    );
    await apiFromPage(page, 'POST', `/api/admin/courses/${course.id}/publish`);
    await apiFromPage(page, 'POST', `/api/courses/${course.slug}/enroll`);

    // The public course page (server-rendered, then hydrated).
    await page.goto(`${server.url}/courses/${course.slug}`);
    await page
      .getByText(`payload ${PAYLOADS.length - 1}`, { exact: true })
      .first()
      .waitFor();
    expect(await dangerousNodes(page, '.prose')).toEqual([]);

    // The lesson in the player.
    await page.goto(`${server.url}/courses/${course.slug}/learn/${lesson.id}`);
    await page.getByRole('heading', { name: 'Hostile lesson', level: 1 }).waitFor();
    await page
      .getByText(`payload ${PAYLOADS.length - 1}`, { exact: true })
      .first()
      .waitFor();
    expect(await dangerousNodes(page, '.prose')).toEqual([]);

    // Hover and click everything in the lesson text: handlers that survived would fire now.
    for (const link of await page.locator('.prose a, .prose img, .prose p').all()) {
      await link.hover({ trial: false, timeout: 2000 }).catch(() => undefined);
    }
    // Links open in a new tab (target=_blank); a click must not run anything in either.
    const popups: string[] = [];
    context.on('page', (p) => {
      popups.push(p.url());
      void p.close();
    });
    for (const link of await page.locator('.prose a').all()) {
      await link.click({ timeout: 2000, modifiers: [] }).catch(() => undefined);
    }
    await page.waitForTimeout(500);
    expect(popups.filter((url) => /^(javascript|data|vbscript):/i.test(url))).toEqual([]);

    expect(seen).toEqual([]);
    await context.close();
  });
});
