import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'ops-admin@e2e.test', password: 'admin password for the ops e2e' };

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

describe('the operations page in the browser', () => {
  it('shows the live health and the checks, and "Run checks now" brings their states up to date', async () => {
    const context = await browser.newContext();
    await signInThroughApi(context, server.url, ADMIN);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin/operations`);
    await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();

    // The live health: the database tile says it is connected, with the version.
    const health = page.getByRole('region', { name: 'Live health' });
    await health.getByText('Connected').first().waitFor();
    await health.getByText(/Updated .* \(every 15 seconds\)/).waitFor();

    // A fresh academy: the checks are listed by schedule, none has run yet.
    await page.getByRole('heading', { level: 3, name: 'Daily checks' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Weekly checks' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Monthly checks' }).waitFor();
    const backup = page.locator('[data-check="backup"]');
    await backup.getByText('Not run', { exact: true }).waitFor();
    expect(await seriousViolations(page), '/admin/operations').toEqual([]);

    await page.getByRole('button', { name: 'Run checks now' }).click();
    await page.getByText(/^Checks run in [\d.]+ s: \d+ checks? changed state\.$/).waitFor();
    // Never backed up: CRIT, in words; the database answers: OK (or WARN when slow), never CRIT.
    await backup.getByText('CRIT', { exact: true }).waitFor();
    await backup.getByText('No backup has been made yet').waitFor();
    await backup.getByText(/In this state since/).waitFor();
    const database = page.locator('[data-check="database"]');
    await database.getByText(/The database answered/).waitFor();
    expect(await database.getByText(/^(OK|WARN)$/).count()).toBe(1);
    await page
      .locator('[data-check="tls_certificate"]')
      .getByText(/not https/)
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Dependency advisories' }).waitFor();

    await backup.getByText('Details').click();
    await backup.getByText('last failure').waitFor();
    expect(await seriousViolations(page), '/admin/operations after a run').toEqual([]);

    await page.getByRole('button', { name: 'History of Last backup' }).click();
    const dialog = page.getByRole('dialog', { name: 'History: Last backup' });
    await dialog.getByText('No backup has been made yet').waitFor();
    await dialog.getByText('CRIT', { exact: true }).waitFor();
    expect(await seriousViolations(page), 'the history dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('is not found for a visitor who is not an admin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`${server.url}/admin/operations`);
    expect(res?.status()).toBe(404);
    await context.close();
  });
});
