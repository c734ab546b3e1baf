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
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the maintenance jobs page in the browser', () => {
  it('an admin sees the four jobs, runs one now, watches it finish and reads it in the history', async () => {
    const context = await browser.newContext();
    await signInThroughApi(context, server.url, ADMIN);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin/jobs`);
    await page.getByRole('heading', { level: 1, name: 'Maintenance jobs' }).waitFor();
    for (const title of [
      'Purge expired tokens and sessions',
      'Archive old orders and events',
      'VACUUM and ANALYZE',
      'Rotate log files',
    ])
      await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
    expect(await seriousViolations(page), '/admin/jobs').toEqual([]);

    const card = page.getByRole('region', { name: 'Purge expired tokens and sessions', exact: true });
    await card.getByText('This job has not run yet.').waitFor();
    await card.getByRole('button', { name: 'Run now' }).click();
    await page.getByText('“Purge expired tokens and sessions” was queued').waitFor();
    // The page polls while the run is in progress: its end shows without a reload.
    await card.getByText('Succeeded').waitFor({ timeout: 30_000 });
    await card.getByText('Sessions:').waitFor();

    const history = page.getByRole('region', { name: 'Runs of “Purge expired tokens and sessions”' });
    await history.getByRole('row').nth(1).getByText('An admin').waitFor({ timeout: 15_000 });
    await history.getByRole('row').nth(1).getByText('Succeeded').waitFor();

    await page
      .getByRole('region', { name: 'Rotate log files', exact: true })
      .getByRole('button', { name: 'History' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Runs of “Rotate log files”' }).waitFor();
    await page.getByText('No runs match.').waitFor();
    expect(await seriousViolations(page), '/admin/jobs with history').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a signed-out visitor no jobs page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin/jobs`);
    expect(await page.getByRole('heading', { level: 1, name: 'Maintenance jobs' }).count()).toBe(0);
    await page.close();
  });
});
