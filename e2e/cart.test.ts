import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi, verifiedAccount } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const BUYER = { name: 'Ali Hassan', email: `ali-${Date.now()}@e2e.test`, password: 'a long buyer password' };
// Demo courses in PKR: PKR 4,999 and PKR 2,500.
const REACT = {
  slug: 'react-and-typescript-build-real-apps',
  title: 'React and TypeScript: Build Real Apps',
};
const FIGMA = { slug: 'ui-design-essentials-with-figma', title: 'UI Design Essentials with Figma' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_DEMO: 'true' });
  browser = await launchBrowser();
  // The buyer's account exists already (made through the API in a context of its own).
  const setup = await browser.newContext();
  const admin = await browser.newContext();
  await signInThroughApi(admin, server.url, ADMIN);
  await verifiedAccount(setup, admin, server.url, BUYER);
  await Promise.all([setup.close(), admin.close()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the cart in the browser', () => {
  it('a guest adds a course, signs in, the cart is merged, a coupon lowers the total; wishlist to cart', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);

    // A guest adds a paid course: it waits in this browser, priced by the server on the cart page
    await page.goto(`${server.url}/courses/${REACT.slug}`);
    await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
    await page.getByText('Added to your cart.').waitFor();
    await page.getByRole('link', { name: 'Cart, 1 item' }).click();
    await page.waitForURL(/\/cart$/);
    await page.getByRole('link', { name: REACT.title }).waitFor();
    await page.getByTestId('cart-total').getByText('4,999.00').waitFor();
    expect(await seriousViolations(page), 'the guest cart').toEqual([]);

    // Signing in merges it into the account's cart
    await page.getByRole('link', { name: 'Sign in to check out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(BUYER.email);
    await page.getByLabel('Password', { exact: true }).fill(BUYER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/cart$/);
    await page.getByRole('link', { name: 'Checkout' }).waitFor();
    await page.getByRole('link', { name: REACT.title }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('9tangle.guestCart'))).toBeNull();

    // WELCOME10 takes 10 % off: the total the server computed
    await page.getByLabel('Coupon code').fill('welcome10');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('cart-total').getByText('4,499.10').waitFor();
    await page.getByTestId('cart-summary').getByText('Discount (WELCOME10)').waitFor();
    // A code that does not exist is explained
    await page.getByRole('button', { name: 'Remove coupon' }).click();
    await page.getByLabel('Coupon code').fill('NOPE');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('There is no coupon with this code.').waitFor();
    await page.getByTestId('cart-total').getByText('4,999.00').waitFor();
    expect(await seriousViolations(page), 'the cart').toEqual([]);

    // Wishlist: save another course, then move it to the cart
    await page.goto(`${server.url}/courses/${FIGMA.slug}`);
    await page.getByRole('button', { name: 'Save to wishlist' }).click();
    await page.getByRole('link', { name: 'In your wishlist' }).click();
    await page.waitForURL(/\/wishlist$/);
    await page.getByTestId('wishlist-item').getByRole('link', { name: FIGMA.title }).waitFor();
    expect(await seriousViolations(page), 'the wishlist').toEqual([]);
    await page.getByRole('button', { name: `Move to cart ${FIGMA.title}` }).click();
    await page.getByText('Moved to your cart.').waitFor();
    await page.getByText('Nothing saved yet.').waitFor();
    await page.getByRole('link', { name: 'Cart, 2 items' }).click();
    await page.waitForURL(/\/cart$/);
    await page.getByRole('link', { name: FIGMA.title }).waitFor();
    expect(await page.getByTestId('cart-line').count()).toBe(2);

    // A page loaded afresh shows the count the signed-in state carries, without fetching the cart.
    const cartReads: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/cart') cartReads.push(r.method());
    });
    await page.goto(`${server.url}/courses`);
    await page.getByRole('link', { name: 'Cart, 2 items' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(cartReads).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
