import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instructorAccount, signInThroughApi, verifiedAccount } from './support/accounts.ts';
import { type ApiMethod, contextApi } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { fixture, uploadInStudio } from './support/studio.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const PASSWORD = 'a long password for e2e';

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

/** The API with a context's cookies, for the set-up this test does not click through. */
const api = <T>(context: BrowserContext, method: ApiMethod, path: string, body?: unknown) =>
  contextApi<T>(context, server.url, method, path, body);

/** A verified account (an instructor with `make = instructorAccount`) in its own browser context. */
async function account(admin: BrowserContext, name: string, make = verifiedAccount) {
  const context = await browser.newContext();
  const email = `${name.toLowerCase()}-${Date.now()}@e2e.test`;
  await make(context, admin, server.url, { name, email, password: PASSWORD });
  return context;
}

describe('lesson media in the browser', () => {
  it('an instructor uploads a video and a PDF lesson; a student plays the video, reads the PDF, downloads a resource', async () => {
    const admin = await browser.newContext();
    await signInThroughApi(admin, server.url, ADMIN);
    const instructor = await account(admin, 'Ayesha', instructorAccount);

    // The course's skeleton through the API; the files through the studio's pages.
    const course = await api<{ id: string; slug: string }>(instructor, 'POST', '/api/studio/courses', {
      title: 'Media in practice',
    });
    const section = await api<{ id: string }>(
      instructor,
      'POST',
      `/api/studio/courses/${course.id}/sections`,
      {
        title: 'Start',
      },
    );
    const lessonsUrl = `/api/studio/sections/${section.id}/lessons`;
    await api(instructor, 'POST', lessonsUrl, { title: 'Watch the clip', type: 'video', durationSeconds: 3 });
    await api(instructor, 'POST', lessonsUrl, { title: 'Read the handout', type: 'pdf' });

    const studio = await instructor.newPage();
    const studioErrors = collectErrors(studio);
    await studio.goto(`${server.url}/studio/courses/${course.id}?tab=curriculum`);
    await studio.getByRole('button', { name: 'Edit “Watch the clip”' }).click();
    expect(await uploadInStudio(studio, "Upload the lesson's video", 'lesson-clip.webm')).toBe('100');
    await studio.getByText('lesson-clip.webm', { exact: true }).waitFor();
    expect(await seriousViolations(studio), 'the lesson editor with its files').toEqual([]);

    await studio.getByRole('button', { name: 'Edit “Read the handout”' }).click();
    expect(await uploadInStudio(studio, "Upload the lesson's PDF", 'handout.pdf')).toBe('100');
    expect(await uploadInStudio(studio, 'Add a resource', 'worksheet.csv', 'Add resource')).toBe('100');
    await studio.getByRole('link', { name: 'worksheet.csv' }).waitFor();
    expect(studioErrors).toEqual([]);

    // Submitting publishes at once unless the admin asks for approval (the default does not).
    const published = await api<{ status: string }>(
      instructor,
      'POST',
      `/api/studio/courses/${course.id}/submit`,
    );
    expect(published.status).toBe('published');

    // The student enrolls and opens the video lesson: the uploaded file plays.
    const student = await account(admin, 'Bilal');
    const page = await student.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/courses/${course.slug}`);
    await page.getByRole('button', { name: 'Enroll for free' }).click();
    await page.getByRole('heading', { level: 1, name: 'Watch the clip' }).waitFor();
    const video = page.locator('video');
    await video.waitFor();
    expect(await video.getAttribute('src')).toMatch(/^\/api\/files\/media\/[0-9a-f-]{36}$/);
    const played = await video.evaluate(async (element) => {
      const v = element as HTMLVideoElement;
      v.muted = true;
      await v.play();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { currentTime: v.currentTime, duration: v.duration };
    });
    expect(played.currentTime).toBeGreaterThan(0.5);
    expect(played.duration).toBeGreaterThan(2);

    // The PDF lesson shows the document in the browser's viewer, with a resource to download.
    await page.getByRole('link', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Read the handout' }).waitFor();
    const viewer = page.locator('iframe[title="PDF: Read the handout"]');
    await viewer.waitFor();
    // Chromium's viewer is an extension page inside the frame: it is there only if the PDF displays.
    await expect
      .poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://')), { timeout: 15_000 })
      .toBe(true);
    await page.getByRole('link', { name: 'Open the PDF' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Download\b.*worksheet\.csv$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('worksheet.csv');
    expect(readFileSync(await download.path(), 'utf8')).toBe(readFileSync(fixture('worksheet.csv'), 'utf8'));
    expect(await seriousViolations(page), 'a PDF lesson with resources').toEqual([]);

    // The daily videos page is one click away in the sidebar (this course has none today).
    await page.getByRole('link', { name: "Today's video" }).click();
    await page.getByText('No video for today.').waitFor();
    expect(errors).toEqual([]);
  });
});
