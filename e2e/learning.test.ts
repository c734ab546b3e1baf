import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { contextWithoutVideoEmbeds, launchBrowser } from './support/browser.ts';
import { collectErrors, signIn, signUpAndVerify } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Bilal Learner',
  email: `bilal-${Date.now()}@e2e.test`,
  password: 'a long student password',
};

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

const newContext = () => contextWithoutVideoEmbeds(browser);

/** Marks the open lesson complete (unless it is locked or already done) and waits for the check. */
async function completeLesson(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  const markComplete = page.getByRole('button', { name: 'Mark complete' });
  const completed = page.getByRole('button', { name: /^Completed/ });
  const locked = page.getByText(/This lesson opens on/);
  await markComplete.or(completed).or(locked).first().waitFor();
  if (await locked.isVisible()) return;
  if (await markComplete.isVisible()) await markComplete.click();
  await completed.waitFor();
}

describe('learning in the browser', () => {
  it('a student enrolls in a free course, completes every lesson and sees 100 % on the dashboard', async () => {
    const student = await (await newContext()).newPage();
    const admin = await (await newContext()).newPage();
    const errors = collectErrors(student);

    // Sign up, then verify with the code the admin reads in the outbox
    await signIn(admin, server.url, ADMIN.email, ADMIN.password);
    await admin.waitForURL(/\/profile/);
    await signUpAndVerify(student, admin, server.url, STUDENT);

    // Find a free course with the catalog search
    await student.goto(`${server.url}/courses`);
    await student.getByLabel('Search courses').fill('JavaScript');
    await student.getByRole('button', { name: 'Search', exact: true }).click();
    await student.waitForURL(/[?&]q=JavaScript/);
    // The search's own results, not the previous ones kept on screen while it loads: a card clicked
    // just before the list re-renders is gone from the page and the click leads nowhere.
    await student.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    // A free course that matches (the list keeps the previous results on screen while the new ones load)
    const card = student
      .getByRole('article')
      .filter({ hasText: 'JavaScript' })
      .filter({ has: student.getByText('Free', { exact: true }) })
      .first();
    const courseLink = card.getByRole('heading').getByRole('link');
    const courseTitle = ((await courseLink.textContent()) ?? '').trim();
    await courseLink.click();
    await student.waitForURL(/\/courses\/[a-z0-9-]+$/);
    await student.getByRole('heading', { level: 1, name: courseTitle }).waitFor();

    // Enroll: the player opens at the first lesson
    await student.getByRole('button', { name: 'Enroll for free' }).click();
    await student.waitForURL(/\/courses\/[^/]+\/learn\/[0-9a-f-]{36}$/);
    const coursePath = new URL(student.url()).pathname.replace(/\/learn\/.*$/, '');
    const outline = student.getByRole('navigation', { name: 'Course content' });
    await outline.getByRole('link').first().waitFor();
    expect(await outline.locator('[aria-current="page"]').count()).toBe(1);
    await student.getByRole('button', { name: 'Mark complete' }).waitFor();
    expect(await seriousViolations(student), 'the player').toEqual([]);

    // Complete every lesson in order (a locked one would be skipped: the demo courses have none)
    const progress = student.getByRole('progressbar', { name: 'Course progress' });
    for (let step = 0; step < 50; step += 1) {
      await completeLesson(student);
      const next = student.getByRole('link', { name: 'Next', exact: true });
      if ((await next.count()) === 0) break;
      const title = (await student.getByRole('heading', { level: 1 }).textContent()) ?? '';
      await next.click();
      await student.getByRole('heading', { level: 1 }).filter({ hasNotText: title }).waitFor();
      // Focus moves to the new lesson's heading
      await student.locator('h1:focus').waitFor();
    }
    await student.getByRole('heading', { name: 'Congratulations!' }).waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');

    // A text lesson shows its (server-sanitized) article
    await outline
      .getByRole('link', { name: /^Article:/ })
      .first()
      .click();
    await student.locator('.prose p').first().waitFor();

    // The dashboard: 100 % and the "Completed" badge
    await student.getByRole('link', { name: 'My learning' }).first().click();
    await student.waitForURL(/\/dashboard$/);
    const myCourse = student.getByRole('article').filter({ hasText: courseTitle });
    await myCourse.getByText('100% complete').waitFor();
    expect(await myCourse.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await myCourse.getByText(/Completed$/).waitFor();
    expect(await seriousViolations(student), '/dashboard').toEqual([]);

    // The course page now leads back into the course, also after a full (server-rendered) load
    await student.goto(`${server.url}${coursePath}`);
    await student.getByRole('link', { name: /Continue learning|Go to course/ }).waitFor();

    // A full load of the player asks the API for the outline and the lesson it opens, and nothing else
    // (the header's cart count comes with the account): the bench's `course_page` (bench/lib/workloads.mjs).
    const asked: string[] = [];
    const record = (r: { url(): string; method(): string }) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/')) asked.push(`${r.method()} ${u.pathname}`);
    };
    student.on('request', record);
    await student.goto(`${server.url}${coursePath}/learn`);
    await outline.getByRole('link').first().waitFor();
    await student.waitForLoadState('networkidle');
    student.off('request', record);
    expect(asked.map((a) => a.replace(/[0-9a-f-]{36}/g, ':id')).sort()).toEqual([
      `GET /api/learning${coursePath}`,
      'GET /api/learning/lessons/:id',
    ]);

    // And a fresh load of the dashboard hydrates without complaint
    await student.goto(`${server.url}/dashboard`);
    await student.getByText('100% complete').first().waitFor();

    expect(errors).toEqual([]);
  });

  it('opens free previews to visitors and keeps other lessons closed', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/courses`);
    await page
      .getByRole('article')
      .filter({ has: page.getByText('Free', { exact: true }) })
      .first()
      .getByRole('link')
      .click();
    const enroll = page.getByRole('link', { name: 'Enroll for free' });
    expect(await enroll.getAttribute('href')).toMatch(/^\/login\?next=%2Fcourses%2F/);

    const preview = page.locator('a[href*="/learn/"]').first();
    const previewTitle = ((await preview.textContent()) ?? '').trim();
    await preview.click();
    await page.getByRole('heading', { level: 1, name: previewTitle }).waitFor();
    await page.getByText('This is a free preview').waitFor();

    await page.getByRole('link', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Enroll to open this lesson' }).waitFor();
    expect(await seriousViolations(page), 'a closed lesson').toEqual([]);

    // The player is private: the server renders a loading state, marked noindex
    const html = await (await fetch(page.url())).text();
    expect(html).toMatch(/<meta name="robots" content="noindex/);
    await context.close();
  });
});
