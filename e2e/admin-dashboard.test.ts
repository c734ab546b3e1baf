import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi, verifiedAccount } from './support/accounts.ts';
import { contextApi } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Sara Malik',
  email: `sara-${Date.now()}@e2e.test`,
  password: 'a long student password',
};
const COURSE = 'UI Design Essentials with Figma';

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

/** A student buys one demo course with the test card today: revenue and an order on the dashboard. */
async function todaysSale(admin: BrowserContext) {
  const student = await browser.newContext();
  await verifiedAccount(student, admin, server.url, STUDENT);
  const { items } = await contextApi<{ items: { id: string; title: string }[] }>(
    student,
    server.url,
    'GET',
    '/api/courses?limit=50',
  );
  const course = items.find((c) => c.title === COURSE);
  await contextApi(student, server.url, 'POST', '/api/cart/items', {
    itemType: 'course',
    itemId: course?.id,
  });
  const csrf = (await student.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
  const placed = await student.request.post(`${server.url}/api/checkout/orders`, {
    headers: { 'x-csrf-token': csrf, origin: server.url, 'idempotency-key': randomUUID() },
    data: { contact: { name: STUDENT.name, email: STUDENT.email }, country: 'PK', provider: 'test' },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const { redirectUrl } = (await placed.json()) as { redirectUrl: string };
  await contextApi(student, server.url, 'POST', `/api/payments/test/${redirectUrl.split('/').pop()}/pay`);
  await student.close();
}

describe('the admin dashboard and announcements in the browser', () => {
  it('shows the charts with the API figures, and an announcement an admin makes reaches a guest', async () => {
    const admin = await browser.newContext();
    await signInThroughApi(admin, server.url, ADMIN);
    await todaysSale(admin);
    const page = await admin.newPage();
    const errors = collectErrors(page);

    await page.goto(`${server.url}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const figures = page.locator('figure');
    await expect.poll(() => figures.count()).toBe(3);
    // Every chart drew its svg (legend icons are svgs too, outside the wrapper), with bars or lines in it.
    await expect.poll(() => page.locator('figure .recharts-wrapper > svg').count()).toBe(3);
    await expect
      .poll(() => page.locator('figure .recharts-bar-rectangle path, figure .recharts-rectangle').count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.locator('figure .recharts-line-curve').count()).toBe(2);

    const api = await contextApi<{
      ordersPaid: { value: number };
      newUsers: { value: number };
      revenue: { currency: string; net: { value: number } }[];
      series: { points: { start: string }[] };
    }>(admin, server.url, 'GET', '/api/admin/dashboard?preset=30d');
    expect(api.ordersPaid.value).toBeGreaterThanOrEqual(1);
    const card = (label: string | RegExp) =>
      page
        .locator('dl > div')
        .filter({ has: page.locator('dt', { hasText: label }) })
        .locator('dd span')
        .first();
    expect(await card(/^Orders paid$/).textContent()).toBe(String(api.ordersPaid.value));
    expect(await card(/^New accounts$/).textContent()).toBe(String(api.newUsers.value));
    const pkr = api.revenue.find((r) => r.currency === 'PKR');
    expect(pkr?.net.value).toBeGreaterThan(0);
    const shownRevenue = await card(/^Revenue \(PKR/).textContent();
    expect(shownRevenue?.replace(/[^\d.]/g, '')).toBe(((pkr?.net.value ?? 0) / 100).toFixed(2));
    // The data behind each chart is also a table: one row per bucket.
    const revenueTable = page.locator('figure').first().getByRole('table');
    expect(await revenueTable.locator('tbody tr').count()).toBe(api.series.points.length);
    expect(await seriousViolations(page), '/admin').toEqual([]);

    await page.getByRole('button', { name: '12 months' }).click();
    await page.waitForURL(/range=12m/);
    await page
      .getByText(/per month/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Show as table' }).first().click();
    await page.getByRole('button', { name: 'Show as chart' }).first().waitFor();

    const title = `Exams start on Monday ${Date.now()}`;
    await page.goto(`${server.url}/admin/announcements`);
    await page.getByRole('heading', { level: 1, name: 'Announcements' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Welcome to the 9tangle demo academy' }).waitFor();
    expect(await seriousViolations(page), '/admin/announcements').toEqual([]);
    await page.getByRole('button', { name: 'New announcement' }).click();
    const dialog = page.getByRole('dialog', { name: 'New announcement' });
    await dialog.getByLabel('Title', { exact: true }).fill(title);
    await dialog
      .getByLabel('Message', { exact: true })
      .fill('Bring your student card.\nThe hall opens at 8:30.');
    await dialog.getByLabel('Type').selectOption('warning');
    await dialog.getByLabel('Who sees it').selectOption('guests');
    await dialog.locator('[data-announcement-type="warning"]').getByText(title).waitFor();
    expect(await seriousViolations(page), 'the announcement dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Create announcement' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('Active').waitFor();
    expect(errors).toEqual([]);

    // A guest: the banner is in the server's HTML, and shows once the page is live.
    const guest = await browser.newContext();
    const html = await (await guest.request.get(`${server.url}/`)).text();
    expect(html).toContain(title);
    const home = await guest.newPage();
    const guestErrors = collectErrors(home);
    await home.goto(`${server.url}/`);
    const banners = home.getByRole('region', { name: 'Announcements' });
    await banners.getByText(title).waitFor();
    await banners.getByText('Welcome to the 9tangle demo academy').waitFor();
    await home.getByRole('heading', { level: 2, name: 'Featured courses' }).waitFor();
    await home.getByRole('heading', { level: 3, name: COURSE }).waitFor();
    expect(await seriousViolations(home), '/ with banners').toEqual([]);
    // Dismissed, it stays closed on the next visit.
    await home.getByRole('button', { name: `Dismiss the announcement “${title}”` }).click();
    await banners.getByText(title).waitFor({ state: 'detached' });
    await home.reload();
    await home.getByRole('heading', { level: 2, name: 'Featured courses' }).waitFor();
    await home.getByText('Welcome to the 9tangle demo academy').waitFor();
    await expect.poll(() => home.getByText(title).count()).toBe(0);
    expect(guestErrors).toEqual([]);

    // The announcement was for guests: the signed-in admin does not see it on the home page.
    const adminHome = await admin.newPage();
    await adminHome.goto(`${server.url}/`);
    await adminHome.getByText('Welcome to the 9tangle demo academy').waitFor();
    expect(await adminHome.getByText(title).count()).toBe(0);
    await guest.close();
    await admin.close();
  });
});
