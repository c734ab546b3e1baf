import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instructorAccount } from './support/accounts.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { collectErrors, signIn, signUpAndVerify } from './support/flows.ts';
import { certificateCard, downloadCertificate, postReview, submitQuiz } from './support/learner.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { uploadInStudio } from './support/studio.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const stamp = Date.now().toString(36);
const INSTRUCTOR = {
  name: 'Hina Binder',
  email: `hina-${stamp}@e2e.test`,
  password: 'a long instructor password',
};
const STUDENT = {
  name: 'Kamran Learner',
  email: `kamran-${stamp}@e2e.test`,
  password: 'a long student password',
};
const TITLE = `Bookbinding by hand ${stamp}`;
const SECTION = 'Binding a booklet';
const LESSONS = {
  video: 'Sewing the signatures',
  text: 'Paper grain, explained',
  quiz: 'Check your binding',
};
const REVIEW = 'Clear steps, and the quiz made me go back to the grain lesson. Worth it.';

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

/** Add a lesson to the section with its "Add lesson" form; the new lesson's editor opens at once. */
async function addLesson(studio: Page, title: string, type: string) {
  await studio.getByRole('button', { name: 'Add lesson' }).click();
  const form = studio.getByRole('form', { name: `Add a lesson to “${SECTION}”` });
  await form.getByLabel('Lesson title').fill(title);
  await form.getByLabel('Type').selectOption({ label: type });
  await form.getByRole('button', { name: 'Add lesson' }).click();
  await studio.getByRole('button', { name: `Edit “${title}”`, expanded: true }).waitFor();
}

/** A new question in the bank: its type, prompt, and what the type's answer key needs. */
async function addQuestion(
  studio: Page,
  type: string,
  prompt: string,
  answer: (form: Locator) => Promise<void>,
) {
  await studio.getByRole('button', { name: 'Add question' }).click();
  const form = studio.getByRole('form', { name: 'New question' });
  await form.getByLabel('Question type').selectOption({ label: type });
  await form.getByLabel('Question (HTML)').fill(`<p>${prompt}</p>`);
  await answer(form);
  await form.getByRole('button', { name: 'Add question' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('a course from the studio to a student’s review', () => {
  it('an instructor builds and publishes a course; a student finds it, completes it, gets the certificate and reviews it', async () => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    const adminErrors = collectErrors(admin);
    await signIn(admin, server.url, ADMIN.email, ADMIN.password);
    await admin.waitForURL(/\/profile/);

    // The instructor's account is set up through the API; everything the course needs, through the studio.
    const instructorContext = await browser.newContext();
    await instructorAccount(instructorContext, adminContext, server.url, INSTRUCTOR);
    const studio = await instructorContext.newPage();
    const studioErrors = collectErrors(studio);
    await studio.goto(`${server.url}/studio`);
    await studio.getByRole('link', { name: 'New course' }).click();
    await studio.getByLabel('Title').fill(TITLE);
    expect(await studio.getByLabel('This course is free').isChecked()).toBe(true);
    await studio.getByRole('button', { name: 'Create course' }).click();
    await studio.waitForURL(/\/studio\/courses\/[0-9a-f-]{36}$/);
    await studio.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // The curriculum: one section, a video lesson with its uploaded file, a text lesson, a quiz.
    const tabs = studio.getByRole('navigation', { name: 'Course editor' });
    await tabs.getByRole('link', { name: 'Curriculum' }).click();
    await studio.getByLabel('Section title').fill(SECTION);
    await studio.getByRole('button', { name: 'Add section' }).click();
    await studio.getByRole('heading', { name: `Section 1: ${SECTION}` }).waitFor();

    await addLesson(studio, LESSONS.video, 'Video');
    expect(await uploadInStudio(studio, "Upload the lesson's video", 'lesson-clip.webm')).toBe('100');
    await studio.getByText('lesson-clip.webm', { exact: true }).waitFor();
    expect(await seriousViolations(studio), 'the lesson editor with its video').toEqual([]);

    await addLesson(studio, LESSONS.text, 'Article');
    await studio
      .getByLabel('Lesson text (HTML)')
      .fill('<p>Fold <strong>with</strong> the grain: the paper bends easily that way.</p>');
    await studio.getByRole('button', { name: 'Save lesson' }).click();
    await studio.getByText('The lesson was saved.').waitFor();

    await addLesson(studio, LESSONS.quiz, 'Quiz');
    await studio.getByText('The bank has no questions for this quiz yet').waitFor();
    await studio
      .getByLabel('Instructions above the quiz (HTML, optional)')
      .fill('<p>Three questions on the lessons; 70 % passes.</p>');
    await studio.getByRole('button', { name: 'Save lesson' }).click();
    await studio.getByText('The lesson was saved.').waitFor();

    // The question bank: three questions of three types.
    await tabs.getByRole('link', { name: 'Question bank' }).click();
    await studio.getByRole('heading', { name: 'Question bank' }).waitFor();
    await addQuestion(studio, 'Single choice', 'Which way should you fold?', async (form) => {
      await form.getByLabel('Option 1', { exact: true }).fill('With the grain');
      await form.getByLabel('Option 2', { exact: true }).fill('Against the grain');
      await form.getByRole('radio', { name: 'Option 1 is correct' }).check();
    });
    await addQuestion(studio, 'True or false', 'A signature is a group of folded sheets.', async (form) => {
      await form.getByRole('radio', { name: 'True' }).check();
    });
    await addQuestion(studio, 'Short answer', 'What tool makes the sewing holes?', async (form) => {
      await form.getByLabel('Accepted answers').fill('awl\nan awl');
    });
    await studio.getByRole('heading', { name: 'Pool “general” (3 questions)' }).waitFor();

    // The quiz's settings, in its lesson editor.
    await tabs.getByRole('link', { name: 'Curriculum' }).click();
    await studio.getByRole('button', { name: `Edit “${LESSONS.quiz}”` }).click();
    const settings = studio.getByRole('region', { name: 'Quiz settings' });
    await settings.getByText('Each attempt holds 3 of the 3 questions available.').waitFor();
    await settings.getByLabel('Pass mark (%)').fill('70');
    await settings.getByLabel('Attempt limit').fill('3');
    await settings.getByRole('button', { name: 'Save quiz settings' }).click();
    await settings.getByText('Quiz settings saved.').waitFor();

    // Submitting publishes at once unless the admin asks for approval (the default does not).
    await studio.getByRole('button', { name: 'Publish', exact: true }).click();
    await studio.getByText('The course is published.').waitFor();
    expect(studioErrors).toEqual([]);

    // The student signs up, verifies, and finds the course with the catalog search.
    const studentContext = await browser.newContext({ acceptDownloads: true });
    const page = await studentContext.newPage();
    const errors = collectErrors(page);
    await signUpAndVerify(page, admin, server.url, STUDENT);
    await page.goto(`${server.url}/courses`);
    await page.getByLabel('Search courses').fill('bookbinding');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/[?&]q=bookbinding/);
    const card = page.getByRole('article').filter({ hasText: TITLE });
    await card.getByText('Free', { exact: true }).waitFor();
    await card.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Enroll for free' }).click();

    // The video plays to its end (or to 90 %), which completes the lesson without a click.
    await page.getByRole('heading', { level: 1, name: LESSONS.video }).waitFor();
    const video = page.getByLabel(`Video: ${LESSONS.video}`);
    await page.getByRole('button', { name: 'Mark complete' }).waitFor();
    await video.click();
    const completed = page.getByRole('button', { name: /^Completed/ });
    await completed.waitFor();
    const watched = await video.evaluate((v: HTMLVideoElement) => v.currentTime / v.duration);
    expect(watched).toBeGreaterThanOrEqual(0.9);
    const outline = page.getByRole('navigation', { name: 'Course content' });
    await outline.getByRole('link', { name: new RegExp(`${LESSONS.video}.*Completed`) }).waitFor();

    // The text lesson, marked complete by hand.
    await page.getByRole('link', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: LESSONS.text }).waitFor();
    await page.getByText('the paper bends easily that way').waitFor();
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await completed.waitFor();

    // The quiz: every answer right, a pass, and the course is complete.
    await page.getByRole('link', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: LESSONS.quiz }).waitFor();
    await page.getByText('Three questions on the lessons; 70 % passes.').waitFor();
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.getByRole('heading', { name: 'Attempt 1' }).waitFor();
    const question = (prompt: RegExp) => page.getByRole('group', { name: prompt });
    await question(/Which way should you fold/)
      .getByLabel('With the grain')
      .check();
    await question(/A signature is/)
      .getByLabel('True', { exact: true })
      .check();
    await question(/sewing holes/)
      .getByLabel('Your answer')
      .fill('An awl');
    await page.getByText('3 of 3 answered').waitFor();
    expect(await seriousViolations(page), 'an open quiz attempt').toEqual([]);
    await submitQuiz(page);
    await page.getByRole('heading', { name: 'You passed!' }).waitFor();
    await page.getByText('You scored 100% (3 of 3 points).').waitFor();
    await page.getByRole('heading', { name: 'Congratulations!' }).waitFor();
    expect(
      await page.getByRole('progressbar', { name: 'Course progress' }).getAttribute('aria-valuenow'),
    ).toBe('100');

    // The dashboard: the certificate's PDF is a real download.
    await page.getByRole('link', { name: 'Back to My learning' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('article').filter({ hasText: TITLE }).getByText('100% complete').waitFor();
    const pdf = await downloadCertificate(page, TITLE);
    expect(pdf.fileName).toMatch(/^certificate-9T-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The public verification page confirms it.
    await certificateCard(page, TITLE)
      .getByRole('link', { name: /Verification page/ })
      .click();
    await page.waitForURL(/\/certificates\/9T-[A-Z2-9-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Certificate of completion' }).waitFor();
    const verdict = page.getByRole('status').filter({ hasText: 'Valid certificate' });
    await verdict.getByText(`${STUDENT.name} completed ${TITLE}`).waitFor();
    const main = page.getByRole('main');
    await main.getByText(STUDENT.name, { exact: true }).waitFor();
    await main.getByText(INSTRUCTOR.name, { exact: true }).waitFor();
    expect(await seriousViolations(page), 'the certificate page').toEqual([]);

    // The review: posted on the course page, it shows in the list and in the rating.
    await main.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const reviewsRegion = page.getByRole('region', { name: 'Reviews' });
    await reviewsRegion.getByText('No reviews yet.').waitFor();
    await reviewsRegion.getByText('No ratings yet').waitFor();
    const reviews = await postReview(page, { stars: 5, text: REVIEW });
    await reviews
      .getByRole('listitem')
      .filter({ hasText: REVIEW })
      .getByRole('article', { name: `Review by ${STUDENT.name}` })
      .waitFor();
    await reviews.getByText('Rated 5.0 out of 5 by 1 learner').waitFor();
    // The course's own rating at the top of the page follows.
    await expect.poll(() => page.getByText('Rated 5.0 out of 5 by 1 learner').count()).toBe(2);
    expect([...adminErrors, ...errors]).toEqual([]);
  });
});
