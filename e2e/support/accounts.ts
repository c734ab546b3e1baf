import type { BrowserContext } from 'playwright-core';
import { contextApi } from './api.ts';
import { codeFromMail } from './outbox.ts';

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** Sign a browser context in through the API, for set-up (signing in through the page has its own test). */
export async function signInThroughApi(
  context: BrowserContext,
  baseUrl: string,
  p: { email: string; password: string },
): Promise<void> {
  await contextApi(context, baseUrl, 'POST', '/api/auth/login', { email: p.email, password: p.password });
}

/**
 * A verified account, signed in in `context`, made through the API for the tests whose scenario does
 * not name signing up: registered, then verified with the code the admin (`admin`, signed in) reads.
 */
export async function verifiedAccount(
  context: BrowserContext,
  admin: BrowserContext,
  baseUrl: string,
  person: Person,
): Promise<{ id: string }> {
  const { user } = await contextApi<{ user: { id: string } }>(
    context,
    baseUrl,
    'POST',
    '/api/auth/register',
    person,
  );
  const code = await codeFromMail(admin, baseUrl, person.email);
  await contextApi(context, baseUrl, 'POST', '/api/auth/verify-email', { code });
  return user;
}

/** A verified account the admin gives the instructor role (`PATCH /api/admin/users/:id`). */
export async function instructorAccount(
  context: BrowserContext,
  admin: BrowserContext,
  baseUrl: string,
  person: Person,
): Promise<{ id: string }> {
  const user = await verifiedAccount(context, admin, baseUrl, person);
  await contextApi(admin, baseUrl, 'PATCH', `/api/admin/users/${user.id}`, { role: 'instructor' });
  return user;
}
