import type { Page } from 'playwright-core';

/**
 * Call the API from inside the page, as the web app does: same origin, the session cookie, and the
 * CSRF cookie sent back as `x-csrf-token` on writes. For test set-up that has no page of its own to
 * drive (or would take many clicks); what a test asserts still goes through the pages.
 */
export async function apiFromPage<T = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
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
