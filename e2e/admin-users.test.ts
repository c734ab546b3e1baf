import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi, verifiedAccount } from './support/accounts.ts';
import { contextApi } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Sana Mirza',
  email: `sana-${Date.now()}@e2e.test`,
  password: 'a long student password',
};
// A paid course of the demo academy.
const PAID = 'UI Design Essentials with Figma';

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

async function expectAccessible(page: Page, label: string) {
  // Let colour transitions settle before axe measures contrast.
  await page.waitForTimeout(300);
  const violations = await seriousViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations)}`).toEqual([]);
}

describe('the users and audit pages in the browser', () => {
  it('an admin finds a student, changes their role, signs in as them, returns, and reads it all in the audit log', async () => {
    const adminContext = await browser.newContext();
    await signInThroughApi(adminContext, server.url, ADMIN);
    const studentContext = await browser.newContext();
    const student = await verifiedAccount(studentContext, adminContext, server.url, STUDENT);
    await studentContext.close();
    // A failed sign-in, for the review page.
    const stranger = await browser.newContext();
    await stranger.request.post(`${server.url}/api/auth/login`, {
      headers: { origin: server.url },
      data: { email: STUDENT.email, password: 'not the password' },
    });
    await stranger.close();
    const { items } = await contextApi<{ items: { slug: string; title: string }[] }>(
      adminContext,
      server.url,
      'GET',
      '/api/courses?limit=50',
    );
    const paid = items.find((c) => c.title === PAID) as { slug: string };

    const page = await adminContext.newPage();
    const errors = collectErrors(page);

    // Find the student.
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByLabel('Search').fill(STUDENT.email);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=sana-/);
    const rows = page.getByRole('table').getByRole('row');
    // The previous page stays on screen while the search loads: wait for the one match.
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(1).getByRole('link', { name: STUDENT.name }).waitFor();
    await expectAccessible(page, '/admin/users');
    await page.getByRole('link', { name: STUDENT.name }).click();
    await page.getByRole('heading', { level: 1, name: STUDENT.name }).waitFor();
    await page.getByRole('heading', { name: 'Recent sign-in activity' }).waitFor();
    await expectAccessible(page, '/admin/users/:id');

    // Change the role, confirmed.
    await page.getByLabel('Role', { exact: true }).selectOption('instructor');
    await page.getByRole('button', { name: 'Change role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Change the role?' });
    await roleDialog.getByText('goes from Student to Instructor').waitFor();
    await expectAccessible(page, 'the role dialog');
    await roleDialog.getByRole('button', { name: 'Change role' }).click();
    await page.getByText('The role was changed.').waitFor();

    // Sign in as the student: the whole app reloads as them, with the banner.
    await page.getByRole('button', { name: 'Sign in as this user' }).click();
    const asDialog = page.getByRole('dialog', { name: `Sign in as ${STUDENT.name}?` });
    await asDialog.getByRole('button', { name: 'Sign in as this user' }).click();
    await page.waitForURL(`${server.url}/`);
    const banner = page.getByRole('status').filter({ hasText: 'You are viewing the site as' });
    await banner.getByText(STUDENT.email).waitFor();
    await banner.getByText('Signed in by').waitFor();

    // Money is out of reach: adding to the cart is refused with the reason.
    await page.goto(`${server.url}/courses/${paid.slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).first().click();
    await page
      .getByRole('alert')
      .filter({
        hasText: 'Payments and security settings are disabled while you are signed in as another user',
      })
      .waitFor();
    await page.goto(`${server.url}/cart`);
    await page.getByText('Payments are disabled while you are signed in as this user.').waitFor();

    // Return: back in the admin panel, on the student's page, as the admin.
    await page.getByRole('button', { name: 'Return to my account' }).click();
    await page.waitForURL(`${server.url}/admin/users/${student.id}`);
    await page.getByRole('heading', { level: 1, name: STUDENT.name }).waitFor();
    expect(await page.getByText('You are viewing the site as').count()).toBe(0);
    const me = await contextApi<{ user: { email: string }; impersonated: boolean }>(
      adminContext,
      server.url,
      'GET',
      '/api/auth/me',
    );
    expect(me).toMatchObject({ user: { email: ADMIN.email }, impersonated: false });

    // The audit log has all three actions, the return made "as" the student.
    await page.getByRole('link', { name: 'Admin actions on this account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const log = page.getByRole('table', { name: 'Audit log' });
    await log.getByRole('cell', { name: 'impersonation.stopped', exact: true }).waitFor();
    await log.getByRole('cell', { name: 'impersonation.started', exact: true }).waitFor();
    await log.getByRole('cell', { name: 'user.role_changed', exact: true }).waitFor();
    await log.getByText(`as ${STUDENT.email}`).waitFor();
    await expectAccessible(page, '/admin/audit');
    await page.getByRole('button', { name: 'View user.role_changed' }).click();
    const entry = page.getByRole('dialog', { name: 'Audit entry' });
    const roleRow = entry.getByRole('row', { name: /^role/ });
    await roleRow.getByText('"student"').waitFor();
    await roleRow.getByText('"instructor"').waitFor();
    await expectAccessible(page, 'the audit entry');
    await entry.getByRole('button', { name: 'Close' }).click();

    // The sign-in review page shows the failed attempt.
    await page.goto(`${server.url}/admin/auth-events`);
    await page.getByRole('heading', { level: 1, name: 'Sign-in activity' }).waitFor();
    await page.getByLabel('Group').selectOption('failed_sign_ins');
    await page.getByLabel('Email contains').fill(STUDENT.email);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/kind=failed_sign_ins/);
    const events = page.getByRole('table', { name: 'Sign-in activity' });
    await expect.poll(() => events.getByRole('row').count()).toBe(2);
    await events.getByRole('link', { name: STUDENT.name }).waitFor();
    await page.getByRole('region', { name: 'In this range' }).getByText('Failed sign-in').waitFor();
    await expectAccessible(page, '/admin/auth-events');

    expect(errors.filter((e) => !/403|impersonation_forbidden/.test(e))).toEqual([]);
    await adminContext.close();
  });
});
