import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi, verifiedAccount } from './support/accounts.ts';
import { contextApi } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Hina Baig',
  email: `hina-${Date.now()}@e2e.test`,
  password: 'a long student password',
};
const COURSE = { slug: 'ui-design-essentials-with-figma', title: 'UI Design Essentials with Figma' };
/** A 1×1 PNG: what a phone screenshot of the JazzCash receipt is, as far as the server's sniffing goes. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5d6e0e00000000049454e44ae426082',
  'hex',
);

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

/** Set-up through the API: a verified student with the paid demo course in the cart, ordered by transfer. */
async function pendingManualOrder(student: BrowserContext, admin: BrowserContext): Promise<string> {
  await verifiedAccount(student, admin, server.url, STUDENT);
  const course = await contextApi<{ id: string }>(student, server.url, 'GET', `/api/courses/${COURSE.slug}`);
  await contextApi(student, server.url, 'POST', '/api/cart/items', { itemType: 'course', itemId: course.id });
  const csrf = (await student.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
  const res = await student.request.post(`${server.url}/api/checkout/orders`, {
    headers: { 'x-csrf-token': csrf, origin: server.url, 'idempotency-key': randomUUID() },
    data: { contact: { name: STUDENT.name, email: STUDENT.email }, country: 'PK', provider: 'manual' },
  });
  expect(res.status(), await res.text()).toBe(201);
  const placed = (await res.json()) as { orderNumber: string; redirectUrl: string };
  expect(placed.redirectUrl).toBe(`/checkout/manual/${placed.orderNumber}`);
  return placed.orderNumber;
}

async function sendProofInPage(page: Page, transactionId: string) {
  await page.getByRole('tab', { name: 'JazzCash' }).click();
  await page.getByTestId('manual-account').getByText('0300-0000000').waitFor();
  await page.getByLabel('Account you paid into').selectOption({ label: 'JazzCash (JazzCash)' });
  await page.getByLabel('Transaction ID').fill(transactionId);
  await page.getByLabel('Sent from').fill('0301-7654321');
  await page.getByLabel('Receipt or screenshot').setInputFiles({
    name: 'jazzcash-receipt.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await page.getByRole('button', { name: 'Send proof' }).click();
  // The form gives way to the review notice once the proof is in.
  await page.getByText('Your proof is being reviewed').waitFor();
}

async function openInQueue(page: Page, orderNumber: string) {
  await page.goto(`${server.url}/admin/payments?status=pending`);
  await page.getByTestId('queue-item').filter({ hasText: orderNumber }).click();
  await page.getByTestId('proof-detail').waitFor();
  await page.getByTestId('proof-detail').getByText('0301-7654321').waitFor();
  // The proof itself is shown, served from the admin file route.
  await page.getByRole('img', { name: 'The proof of payment' }).waitFor();
}

describe('a manual transfer in the browser', () => {
  it('a student sends a JazzCash proof, sees it rejected with the reason, resubmits, and gets the course', async () => {
    const admin = await browser.newContext();
    await signInThroughApi(admin, server.url, ADMIN);
    const student = await browser.newContext();
    const orderNumber = await pendingManualOrder(student, admin);
    const page = await student.newPage();
    const errors = collectErrors(page);

    // The transfer page: amount, the order number as the reference, the accounts, the form
    await page.goto(`${server.url}/checkout/manual/${orderNumber}`);
    await page.getByTestId('manual-reference').filter({ hasText: orderNumber }).waitFor();
    expect(await page.getByTestId('manual-amount').textContent()).toContain('2,500');
    await sendProofInPage(page, 'JC-1111');
    await page.getByTestId('proof').getByText('Pending review').waitFor();

    // The admin rejects it as unreadable
    const adminPage = await admin.newPage();
    await openInQueue(adminPage, orderNumber);
    await adminPage.getByTestId('proof-detail').getByRole('button', { name: 'Reject' }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByLabel('Reason').selectOption('unreadable_proof');
    await dialog.getByLabel('Note to the buyer').fill('The screenshot is cut off');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await adminPage.getByTestId('proof-detail').getByText('Rejected').waitFor();

    // The student sees why on /payment-status and resubmits from there
    await page.goto(`${server.url}/payment-status`);
    const row = page.getByTestId('payment-row').filter({ hasText: orderNumber });
    await row.getByText('Rejected').waitFor();
    await row.getByText('The proof could not be read.').waitFor();
    await row.getByText('The screenshot is cut off').waitFor();
    await row.getByRole('link', { name: 'Send a new proof' }).click();
    await page.waitForURL(`**/checkout/manual/${orderNumber}`);
    await sendProofInPage(page, 'JC-2222');

    // The admin approves the second proof
    await openInQueue(adminPage, orderNumber);
    await adminPage.getByRole('button', { name: 'Approve payment' }).click();
    await adminPage.getByTestId('proof-detail').getByText('Approved').waitFor();

    // The student's payment is approved and the course is theirs
    await page.goto(`${server.url}/payment-status`);
    await page.getByTestId('payment-row').filter({ hasText: orderNumber }).getByText('Approved').waitFor();
    const outline = await contextApi<{ sections: unknown[] }>(
      student,
      server.url,
      'GET',
      `/api/learning/courses/${COURSE.slug}`,
    );
    expect(outline.sections.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/dashboard`);
    await page.getByText(COURSE.title).first().waitFor();
    expect(errors).toEqual([]);
    await admin.close();
    await student.close();
  });
});
