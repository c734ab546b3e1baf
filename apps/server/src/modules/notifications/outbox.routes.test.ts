import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/clients.ts';
import {
  type Client,
  codeIn,
  createTestApp,
  lastMailTo,
  linkTokenIn,
  registerUser,
  type TestApp,
} from '../../../test/harness.ts';
import { mailsTo } from '../../../test/mail.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { mailMessages } from '../../db/schema/index.ts';
import type { MailTransport } from '../../platform/mail-transport.ts';
import { buildUser } from '../../seed/factories.ts';

let t: TestApp;
let admin: Client;
/** The app's SMTP server: up, until the retry test takes it down for a while. */
let smtpDown = false;
const smtp: MailTransport = {
  kind: 'smtp',
  send: async () => {
    if (smtpDown) throw new Error('smtp down');
    return { messageId: `<${randomUUID()}@smtp.test>` };
  },
  close() {},
};

beforeAll(async () => {
  t = await createTestApp({ mailTransport: smtp });
  admin = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
});
afterAll(async () => t?.close());

const mailIdTo = async (email: string) => ((await mailsTo(t, email))[0] as { id: string }).id;
const statusOf = async (by: Client, id: string) => (await by.get(`/api/admin/mail/${id}`)).json();

describe('GET /api/admin/mail', () => {
  it('returns 401 without a session and 404 to a student', async () => {
    const { client } = await registerUser(t);
    expect((await client.get('/api/admin/mail')).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/mail' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lists the verification mail of a new account, queued or sent', async () => {
    const { email } = await registerUser(t);
    const res = await admin.get(`/api/admin/mail?to=${encodeURIComponent(email)}`);
    expect(res.statusCode).toBe(200);
    const { items, pageInfo } = res.json();
    expect(pageInfo).toMatchObject({ page: 1, total: 1, pages: 1 });
    expect(items).toEqual([
      expect.objectContaining({
        to: email,
        template: 'verifyEmail',
        status: expect.stringMatching(/^(queued|sent)$/),
      }),
    ]);
    expect(items[0]).not.toHaveProperty('html');
  });

  it('filters by status', async () => {
    await registerUser(t);
    for (const status of ['queued', 'sent', 'failed']) {
      const res = await admin.get(`/api/admin/mail?status=${status}&limit=100`);
      expect(res.statusCode).toBe(200);
      for (const m of res.json().items) expect(m.status).toBe(status);
    }
  });

  it.each(['limit=1000', 'status=lost', 'page=0'])('returns 400 for %s', async (q) => {
    const res = await admin.get(`/api/admin/mail?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

describe('GET /api/admin/mail/:id', () => {
  it('returns 404 for an unknown id and 400 for an id that is not a uuid', async () => {
    expect((await admin.get(`/api/admin/mail/${randomUUID()}`)).statusCode).toBe(404);
    expect((await admin.get('/api/admin/mail/42')).statusCode).toBe(400);
  });

  it('returns 404 to a student', async () => {
    const { client, email } = await registerUser(t);
    expect((await client.get(`/api/admin/mail/${await mailIdTo(email)}`)).statusCode).toBe(404);
  });

  it('returns the mail with its HTML and text bodies', async () => {
    const { email } = await registerUser(t);
    const code = codeIn((await lastMailTo(t, email)).text);
    const res = await admin.get(`/api/admin/mail/${await mailIdTo(email)}`);
    expect(res.statusCode).toBe(200);
    const mail = res.json();
    expect(mail).toMatchObject({ to: email, template: 'verifyEmail' });
    expect(mail.html).toMatch(/^<!doctype html>/);
    expect(mail.html).toContain(code);
    expect(mail.text).toContain(code);
  });
});

describe('POST /api/admin/mail/:id/retry', () => {
  it('returns 404 for an unknown mail', async () => {
    const res = await admin.post(`/api/admin/mail/${randomUUID()}/retry`);
    expect(res.statusCode).toBe(404);
  });

  it('returns 409 mail_not_failed for a mail that was sent', async () => {
    const { email } = await registerUser(t);
    const id = await mailIdTo(email);
    await waitFor(async () => ((await statusOf(admin, id)).status === 'sent' ? true : undefined), {
      what: 'the mail to be sent',
    });
    const res = await admin.post(`/api/admin/mail/${id}/retry`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('mail_not_failed');
    expect((await statusOf(admin, id)).status).toBe('sent');
  });

  it('puts a failed mail back in the queue: 202, then it is delivered', async () => {
    smtpDown = true;
    const { email } = await registerUser(t);
    const id = await mailIdTo(email);
    const failed = await waitFor(
      async () => {
        const m = await statusOf(admin, id);
        return m.status === 'failed' ? m : undefined;
      },
      { what: 'the mail to fail' },
    );
    expect(failed).toMatchObject({ lastError: 'smtp down', attempts: 1, sentAt: null });

    smtpDown = false;
    const res = await admin.post(`/api/admin/mail/${id}/retry`);
    expect(res.statusCode).toBe(202);
    const sent = await waitFor(
      async () => {
        const m = await statusOf(admin, id);
        return m.status === 'sent' ? m : undefined;
      },
      { what: 'the retried mail to be sent' },
    );
    expect(sent).toMatchObject({ transport: 'smtp', lastError: null, attempts: 2 });
    expect(sent.sentAt).toEqual(expect.any(String));
  });
});

describe('mail at rest', () => {
  it('stores the body encrypted: the row holds neither the code nor the link token', async () => {
    const { email } = await registerUser(t);
    const mail = await lastMailTo(t, email);
    const code = codeIn(mail.text);
    const token = linkTokenIn(mail.text);

    const rows = await t.platform.database.db.select().from(mailMessages).where(eq(mailMessages.to, email));
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(rows[0]?.bodyEnc).toMatch(/^v1\./);
    expect(stored).not.toContain(token);
    expect(stored).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
  });
});
