import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors, signIn, signUp } from './support/flows.ts';
import { readCodeInOutbox } from './support/outbox.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Amina Browser',
  email: `amina-${Date.now()}@e2e.test`,
  password: 'a long student password',
};

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

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
}

describe('account security in the browser', () => {
  it('sign up, verify from the outbox, sign in, 2FA, sign in with TOTP, sign out everywhere', async () => {
    const student = await (await browser.newContext()).newPage();
    const admin = await (await browser.newContext()).newPage();
    const errors = collectErrors(student);

    // Sign up
    await signUp(student, server.url, STUDENT);

    // The code, read by the admin in the outbox
    await signIn(admin, server.url, ADMIN.email, ADMIN.password);
    await admin.waitForURL(/\/profile/);
    const code = await readCodeInOutbox(admin, server.url, STUDENT.email);
    expect(code).toMatch(/^\d{6}$/);
    expect(await seriousViolations(admin), '/admin/outbox').toEqual([]);

    // Verify
    await student.getByLabel('Verification code').fill(code as string);
    await student.getByRole('button', { name: 'Verify' }).click();
    await student.waitForURL(/\/profile/);

    // Sign out and sign in with the password
    await signOut(student);
    await signIn(student, server.url, STUDENT.email, STUDENT.password);
    await student.waitForURL(/\/profile/);
    expect(await seriousViolations(student), '/profile').toEqual([]);

    // Enable two-factor authentication
    await student.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secret = (await student.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await student.getByLabel('Authentication code').fill(totp.generate());
    await student.getByRole('button', { name: 'Enable two-factor authentication' }).click();
    const recovery = await student.getByTestId('recovery-codes').innerText();
    expect(recovery.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g)).toHaveLength(10);
    await student.getByRole('button', { name: 'Done' }).click();

    // Sign out, then sign in with a TOTP code (the next step's: each step's code is accepted once)
    await signOut(student);
    await signIn(student, server.url, STUDENT.email, STUDENT.password);
    await student.getByLabel('Authentication code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await student.getByRole('button', { name: 'Verify' }).click();
    await student.waitForURL(/\/profile/);

    // Sign out everywhere: this session is dead on its next request
    await student.getByRole('button', { name: 'Sign out everywhere' }).click();
    await student.waitForURL(/\/login/);
    const status = await student.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);

    expect(errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });

  it('renders the public pages on the server, with no serious accessibility violations', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [path, title] of [
      ['/', /9tangle/],
      ['/login', /Sign in/],
      ['/register', /Sign up|Create/],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      expect(await page.title()).toMatch(title);
      expect(await page.locator('main#main').count()).toBe(1);
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
    }
    await context.close();
    const live = await (await browser.newContext()).newPage();
    for (const path of ['/', '/login', '/register', '/forgot-password']) {
      await live.goto(`${server.url}${path}`);
      await live.waitForLoadState('networkidle');
      expect(await seriousViolations(live), path).toEqual([]);
    }
  });

  it('lays pages out right-to-left for Urdu', async () => {
    const context = await browser.newContext({
      locale: 'ur-PK',
      extraHTTPHeaders: { 'accept-language': 'ur' },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ur');
    await context.close();
  });
});
