import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { contextWithoutVideoEmbeds, launchBrowser } from './support/browser.ts';
import { collectErrors, signIn, signUpAndVerify } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Needs the cart slice (POST /api/cart/items) and the demo shop (the e-book) merged with the checkout.
const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Sana Buyer',
  email: `sana-${Date.now()}@e2e.test`,
  password: 'a long student password',
};

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: 'true',
    TEST_PAYMENTS: 'true',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** From /checkout through the steps to the simulated card page, paying there; lands on the success page. */
async function checkoutWithTestCard(page: Page) {
  await page.goto(`${server.url}/checkout`);
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  await page.getByLabel('Full name').waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Card (test payments)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/checkout\/test-pay\/test_/);
  await page.getByTestId('test-pay-amount').waitFor();
  expect(await seriousViolations(page), 'the test card page').toEqual([]);
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await page.waitForURL(/\/checkout\/success\?order=ORD-/);
  await page.getByText('Payment received. Thank you!').waitFor();
}

describe('buying in the browser', () => {
  it('a student buys a paid course with the test card, starts learning, and buys and downloads an e-book', async () => {
    const student = await (await contextWithoutVideoEmbeds(browser)).newPage();
    const admin = await (await contextWithoutVideoEmbeds(browser)).newPage();
    const errors = collectErrors(student);
    await signIn(admin, server.url, ADMIN.email, ADMIN.password);
    await admin.waitForURL(/\/profile/);
    await signUpAndVerify(student, admin, server.url, STUDENT);

    // A paid demo course into the cart (through the cart's API: the cart page is another slice's test)
    const catalog = await apiFromPage<{ items: { id: string; title: string; priceMinor: number }[] }>(
      student,
      'GET',
      '/api/courses?price=paid&limit=12',
    );
    const course = catalog.items[0];
    if (!course) throw new Error('the demo catalog has no paid course');
    await apiFromPage(student, 'POST', '/api/cart/items', { itemType: 'course', itemId: course.id });

    await checkoutWithTestCard(student);
    expect(await seriousViolations(student), 'the success page').toEqual([]);
    await student.getByRole('link', { name: `Start learning: ${course.title}` }).click();
    await student.waitForURL(/\/courses\/[^/]+\/learn\/[0-9a-f-]{36}$/);
    await student.getByRole('button', { name: 'Mark complete' }).click();
    await student.getByRole('button', { name: /^Completed/ }).waitFor();

    // An e-book: paid, then downloaded from the success page
    const ebook = await apiFromPage<{ id: string; name: string }>(
      student,
      'GET',
      '/api/shop/products/python-data-analysis-handbook',
    );
    await apiFromPage(student, 'POST', '/api/cart/items', { itemType: 'product', itemId: ebook.id });
    await checkoutWithTestCard(student);
    const [download] = await Promise.all([
      student.waitForEvent('download'),
      student.getByRole('button', { name: `Download ${ebook.name}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    // Both orders are in the buyer's history
    await student.goto(`${server.url}/dashboard/orders`);
    await student.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    await student.getByRole('link', { name: /^ORD-/ }).nth(1).waitFor();
    expect(await student.getByRole('link', { name: /^ORD-/ }).count()).toBe(2);
    expect(await seriousViolations(student), 'my orders').toEqual([]);
    expect(errors).toEqual([]);
  });
});
