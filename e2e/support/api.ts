import type { BrowserContext, Page } from 'playwright-core';

export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Call the API from inside the page, as the web app does: same origin, the session cookie, and the
 * CSRF cookie sent back as `x-csrf-token` on writes. For test set-up that has no page of its own to
 * drive (or would take many clicks); what a test asserts still goes through the pages.
 */
export async function apiFromPage<T = unknown>(
  page: Page,
  method: ApiMethod,
  path: string,
  body?: unknown,
): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const csrf = document.cookie
        .split(';')
        .map((part) => part.trim().split('='))
        .find(([name]) => name === 'csrf_token')?.[1];
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
      const res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
      const text = await res.text();
      return { status: res.status, text };
    },
    { method, path, body },
  );
  if (result.status >= 400) throw new Error(`${method} ${path} → ${result.status} ${result.text}`);
  return (result.text ? JSON.parse(result.text) : undefined) as T;
}

/**
 * A JSON call to the API with a browser context's cookies (its session, and the CSRF token sent back
 * as `x-csrf-token`), without a page: for the set-up a scenario does not name (accounts, roles).
 */
export async function contextApi<T = unknown>(
  context: BrowserContext,
  baseUrl: string,
  method: ApiMethod,
  path: string,
  body?: unknown,
): Promise<T> {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
  const res = await context.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf, origin: baseUrl },
    ...(body === undefined ? {} : { data: body }),
    // Set-up calls (sign-ups hash a password) on a machine shared with other suites: not 30 s.
    timeout: 120_000,
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? null : await res.json()) as T;
}
