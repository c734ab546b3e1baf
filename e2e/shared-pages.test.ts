import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi, verifiedAccount } from './support/accounts.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const stamp = Date.now().toString(36);
const AMINA = { name: 'Amina Shared', email: `amina-${stamp}@e2e.test`, password: 'a long student password' };
const BILAL = { name: 'Bilal Shared', email: `bilal-${stamp}@e2e.test`, password: 'a long student password' };

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;

beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  browser = await launchBrowser();
  admin = await browser.newContext();
  await signInThroughApi(admin, server.url, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function student(person: typeof AMINA): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  await verifiedAccount(context, admin, server.url, person);
  const page = await context.newPage();
  return { page, errors: collectErrors(page) };
}

describe('pages shared by the students (rendered once for the role, ADR 039)', () => {
  it('shows each student their own account menu after hydration, with no mismatch, and signs out', async () => {
    const amina = await student(AMINA);
    const bilal = await student(BILAL);
    for (const path of ['/dashboard', '/courses']) {
      for (const [s, me, other] of [
        [amina, AMINA, BILAL],
        [bilal, BILAL, AMINA],
      ] as const) {
        await s.page.goto(`${server.url}${path}`);
        const menu = s.page.getByRole('button', { name: 'Account menu' });
        await expect.poll(() => menu.textContent()).toContain(me.name);
        await menu.click();
        const opened = s.page.getByRole('menu');
        await expect.poll(() => opened.textContent()).toContain(me.email);
        expect(await s.page.content()).not.toContain(other.email);
        await s.page.keyboard.press('Escape');
      }
    }
    // Sign out from a shared page: the next page is the visitor's.
    await amina.page.goto(`${server.url}/dashboard`);
    await amina.page.getByRole('button', { name: 'Account menu' }).click();
    await amina.page.getByRole('menuitem', { name: 'Sign out' }).click();
    await amina.page.waitForURL(`${server.url}/`);
    await expect.poll(() => amina.page.getByRole('button', { name: 'Account menu' }).count()).toBe(0);
    expect(await amina.page.content()).not.toContain(AMINA.email);
    expect(amina.errors).toEqual([]);
    expect(bilal.errors).toEqual([]);
  });
});
