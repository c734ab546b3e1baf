import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** The path of a file in `e2e/fixtures/`. */
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/**
 * Upload a fixture through a studio file field (`label`) and its button, and wait for the "Uploaded"
 * message; answers where the upload's progress bar ended (it should say 100).
 */
export async function uploadInStudio(
  studio: Page,
  label: string,
  file: string,
  button = 'Upload',
): Promise<string | null> {
  await studio.getByLabel(label).setInputFiles(fixture(file));
  await studio.getByRole('button', { name: button, exact: true }).click();
  await studio.getByText(`Uploaded ${file}.`).waitFor();
  return studio.getByRole('progressbar', { name: `Uploading ${file}` }).getAttribute('aria-valuenow');
}
