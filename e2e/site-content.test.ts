import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const word = () => randomBytes(4).toString('hex');

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
beforeAll(async () => {
  server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SEED_DEMO: 'true' });
  browser = await launchBrowser();
  admin = await browser.newContext();
  await signInThroughApi(admin, server.url, ADMIN);
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await server?.stop();
});

async function noViolations(page: Page, what: string) {
  const found = await seriousViolations(page);
  expect(found, `${what}: ${JSON.stringify(found)}`).toEqual([]);
}

describe('site content in the browser', () => {
  // One story in steps (each with its own time budget): the admin's edits, then the guest's view.
  const title = `Learn with us ${word()}`;
  const question = `Do you teach on weekends ${word()}?`;

  it('an admin edits the home banner, with its live preview', async () => {
    const page = await admin.newPage();
    const errors = collectErrors(page);

    await page.goto(`${server.url}/admin/content`);
    await page.getByRole('heading', { level: 1, name: 'Site content' }).waitFor();
    // The demo academy's banner is loaded into the form.
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toContain('Pakistan');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('region', { name: 'Preview' }).getByText(title).waitFor(); // the live preview
    await noViolations(page, '/admin/content');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved. Visitors see the change within a minute.').waitFor();
    for (const section of ['Page headers', 'Contact details']) {
      await page.getByRole('link', { name: section }).click();
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
      await noViolations(page, `/admin/content: ${section}`);
    }
    // Forms with a rich-text field are not scanned: axe can wait forever on the sandboxed preview frame
    // (seen here and in the FAQ dialog); the same fields are scanned elsewhere without a frame.
    await page.getByRole('link', { name: 'Privacy policy' }).click();
    await expect.poll(() => page.getByLabel('Text (HTML)').inputValue()).toContain('What we collect');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an admin adds a FAQ entry', async () => {
    const page = await admin.newPage();
    const errors = collectErrors(page);

    await page.goto(`${server.url}/admin/faq`);
    await page.getByRole('heading', { level: 1, name: 'FAQ' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Payments' }).waitFor(); // the demo entries
    await noViolations(page, '/admin/faq');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a question' });
    await dialog.getByLabel('Question').fill(question);
    await dialog.getByLabel('Category', { exact: true }).fill('Courses');
    await dialog
      .getByLabel('Answer (HTML)')
      .fill('<p>Yes, live classes run on <strong>Saturdays</strong>.</p>');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(question, { exact: true }).waitFor();

    await page.goto(`${server.url}/admin/team`);
    await page.getByText('Fatima Noor', { exact: true }).waitFor();
    await noViolations(page, '/admin/team');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a guest sees the new banner on / and the new entry on /faq, in the server HTML too', async () => {
    const guest = await browser.newContext();
    // In the HTML itself, before any script runs.
    expect(await (await guest.request.get(`${server.url}/`)).text()).toContain(title);
    expect(await (await guest.request.get(`${server.url}/faq`)).text()).toContain(question);
    const visitor = await guest.newPage();
    const guestErrors = collectErrors(visitor);
    await visitor.goto(`${server.url}/`);
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    await visitor.goto(`${server.url}/faq`);
    await visitor.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
    await visitor.getByText(question).click();
    await visitor.getByText('Saturdays').waitFor();
    expect(guestErrors).toEqual([]);
    await guest.close();
  });

  it('the public content pages pass the accessibility scan and link to each other', async () => {
    const guest = await browser.newContext();
    const visitor = await guest.newPage();
    const guestErrors = collectErrors(visitor);
    for (const path of ['/about', '/contact', '/faq', '/privacy', '/terms']) {
      await visitor.goto(`${server.url}${path}`);
      await visitor.getByRole('heading', { level: 1 }).waitFor();
      await noViolations(visitor, path);
    }
    await visitor.goto(`${server.url}/about`);
    await visitor.getByRole('heading', { level: 3, name: 'Ayesha Khan' }).waitFor();
    await visitor.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Privacy policy' }).waitFor();
    expect(guestErrors).toEqual([]);
    await guest.close();
  });

  it('a guest sends the contact form and the admin finds it in the inbox', async () => {
    const subject = `Group enrolment ${word()}`;
    const guest = await browser.newContext();
    const page = await guest.newPage();
    await page.goto(`${server.url}/contact`);
    await page.getByText('hello@demo.9tangle.local').waitFor();
    await page.getByLabel('Your name').fill('Sana Iqbal');
    await page.getByLabel('Your email').fill(`sana-${word()}@example.test`);
    await page.getByLabel('Subject', { exact: true }).fill(subject);
    await page
      .getByLabel('Message', { exact: true })
      .fill('Could five people from our office join the React course together?');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('status').getByText('your message has been sent').waitFor();
    await guest.close();

    const inbox = await admin.newPage();
    const errors = collectErrors(inbox);
    await inbox.goto(`${server.url}/admin/messages`);
    await inbox.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await inbox.getByText(/unread message/).waitFor();
    await inbox.getByRole('button', { name: new RegExp(subject) }).click();
    await inbox.getByRole('heading', { level: 2, name: subject }).waitFor();
    await inbox.getByText('Could five people from our office').waitFor();
    await expect
      .poll(() => inbox.getByRole('link', { name: 'Reply by email' }).getAttribute('href'))
      .toMatch(/^mailto:sana-/);
    await noViolations(inbox, '/admin/messages');
    await inbox.getByRole('button', { name: 'Mark as spam' }).click();
    await inbox.getByText('Status: Spam').waitFor();
    expect(errors).toEqual([]);
    await inbox.close();
  });
});
