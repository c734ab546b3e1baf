import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughApi, verifiedAccount } from './support/accounts.ts';
import { type ApiMethod, contextApi } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors } from './support/flows.ts';
import { certificateCard, downloadCertificate, postReview } from './support/learner.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Zainab Qureshi',
  email: `zainab-${Date.now()}@e2e.test`,
  password: 'a long student password',
};
const COURSE = { slug: 'modern-javascript-from-scratch', title: 'Modern JavaScript from Scratch' };

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

/**
 * Set-up through the API (the browser flows of signing up and learning have their own tests): the
 * student registers, verifies with the code the admin reads in the outbox, enrolls in the free demo
 * course and completes every lesson, which issues the certificate.
 */
async function studentWithCompletedCourse(context: BrowserContext) {
  const api = <T>(method: ApiMethod, path: string) => contextApi<T>(context, server.url, method, path);
  const admin = await browser.newContext();
  await signInThroughApi(admin, server.url, ADMIN);
  await verifiedAccount(context, admin, server.url, STUDENT);
  await admin.close();
  await api('POST', `/api/courses/${COURSE.slug}/enroll`);
  const outline = await api<{ sections: { lessons: { id: string }[] }[] }>(
    'GET',
    `/api/learning/courses/${COURSE.slug}`,
  );
  for (const section of outline.sections)
    for (const lesson of section.lessons) await api('POST', `/api/learning/lessons/${lesson.id}/complete`);
}

describe('certificates and reviews in the browser', () => {
  it('a student downloads the certificate, verifies it on the public page, and reviews the course', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await studentWithCompletedCourse(context);
    const page = await context.newPage();
    const errors = collectErrors(page);

    // The dashboard lists the certificate; its PDF is a real download
    await page.goto(`${server.url}/dashboard`);
    const card = certificateCard(page, COURSE.title);
    const pdf = await downloadCertificate(page, COURSE.title);
    expect(pdf.fileName).toMatch(/^certificate-9T-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seriousViolations(page), '/dashboard').toEqual([]);

    // The verification page confirms it
    await card.getByRole('link', { name: /Verification page/ }).click();
    await page.waitForURL(/\/certificates\/9T-/);
    await page.getByRole('heading', { level: 1, name: 'Certificate of completion' }).waitFor();
    await page.getByText('Valid certificate').waitFor();
    await page.getByRole('main').getByText(STUDENT.name, { exact: true }).waitFor();
    expect(await seriousViolations(page), 'the verification page').toEqual([]);
    // …and is complete HTML without JavaScript; an unknown code is a 404 page
    const html = await (await fetch(page.url())).text();
    expect(html).toContain(STUDENT.name);
    expect(html).toContain('Valid certificate');
    expect(html).toMatch(/<title>Certificate: Zainab Qureshi, Modern JavaScript from Scratch/);
    expect((await fetch(`${server.url}/certificates/9T-2222-3333-4444`)).status).toBe(404);

    // The review: stars as radio buttons, text, and it appears on the course page
    await page.getByRole('link', { name: COURSE.title }).click();
    await page.getByRole('heading', { level: 1, name: COURSE.title }).waitFor();
    const reviews = await postReview(page, { stars: 4, text: 'Clear lessons and a useful final project.' });
    // The student's own copy shows at once; the list shows it once its refetch lands (then only once)
    await reviews.getByRole('heading', { name: 'Your review' }).waitFor();
    const listed = reviews
      .getByRole('listitem')
      .filter({ hasText: 'Clear lessons and a useful final project.' });
    await listed.first().waitFor();
    expect(await listed.getByRole('article', { name: `Review by ${STUDENT.name}` }).count()).toBe(1);
    expect(await seriousViolations(page), 'the course page with reviews').toEqual([]);

    // A fresh, server-rendered load shows it too
    const again = await (await fetch(`${server.url}/courses/${COURSE.slug}`)).text();
    expect(again).toContain('Clear lessons and a useful final project.');
    // …and the course's structured data counts it (three demo reviews of 5, 4 and 5 stars, and this 4)
    expect(again).toMatch(/"aggregateRating":\{"@type":"AggregateRating","ratingValue":4\.5,"ratingCount":4/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
