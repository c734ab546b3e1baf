import type { BrowserContext, Page } from 'playwright-core';
import { contextApi } from './api.ts';

// Lookarounds, not a word boundary: textContent runs words together ("minutes.123456Or").
const CODE = /(?<!\d)(\d{6})(?!\d)/;

/**
 * The admin opens the newest mail to an address in the outbox (`/admin/outbox`) and reads the 6-digit
 * code in it. The dialog opens at once and loads the mail's body after, so this waits for the code.
 */
export async function readCodeInOutbox(admin: Page, baseUrl: string, to: string): Promise<string> {
  await admin.goto(`${baseUrl}/admin/outbox`);
  const row = admin.getByRole('row').filter({ hasText: to }).first();
  await row.waitFor();
  await row.getByRole('button').first().click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByText(CODE).first().waitFor();
  const text = (await dialog.textContent()) ?? '';
  await admin.keyboard.press('Escape');
  const code = text.match(CODE)?.[1];
  if (!code) throw new Error(`no 6-digit code in the mail to ${to}`);
  return code;
}

/** The 6-digit code in the newest mail to an address, read through the admin's outbox API (set-up only). */
export async function codeFromMail(admin: BrowserContext, baseUrl: string, to: string): Promise<string> {
  const mails = await contextApi<{ items: { id: string }[] }>(
    admin,
    baseUrl,
    'GET',
    `/api/admin/mail?to=${encodeURIComponent(to)}`,
  );
  const newest = mails.items[0];
  if (!newest) throw new Error(`no mail to ${to}`);
  const mail = await contextApi<{ text: string }>(admin, baseUrl, 'GET', `/api/admin/mail/${newest.id}`);
  const code = mail.text.match(CODE)?.[1];
  if (!code) throw new Error(`no 6-digit code in the mail to ${to}`);
  return code;
}
