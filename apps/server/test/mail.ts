import { mailRepo } from '../src/modules/notifications/mail.repo.ts';
import { createSecrets } from '../src/platform/crypto.ts';
import { waitFor } from './clients.ts';
import type { TestApp } from './harness.ts';

export interface ReadMail {
  id: string;
  subject: string;
  template: string;
  status: string;
  text: string;
  html: string;
}

/** Every mail to an address, newest first, decrypted as the outbox holds it. */
export async function mailsTo(t: TestApp, to: string): Promise<ReadMail[]> {
  const { items } = await mailRepo.list(t.platform.database.db, { page: 1, limit: 100, to });
  const secrets = createSecrets(t.config.secrets.session, t.config.secrets.previous);
  // On a shared PostgreSQL another file's app may mail this address too ("every admin"), under its own
  // session secret: such a mail is not this app's, and this app cannot read it.
  return items.flatMap((row) => {
    let plain: string;
    try {
      plain = secrets.decrypt(row.bodyEnc);
    } catch {
      return [];
    }
    const body = JSON.parse(plain) as { html: string; text: string };
    return [{ id: row.id, subject: row.subject, template: row.template, status: row.status, ...body }];
  });
}

/** Wait for a mail of a template to an address (some are written after the response, on purpose). */
export function waitForMail(t: TestApp, to: string, template: string): Promise<ReadMail> {
  return waitFor(async () => (await mailsTo(t, to)).find((m) => m.template === template), {
    what: `${template} mail to ${to}`,
  });
}
