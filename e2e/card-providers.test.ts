import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePaypal, startFakePaypal } from '../apps/server/test/fake-paypal.ts';
import {
  FAKE_STRIPE_SECRET,
  FAKE_WEBHOOK_SECRET,
  type FakeStripe,
  startFakeStripe,
} from '../apps/server/test/fake-stripe.ts';
import { verifiedAccount } from './support/accounts.ts';
import { apiFromPage, contextApi } from './support/api.ts';
import { contextWithoutVideoEmbeds, launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

/**
 * Stripe and PayPal through the web app: the built server talks to a local fake of the provider (started
 * here), the buyer pays on the fake's hosted page in Chromium and comes back to the success page.
 */
const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const PASSWORD = 'a long student password';

interface CatalogCourse {
  id: string;
  slug: string;
  title: string;
  priceMinor: number;
  currency: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A server with the demo catalog and one card provider; the admin signed in in a context of its own. */
async function shop(env: Record<string, string>) {
  const server = await startServer({
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO: 'true',
    TEST_PAYMENTS: 'false',
    ...env,
  });
  const admin = await browser.newContext();
  await contextApi(admin, server.url, 'POST', '/api/auth/login', ADMIN);
  return { server, admin };
}

/** A verified student, signed in on a page, with a paid demo course (in `currency`, if given) in the cart. */
async function studentWithCourseInCart(
  server: RunningServer,
  admin: BrowserContext,
  name: string,
  currency?: string,
): Promise<{ page: Page; email: string; course: CatalogCourse; errors: string[] }> {
  const context = await contextWithoutVideoEmbeds(browser);
  const email = `${name.toLowerCase()}-${Date.now()}@e2e.test`;
  await verifiedAccount(context, admin, server.url, { name, email, password: PASSWORD });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/cart`);
  const catalog = await apiFromPage<{ items: CatalogCourse[] }>(
    page,
    'GET',
    '/api/courses?price=paid&limit=48',
  );
  const course = catalog.items.find((c) => currency === undefined || c.currency === currency);
  if (!course) throw new Error(`the demo catalog has no paid ${currency ?? ''} course`);
  await apiFromPage(page, 'POST', '/api/cart/items', { itemType: 'course', itemId: course.id });
  return { page, email, course, errors };
}

/** Through /checkout's steps with a provider chosen on the payment step, up to its hosted page. */
async function placeOrderWith(page: Page, baseUrl: string, method: string) {
  await page.goto(`${baseUrl}/checkout`);
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
  await page.getByLabel('Full name').waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(method, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
}

/** The success page says paid, the course's first lesson opens, and the buyer holds exactly one enrollment. */
async function assertPaidAndLearning(
  s: { page: Page; email: string; course: CatalogCourse; errors: string[] },
  server: RunningServer,
  admin: BrowserContext,
): Promise<string> {
  const { page, course } = s;
  await page.waitForURL(/\/checkout\/success\?order=ORD-/);
  const orderNumber = new URL(page.url()).searchParams.get('order') ?? '';
  await page.getByText('Payment received. Thank you!').waitFor();
  await page.getByRole('link', { name: `Start learning: ${course.title}` }).click();
  await page.waitForURL(/\/courses\/[^/]+\/learn\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'Mark complete' }).waitFor();

  const mine = await apiFromPage<{ items: { course: { id: string } }[] }>(
    page,
    'GET',
    '/api/learning/courses',
  );
  expect(mine.items.map((i) => i.course.id)).toEqual([course.id]);
  const students = await contextApi<{ items: { enrollmentId: string }[] }>(
    admin,
    server.url,
    'GET',
    `/api/studio/courses/${course.id}/students?q=${encodeURIComponent(s.email)}`,
  );
  expect(students.items).toHaveLength(1);
  expect(s.errors).toEqual([]);
  return orderNumber;
}

describe('card providers through the web app', () => {
  describe('Stripe', () => {
    let stripe: FakeStripe;
    let server: RunningServer;
    let admin: BrowserContext;
    beforeAll(async () => {
      stripe = await startFakeStripe();
      ({ server, admin } = await shop({
        STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET,
        STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
        STRIPE_API_BASE: stripe.apiBase,
      }));
    });
    afterAll(async () => {
      await admin?.close();
      await server?.stop();
      await stripe?.close();
    });

    it('a student pays on Stripe’s page; the webhook and the success page’s lookup race, one enrollment', async () => {
      const s = await studentWithCourseInCart(server, admin, 'Stella');
      // The signed webhook goes out as the buyer is sent back, so it races the success page's lookup.
      const deliveries: Promise<number>[] = [];
      stripe.onHostedPay = (event) => {
        const { payload, headers } = stripe.signed(event);
        deliveries.push(
          fetch(`${server.url}/api/webhooks/stripe`, { method: 'POST', headers, body: payload }).then(
            (r) => r.status,
          ),
        );
      };

      await placeOrderWith(s.page, server.url, 'Card (Stripe)');
      await s.page.waitForURL((u) => u.href.startsWith(`${stripe.apiBase}/pay/cs_test_`));
      await s.page.getByRole('heading', { name: 'Fake Stripe Checkout' }).waitFor();
      await s.page.getByRole('button', { name: 'Pay', exact: true }).click();

      const orderNumber = await assertPaidAndLearning(s, server, admin);
      expect(await Promise.all(deliveries)).toEqual([200]);
      expect(stripe.sessions.size).toBe(1);
      const [session] = [...stripe.sessions.values()];
      if (!session) throw new Error('no Stripe session was created');
      expect(session.metadata.orderNumber).toBe(orderNumber);
      expect(session.payment_status).toBe('paid');
      // Delivered again (Stripe retries): still one enrollment.
      const again = stripe.signed(stripe.event('checkout.session.completed', session));
      const res = await fetch(`${server.url}/api/webhooks/stripe`, {
        method: 'POST',
        headers: again.headers,
        body: again.payload,
      });
      expect(res.status).toBe(200);
      const students = await contextApi<{ items: unknown[] }>(
        admin,
        server.url,
        'GET',
        `/api/studio/courses/${s.course.id}/students?q=${encodeURIComponent(s.email)}`,
      );
      expect(students.items).toHaveLength(1);
    });
  });

  describe('PayPal', () => {
    let paypal: FakePaypal;
    let server: RunningServer;
    let admin: BrowserContext;
    beforeAll(async () => {
      paypal = await startFakePaypal();
      ({ server, admin } = await shop(paypal.env));
    });
    afterAll(async () => {
      await admin?.close();
      await server?.stop();
      await paypal?.close();
    });

    it('a student pays a USD course on PayPal’s page and is captured on return, one enrollment', async () => {
      const s = await studentWithCourseInCart(server, admin, 'Pablo', 'USD');
      await placeOrderWith(s.page, server.url, 'PayPal');
      await s.page.waitForURL((u) => u.href.startsWith(`${paypal.url}/checkoutnow?token=`));
      await s.page.getByRole('heading', { name: 'Fake PayPal' }).waitFor();
      await s.page.getByRole('button', { name: 'Pay now' }).click();

      await assertPaidAndLearning(s, server, admin);
      expect(paypal.stats.captures).toBe(1);
      const [order] = [...paypal.orders.values()];
      expect(paypal.orders.size).toBe(1);
      expect(order?.status).toBe('COMPLETED');
      expect(order?.unit.amount).toEqual({
        currency_code: 'USD',
        value: (s.course.priceMinor / 100).toFixed(2),
      });
    });
  });
});
