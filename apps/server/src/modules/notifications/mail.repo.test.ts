import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, uniqueEmail } from '../../../test/harness.ts';
import { mailMessages } from '../../db/schema/index.ts';
import { createSecrets } from '../../platform/crypto.ts';
import { mailRepo } from './mail.repo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the mail sweep', () => {
  it('takes up stale mail sealed with a key it holds, and leaves mail sealed with another key as it is', async () => {
    const db = t.platform.database.db;
    const ours = createSecrets(t.config.secrets.session, t.config.secrets.previous);
    const theirs = createSecrets(randomBytes(48).toString('base64url'), null);
    const long = new Date(Date.now() - 3_600_000);
    const row = (enc: string, status: 'queued' | 'failed') => ({
      to: uniqueEmail('sweep'),
      subject: 'Sweep',
      template: 'verifyEmail',
      bodyEnc: enc,
      status,
      transport: 'outbox',
      updatedAt: long,
    });
    const body = JSON.stringify({ html: '<p>x</p>', text: 'x' });
    const rows = await db
      .insert(mailMessages)
      .values([
        row(ours.encrypt(body), 'queued'),
        row(ours.encrypt(body), 'failed'),
        row(theirs.encrypt(body), 'queued'),
        row(theirs.encrypt(body), 'failed'),
      ])
      .returning({ id: mailMessages.id });
    const ids = rows.map((r) => r.id);

    const stale = new Set(await mailRepo.stale(db, new Date(), ours.keyIds));
    expect(ids.map((id) => stale.has(id))).toEqual([true, true, false, false]);
    // With the other key given back (a rotation's previous secret), its mail is taken up too.
    const both = new Set(await mailRepo.stale(db, new Date(), [...ours.keyIds, ...theirs.keyIds]));
    expect(ids.every((id) => both.has(id))).toBe(true);
    await db.delete(mailMessages).where(inArray(mailMessages.id, ids));
  });
});
