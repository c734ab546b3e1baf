import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** Submit the open quiz attempt and confirm in the dialog. */
export async function submitQuiz(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page
    .getByRole('dialog', { name: 'Submit your answers?' })
    .getByRole('button', { name: 'Submit' })
    .click();
}

/** The dashboard's card of a course's certificate. */
export function certificateCard(page: Page, courseTitle: string): Locator {
  return page.getByRole('article', { name: `Certificate for ${courseTitle}` });
}

/** Download a certificate's PDF from its dashboard card: a real download, its name and its bytes. */
export async function downloadCertificate(
  page: Page,
  courseTitle: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    certificateCard(page, courseTitle)
      .getByRole('link', { name: /Download PDF/ })
      .click(),
  ]);
  return { fileName: download.suggestedFilename(), bytes: await readFile((await download.path()) as string) };
}

/** Write a review on the open course page (stars as radio buttons, then text) and wait until it is posted. */
export async function postReview(page: Page, review: { stars: number; text: string }): Promise<Locator> {
  const reviews = page.getByRole('region', { name: 'Reviews' });
  await reviews.getByRole('radio', { name: review.stars === 1 ? '1 star' : `${review.stars} stars` }).check();
  await reviews.getByLabel('Your review').fill(review.text);
  await reviews.getByRole('button', { name: 'Post review' }).click();
  await reviews.getByText('Thank you! Your review is on the course page.').waitFor();
  return reviews;
}
