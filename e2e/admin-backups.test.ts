import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };

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

describe('the backups page in the browser', () => {
  it('an admin backs up now, runs a restore drill of that backup, and sees both succeed', async () => {
    const context = await browser.newContext();
    await signInThroughApi(context, server.url, ADMIN);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin/backups`);
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    await page.getByText('No backup has run yet.').waitFor();
    await page.getByText('30 days (the newest is always kept)').waitFor();
    expect(await seriousViolations(page), '/admin/backups, empty').toEqual([]);

    await page.getByRole('button', { name: 'Back up now' }).click();
    const runs = page.getByTestId('backup-runs');
    await runs.locator('tr[data-run-job="backup"][data-run-status="succeeded"]').waitFor({ timeout: 90_000 });
    const archiveRow = page
      .getByRole('table', { name: 'Backup archives, newest first' })
      .getByRole('row')
      .nth(1);
    const name = ((await archiveRow.getByRole('cell').first().textContent()) ?? '').trim();
    expect(name).toMatch(/^9tangle-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    await runs
      .getByText(new RegExp(`${name.replace(/\./g, '\\.')} — .+ tables, .+ rows, .+ files`))
      .waitFor();

    // The download link streams the archive itself.
    const download = await context.request.get(`${server.url}/api/admin/backups/${name}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 2).toString('hex')).toBe('1f8b');

    await page.getByRole('button', { name: 'Run a restore drill', exact: true }).click();
    await runs
      .locator('tr[data-run-job="restore_drill"][data-run-status="succeeded"]')
      .waitFor({ timeout: 90_000 });
    await runs.getByText(/^Passed: \d+ tables and \d+ rows match the manifest$/).waitFor();
    await page.getByRole('region', { name: 'Last restore drill' }).getByText('Succeeded').waitFor();
    await page.waitForTimeout(300);
    const violations = await seriousViolations(page);
    expect(violations, `/admin/backups with runs: ${JSON.stringify(violations)}`).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hides the page from anyone who is not an admin', async () => {
    const context = await browser.newContext();
    const res = await context.request.get(`${server.url}/api/admin/backups`);
    expect(res.status()).toBe(401);
    await context.close();
  });
});
