import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi, verifiedAccount } from './support/accounts.ts';
import { type ApiMethod, contextApi } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Bilal Ahmed',
  email: `bilal-${Date.now()}@e2e.test`,
  password: 'a long student password',
};
// Two paid PKR courses of the demo academy.
const REFUNDED = 'UI Design Essentials with Figma';
const KEPT = 'React and TypeScript: Build Real Apps';

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

type Course = { id: string; slug: string; title: string };

/** Set-up through the API: the student buys both courses with the test provider's card. */
async function studentWithTwoCourses(student: BrowserContext) {
  const api = <T>(method: ApiMethod, path: string, body?: unknown) =>
    contextApi<T>(student, server.url, method, path, body);
  const admin = await browser.newContext();
  await signInThroughApi(admin, server.url, ADMIN);
  await verifiedAccount(student, admin, server.url, STUDENT);
  await admin.close();
  const { items } = await api<{ items: Course[] }>('GET', '/api/courses?limit=50');
  const courses = [REFUNDED, KEPT].map((title) => items.find((c) => c.title === title) as Course);
  for (const c of courses) await api('POST', '/api/cart/items', { itemType: 'course', itemId: c.id });
  const csrf = (await student.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
  const placed = await student.request.post(`${server.url}/api/checkout/orders`, {
    headers: { 'x-csrf-token': csrf, origin: server.url, 'idempotency-key': randomUUID() },
    data: { contact: { name: STUDENT.name, email: STUDENT.email }, country: 'PK', provider: 'test' },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const { orderNumber, redirectUrl } = (await placed.json()) as { orderNumber: string; redirectUrl: string };
  await api('POST', `/api/payments/test/${redirectUrl.split('/').pop()}/pay`);
  // A lesson that is not a free preview: only the enrolled may open it.
  const firstLesson = async (c: Course) =>
    (
      await api<{ sections: { lessons: { id: string; isPreview: boolean }[] }[] }>(
        'GET',
        `/api/learning/courses/${c.slug}`,
      )
    ).sections
      .flatMap((s) => s.lessons)
      .find((l) => !l.isPreview)?.id as string;
  return {
    orderNumber,
    courses,
    lessons: [await firstLesson(courses[0] as Course), await firstLesson(courses[1] as Course)],
  };
}

describe('the orders back office in the browser', () => {
  it('an admin finds an order by number, refunds one course, and the student loses access to it', async () => {
    const student = await browser.newContext();
    const { orderNumber, lessons } = await studentWithTwoCourses(student);
    const lessonStatus = async (id: string) =>
      (await student.request.get(`${server.url}/api/learning/lessons/${id}`)).status();
    expect([await lessonStatus(lessons[0] as string), await lessonStatus(lessons[1] as string)]).toEqual([
      200, 200,
    ]);

    const adminContext = await browser.newContext();
    await signInThroughApi(adminContext, server.url, ADMIN);
    const page = await adminContext.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin/orders`);
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await page.getByLabel('Order number, buyer email or name').fill(orderNumber);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=ORD-/);
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).getByRole('link', { name: orderNumber }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await seriousViolations(page), '/admin/orders').toEqual([]);
    await page.getByRole('link', { name: orderNumber }).click();
    await page.getByRole('heading', { level: 1, name: orderNumber }).waitFor();
    await page.getByText(REFUNDED).first().waitFor();

    await page.getByRole('button', { name: 'Refund…' }).click();
    const dialog = page.getByRole('dialog', { name: `Refund order ${orderNumber}` });
    await dialog.getByLabel(new RegExp(`^${REFUNDED}`)).fill('1');
    await dialog.getByLabel('Reason').fill('Bought the wrong course');
    // The amount is the server's: the course's price, nothing typed.
    await dialog.getByText(/Amount to refund: PKR\s?2,500\.00/).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Confirm refund' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    // Let the button's colour transition (disabled → enabled) finish before axe measures contrast.
    await page.waitForTimeout(400);
    const violations = await seriousViolations(page);
    expect(violations, `the refund dialog: ${JSON.stringify(violations)}`).toEqual([]);
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Partially refunded/).waitFor();
    await page.getByText('Bought the wrong course', { exact: false }).first().waitFor();

    // The very next request of the student: the refunded course is closed, the other still open.
    expect(await lessonStatus(lessons[0] as string)).not.toBe(200);
    expect(await lessonStatus(lessons[1] as string)).toBe(200);
    expect(errors).toEqual([]);
    await adminContext.close();
    await student.close();
  });
});
