import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors, signIn } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const stamp = Date.now().toString(36);
const NAME = `Linen tote bag ${stamp}`;
// A 1×1 PNG: the server checks images by their bytes.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5d6e0e00000000049454e44ae426082',
  'hex',
);

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  // The demo academy includes the demo shop (two e-books, a notebook, a T-shirt).
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_DEMO: 'true' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the shop', () => {
  it('a visitor browses, filters and opens a product; the page is accessible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/shop`);
    await page.getByRole('heading', { level: 1, name: 'Shop' }).waitFor();
    await page.getByRole('link', { name: '9tangle T-shirt' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Type').selectOption({ label: 'Digital download' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/type=digital/);
    await page.getByText('2 products').waitFor();
    expect(await page.getByRole('link', { name: '9tangle T-shirt' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Python Data Analysis Handbook (e-book)' }).click();
    await page.waitForURL(/\/shop\/python-data-analysis-handbook$/);
    await page.getByRole('heading', { level: 1, name: 'Python Data Analysis Handbook (e-book)' }).waitFor();
    await page.getByText('Instant download after payment').waitFor();
    expect(await page.getByRole('img', { name: 'Cover of the Python Data Analysis Handbook' }).count()).toBe(
      1,
    );
    expect(await seriousViolations(page)).toEqual([]);

    // Server-rendered: the HTML alone holds the product and its structured data.
    const html = await (await fetch(`${server.url}/shop/python-data-analysis-handbook`)).text();
    expect(html).toContain('Python Data Analysis Handbook (e-book)');
    expect(html).toContain('"@type":"Product"');
    expect((await fetch(`${server.url}/shop/no-such-product`)).status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin creates a product with an image and it appears in the shop', async () => {
    const context = await browser.newContext();
    const admin = await context.newPage();
    admin.setDefaultTimeout(20_000);
    const errors = collectErrors(admin);
    await signIn(admin, server.url, ADMIN.email, ADMIN.password);
    await admin.waitForURL(/\/profile/);
    // The form is filled and sent before the app's code has loaded (as on a slow line): the server's
    // first script holds the submit, and the app sends it once it has hydrated. The browser never
    // sends it itself, with the fields in the URL.
    let releaseScripts = () => {};
    const scriptsHeld = new Promise<void>((resolve) => {
      releaseScripts = resolve;
    });
    await admin.route(/\/assets\/.+\.js$/, async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    const visited: string[] = [];
    admin.on('framenavigated', (frame) => {
      if (frame === admin.mainFrame()) visited.push(frame.url());
    });
    await admin.goto(`${server.url}/admin/products/new`, { waitUntil: 'commit' });
    await admin.getByLabel('Name').fill(NAME);
    await admin.getByLabel('Type').selectOption({ label: 'Physical item' });
    await admin.getByLabel('Status').selectOption({ label: 'On sale' });
    await admin.getByLabel('Price', { exact: true }).fill('1800');
    await admin.getByLabel('Stock').fill('25');
    await admin.getByRole('button', { name: 'Save product' }).click();
    expect(await admin.locator('html[data-hydrated]').count()).toBe(0);
    releaseScripts();
    await admin.waitForURL(/\/admin\/products\/[0-9a-f-]{36}$/);
    await admin.unroute(/\/assets\/.+\.js$/);
    expect(visited.filter((url) => url.includes('?'))).toEqual([]);
    await admin.getByLabel('Add an image (JPEG, PNG or WebP)').setInputFiles({
      name: 'tote.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await admin.getByLabel('Description of image 1').fill('A natural linen tote bag');
    await Promise.all([
      admin.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/images/')),
      admin.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    // (No axe run here: axe waits forever on the description preview's script-less sandboxed frame.)
    await admin.goto(`${server.url}/admin/products?q=${stamp}`);
    await admin.getByRole('link', { name: NAME }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);

    const visitor = await (await browser.newContext()).newPage();
    visitor.setDefaultTimeout(20_000);
    await visitor.goto(`${server.url}/shop?q=${stamp}`);
    await visitor.getByRole('link', { name: NAME }).click();
    await visitor.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await visitor.getByRole('img', { name: 'A natural linen tote bag' }).waitFor();
    await visitor.getByText('In stock: 25 left').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
