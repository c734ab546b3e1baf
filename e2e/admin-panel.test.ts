import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_NAV } from '../apps/web/src/features/admin-panel/admin-nav.ts';
import { signInThroughApi } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

/**
 * Every page of the admin panel's navigation, opened by an admin in Chromium on the demo academy:
 * it renders under the panel's frame with its own heading, throws nothing, and has no serious or
 * critical accessibility violation (axe). Other pages never download the panel's code, and a visitor
 * who types an admin address gets the 404 page.
 */
const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const links = ADMIN_NAV.flatMap((g) => g.links);

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_DEMO: 'true' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin panel', () => {
  it('opens every page of its navigation, accessible and without errors', async () => {
    const context = await browser.newContext();
    await signInThroughApi(context, server.url, ADMIN);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const problems: string[] = [];
    for (const link of links) {
      const res = await page.goto(`${server.url}${link.to}`);
      if (res?.status() !== 200) problems.push(`${link.to}: HTTP ${res?.status()}`);
      const nav = page.getByRole('navigation', { name: 'Admin panel' });
      await nav.waitFor();
      await page.locator('main h1').first().waitFor();
      // Let the page's queries settle before scanning.
      await page.waitForLoadState('networkidle');
      for (const v of await seriousViolations(page)) problems.push(`${link.to}: ${v}`);
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the panel out of the public pages and shows a visitor the 404 page at an admin address', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    for (const path of ['/', '/courses', '/shop']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /Admin|admin-nav/.test(s))).toEqual([]);

    const res = await page.goto(`${server.url}/admin/users`);
    expect(res?.status()).toBe(404);
    await page.locator('main h1').first().waitFor();
    expect(await page.locator('main h1').first().textContent()).toMatch(/not found|doesn/i);
    await context.close();
  });
});
