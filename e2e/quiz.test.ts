import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { contextWithoutVideoEmbeds, launchBrowser } from './support/browser.ts';
import { collectErrors, signIn, signUpAndVerify } from './support/flows.ts';
import { submitQuiz } from './support/learner.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN = { email: 'admin@e2e.test', password: 'admin password for e2e' };
const STUDENT = {
  name: 'Sara Quiz',
  email: `sara-${Date.now()}@e2e.test`,
  password: 'a long student password',
};
/** The free demo course whose last lesson is a quiz (apps/server/src/seed/demo-quizzes.ts). */
const COURSE = '/courses/freelancing-start-your-online-business';

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

/** Answer the demo quiz's five questions (shown in a random order), all right or all wrong. */
async function answerAll(page: Page, right: boolean) {
  const question = (prompt: RegExp) => page.getByRole('group', { name: prompt });
  await question(/What does a client buy/)
    .getByLabel(right ? 'Proof that you can solve their problem' : 'The lowest price on the market')
    .check();
  const proposal = question(/Which of these belong/);
  if (right) {
    await proposal.getByLabel('The client’s problem, in your own words').check();
    await proposal.getByLabel('One sample close to their project').check();
    await proposal.getByLabel('A clear next step').check();
  } else {
    await proposal.getByLabel('Your whole life story').check();
  }
  await question(/Three strong samples/)
    .getByLabel(right ? 'True' : 'False', { exact: true })
    .check();
  await question(/collection of work samples/)
    .getByLabel('Your answer')
    .fill(right ? ' Portfolio ' : 'resume');
  await question(/hourly rate/)
    .getByLabel('Your answer (a number)')
    .fill(right ? '25,0' : '30');
  await page.getByText('5 of 5 answered').waitFor();
}

describe('quizzes in the browser', () => {
  it('a student fails the quiz, passes on the retake and sees the lesson completed', async () => {
    const context = await contextWithoutVideoEmbeds(browser);
    const student = await context.newPage();
    const admin = await (await browser.newContext()).newPage();
    const errors = collectErrors(student);

    await signIn(admin, server.url, ADMIN.email, ADMIN.password);
    await admin.waitForURL(/\/profile/);
    await signUpAndVerify(student, admin, server.url, STUDENT);

    await student.goto(`${server.url}${COURSE}`);
    await student.getByRole('button', { name: 'Enroll for free' }).click();
    await student.waitForURL(/\/learn\//);
    const outline = student.getByRole('navigation', { name: 'Course content' });
    const quizLink = outline.getByRole('link', { name: /are you ready to freelance/ });
    await quizLink.click();
    await student.getByRole('heading', { level: 1, name: 'Quiz: are you ready to freelance?' }).waitFor();

    // First attempt: every answer wrong.
    await student.getByRole('button', { name: 'Start quiz' }).click();
    await student.getByRole('heading', { name: 'Attempt 1' }).waitFor();
    expect(await seriousViolations(student), 'an open attempt').toEqual([]);
    await answerAll(student, false);
    await submitQuiz(student);
    await student.getByRole('heading', { name: 'Not passed this time' }).waitFor();
    await student.getByText('You scored 0% (0 of 6 points).').waitFor();
    await student.getByText('Pass the quiz to complete this lesson.').waitFor();

    // The retake: every answer right.
    await student.getByRole('button', { name: 'Retake quiz' }).click();
    await student.getByRole('heading', { name: 'Attempt 2' }).waitFor();
    await answerAll(student, true);
    await submitQuiz(student);
    await student.getByRole('heading', { name: 'You passed!' }).waitFor();
    await student.getByText('You scored 100% (6 of 6 points).').waitFor();
    // Feedback: the explanation of a question, after submission only.
    await student.getByText('2,000 ÷ 80 = 25 an hour').waitFor();
    expect(await seriousViolations(student), 'the results').toEqual([]);

    // The lesson is complete, in the outline too.
    await student
      .getByRole('article')
      .getByText(/^Completed/)
      .waitFor();
    await outline.getByRole('link', { name: /are you ready to freelance.*Completed/ }).waitFor();
    // And it stays so after a full reload, with both attempts listed.
    await student.reload();
    await student.getByRole('table', { name: 'Your attempts' }).waitFor();
    expect(await student.getByRole('button', { name: /View the results of attempt/ }).count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
