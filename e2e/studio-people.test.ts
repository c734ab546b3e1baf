import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instructorAccount, signInThroughApi } from './support/accounts.ts';
import { contextApi } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors, signIn } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const PASSWORD = 'a long instructor password';
const stamp = Date.now().toString(36);
const OWNER = { name: 'Sana Owner', email: `sana-${stamp}@e2e.test` };
const CO = { name: 'Omar Helper', email: `omar-${stamp}@e2e.test` };
const TITLE = `Calligraphy basics ${stamp}`;

let server: RunningServer;
let browser: Browser;

/** An instructor account, set up through the API in a context of its own (the pages sign in again). */
async function instructor(admin: BrowserContext, p: { name: string; email: string }) {
  const context = await browser.newContext();
  await instructorAccount(context, admin, server.url, { ...p, password: PASSWORD });
  return context;
}

async function signedInPage(email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, server.url, email, password);
  await page.waitForURL(/\/profile/);
  return page;
}

beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the studio’s people and the review queue in the browser', () => {
  it('an instructor adds a co-instructor and submits; the admin approves it from /admin/courses', async () => {
    const adminApi = await browser.newContext();
    await signInThroughApi(adminApi, server.url, ADMIN);
    const ownerApi = await instructor(adminApi, OWNER);
    await instructor(adminApi, CO);
    const api = <T>(path: string, body: unknown) => contextApi<T>(ownerApi, server.url, 'POST', path, body);
    const course = await api<{ id: string }>('/api/studio/courses', { title: TITLE });
    const section = await api<{ id: string }>(`/api/studio/courses/${course.id}/sections`, {
      title: 'Strokes',
    });
    await api(`/api/studio/sections/${section.id}/lessons`, { title: 'Holding the pen', type: 'text' });

    // The admin turns on approval from the review page
    const admin = await signedInPage(ADMIN.email, ADMIN.password);
    const adminErrors = collectErrors(admin);
    await admin.getByRole('button', { name: 'Account menu' }).click();
    await admin.getByRole('menuitem', { name: 'Admin panel' }).click();
    await admin
      .getByRole('navigation', { name: 'Admin panel' })
      .getByRole('link', { name: 'Courses' })
      .click();
    await admin.waitForURL(/\/admin\/courses$/);
    await admin.getByLabel('Publishing a course needs an admin’s approval').check();
    await admin.getByText('Saved.').waitFor();

    // The owner adds the co-instructor by email, then submits the course for review
    const owner = await signedInPage(OWNER.email, PASSWORD);
    const ownerErrors = collectErrors(owner);
    await owner.goto(`${server.url}/studio/courses/${course.id}?tab=instructors`);
    await owner.getByLabel('Email address').fill(CO.email);
    await owner.getByRole('button', { name: 'Add instructor' }).click();
    await owner.getByText(`${CO.name} now teaches this course.`).waitFor();
    await owner.getByRole('listitem').filter({ hasText: CO.name }).waitFor();
    expect(await seriousViolations(owner), 'the instructors tab').toEqual([]);
    await owner.getByRole('button', { name: 'Submit for review' }).click();
    await owner.getByText('Submitted. An administrator will review the course.').waitFor();

    // The admin publishes it from the queue
    await admin.reload();
    const row = admin.getByRole('row').filter({ hasText: TITLE });
    await row.getByText(`${OWNER.name}, ${CO.name}`).waitFor();
    expect(await seriousViolations(admin), '/admin/courses').toEqual([]);
    await row.getByRole('button', { name: `Publish “${TITLE}”` }).click();
    await row.waitFor({ state: 'detached' });
    await admin.getByLabel('Show').selectOption('published');
    await admin
      .getByRole('row')
      .filter({ hasText: TITLE })
      .getByRole('link', { name: 'View the public page' })
      .click();
    await admin.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // The co-instructor sees the course in their studio and its (empty) students
    const co = await signedInPage(CO.email, PASSWORD);
    const coErrors = collectErrors(co);
    await co.goto(`${server.url}/studio`);
    await co.getByRole('link', { name: TITLE }).click();
    await co.getByRole('link', { name: 'Students' }).click();
    await co.getByText('Nobody has enrolled yet.').waitFor();

    expect([...adminErrors, ...ownerErrors, ...coErrors]).toEqual([]);
  });
});
