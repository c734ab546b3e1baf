import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const PASSWORD = 'a long password for e2e';
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

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

/** JSON calls to the API from a browser context, with its session cookie and CSRF token. */
async function api(context: BrowserContext, method: string, path: string, body?: unknown) {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
  const res = await context.request.fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf, origin: server.url },
    ...(body === undefined ? {} : { data: body }),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.status() === 204 ? null : res.json();
}

/** A verified account in its own browser context (the admin reads the code from the outbox). */
async function account(admin: BrowserContext, name: string) {
  const context = await browser.newContext();
  const email = `${name.toLowerCase()}-${Date.now()}@e2e.test`;
  const { user } = await api(context, 'POST', '/api/auth/register', { name, email, password: PASSWORD });
  const mails = await api(admin, 'GET', `/api/admin/mail?to=${encodeURIComponent(email)}`);
  const mail = await api(admin, 'GET', `/api/admin/mail/${mails.items[0].id}`);
  const code = (mail.text as string).match(/(?<!\d)(\d{6})(?!\d)/)?.[1];
  await api(context, 'POST', '/api/auth/verify-email', { code });
  return { context, user: user as { id: string } };
}

describe('lesson media in the browser', () => {
  it('an instructor uploads a video and a PDF lesson; a student plays the video, reads the PDF, downloads a resource', async () => {
    const admin = await browser.newContext();
    await api(admin, 'POST', '/api/auth/login', ADMIN);
    const instructor = await account(admin, 'Ayesha');
    await api(admin, 'PATCH', `/api/admin/users/${instructor.user.id}`, { role: 'instructor' });

    // The course's skeleton through the API; the files through the studio's pages.
    const course = await api(instructor.context, 'POST', '/api/studio/courses', {
      title: 'Media in practice',
    });
    const section = await api(instructor.context, 'POST', `/api/studio/courses/${course.id}/sections`, {
      title: 'Start',
    });
    const lessonsUrl = `/api/studio/sections/${section.id}/lessons`;
    await api(instructor.context, 'POST', lessonsUrl, {
      title: 'Watch the clip',
      type: 'video',
      durationSeconds: 3,
    });
    await api(instructor.context, 'POST', lessonsUrl, { title: 'Read the handout', type: 'pdf' });

    const studio = await instructor.context.newPage();
    const studioErrors = collectErrors(studio);
    await studio.goto(`${server.url}/studio/courses/${course.id}?tab=curriculum`);
    await studio.getByRole('button', { name: 'Edit “Watch the clip”' }).click();
    await studio.getByLabel("Upload the lesson's video").setInputFiles(fixture('lesson-clip.webm'));
    await studio.getByRole('button', { name: 'Upload', exact: true }).click();
    const videoBar = studio.getByRole('progressbar', { name: 'Uploading lesson-clip.webm' });
    await studio.getByText('Uploaded lesson-clip.webm.').waitFor();
    expect(await videoBar.getAttribute('aria-valuenow')).toBe('100');
    await studio.getByText('lesson-clip.webm', { exact: true }).waitFor();
    expect(await seriousViolations(studio), 'the lesson editor with its files').toEqual([]);

    await studio.getByRole('button', { name: 'Edit “Read the handout”' }).click();
    await studio.getByLabel("Upload the lesson's PDF").setInputFiles(fixture('handout.pdf'));
    await studio.getByRole('button', { name: 'Upload', exact: true }).click();
    await studio.getByText('Uploaded handout.pdf.').waitFor();
    await studio.getByLabel('Add a resource').setInputFiles(fixture('worksheet.csv'));
    await studio.getByRole('button', { name: 'Add resource' }).click();
    await studio.getByText('Uploaded worksheet.csv.').waitFor();
    expect(
      await studio
        .getByRole('progressbar', { name: 'Uploading worksheet.csv' })
        .getAttribute('aria-valuenow'),
    ).toBe('100');
    await studio.getByRole('link', { name: 'worksheet.csv' }).waitFor();
    expect(studioErrors).toEqual([]);

    // Submitting publishes at once unless the admin asks for approval (the default does not).
    const published = await api(instructor.context, 'POST', `/api/studio/courses/${course.id}/submit`);
    expect(published.status).toBe('published');

    // The student enrolls and opens the video lesson: the uploaded file plays.
    const student = await account(admin, 'Bilal');
    const page = await student.context.newPage();
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
