import type { Page } from 'playwright-core';
import { readCodeInOutbox } from './outbox.ts';

/** Every page error and console error of a page, for a test to assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Hydration mismatches are console errors too ("Hydration failed…", "didn't match").
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Fill the sign-up form and land on the verification page. */
export async function signUp(
  page: Page,
  baseUrl: string,
  p: { name: string; email: string; password: string },
) {
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('Name').fill(p.name);
  await page.getByLabel('Email').fill(p.email);
  await page.getByLabel('Password', { exact: true }).fill(p.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/verify-code/);
}

/**
 * Sign up through the pages and verify with the code the admin (signed in on `admin`) reads in the
 * outbox; the student lands on their profile.
 */
export async function signUpAndVerify(
  page: Page,
  admin: Page,
  baseUrl: string,
  p: { name: string; email: string; password: string },
): Promise<void> {
  await signUp(page, baseUrl, p);
  const code = await readCodeInOutbox(admin, baseUrl, p.email);
  await page.getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL(/\/profile/);
}
