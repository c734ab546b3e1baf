import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  codeIn,
  createTestApp,
  lastMailTo,
  linkTokenIn,
  registerUser,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
} from '../../../test/harness.ts';
import { mailsTo } from '../../../test/mail.ts';
import { buildUser } from '../../seed/factories.ts';
import { createPasswordHasher } from './passwords.ts';

let t: TestApp;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestApp();
  passwordHash = await createPasswordHasher(t.config.argon2).hash(STRONG_PASSWORD);
});
afterAll(async () => t?.close());

/** A signed-in student (shared password hash, so no argon2 per user). */
async function signedIn() {
  const user = await buildUser(t.platform.database.db, { passwordHash });
  const client = new Client(t.app);
  const res = await client.post('/api/auth/login', { email: user.email, password: STRONG_PASSWORD });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { client, user };
}

const requestChange = (client: Client, newEmail: string, password = STRONG_PASSWORD) =>
  client.post('/api/auth/email/change', { newEmail, password });

describe('POST /api/auth/email/change', () => {
  it('returns 401 without a session', async () => {
    const res = await requestChange(new Client(t.app), uniqueEmail());
    expect(res.statusCode).toBe(401);
  });

  it('returns 400 wrong_password for a wrong password and mails nobody', async () => {
    const { client } = await signedIn();
    const newEmail = uniqueEmail('new');
    const res = await requestChange(client, newEmail, 'not my password');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('wrong_password');
    expect(await mailsTo(t, newEmail)).toEqual([]);
  });

  it('returns 400 same_email for the current address, in any letter case', async () => {
    const { client, user } = await signedIn();
    const res = await requestChange(client, user.email.toUpperCase());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('same_email');
  });

  it('returns 409 email_taken for an address another account uses', async () => {
    const { client } = await signedIn();
    const other = await buildUser(t.platform.database.db);
    const res = await requestChange(client, other.email);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
  });

  it('returns 400 validation_failed for a malformed address', async () => {
    const { client } = await signedIn();
    const res = await requestChange(client, 'someone@');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('returns 202, mails a code to the new address and a notice to the old one', async () => {
    const { client, user } = await signedIn();
    const newEmail = uniqueEmail('new');
    const res = await requestChange(client, newEmail);
    expect(res.statusCode).toBe(202);

    const confirm = await lastMailTo(t, newEmail);
    expect(confirm.subject).toBe('Confirm your new email address');
    expect(codeIn(confirm.text)).toMatch(/^\d{6}$/);
    const notice = await lastMailTo(t, user.email);
    expect(notice.subject).toBe('Your email address is being changed');
    expect(notice.text).toContain(newEmail);
    // the old address cannot complete the change (the address itself may hold six random digits)
    expect(notice.text).not.toContain(codeIn(confirm.text));
    expect(notice.text.replaceAll(newEmail, '')).not.toMatch(/\b\d{6}\b/);
    expect((await client.get('/api/auth/me')).json().user.email).toBe(user.email); // not yet changed
  });
});

describe('POST /api/auth/email/confirm', () => {
  it('returns 401 without a session', async () => {
    const res = await new Client(t.app).post('/api/auth/email/confirm', { code: '123456' });
    expect(res.statusCode).toBe(401);
  });

  it('changes the address with the code; the new address signs in, the old does not', async () => {
    const { client, user } = await signedIn();
    const newEmail = uniqueEmail('new');
    await requestChange(client, newEmail);

    const res = await client.post('/api/auth/email/confirm', {
      code: codeIn((await lastMailTo(t, newEmail)).text),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await client.get('/api/auth/me')).json().user.email).toBe(newEmail);

    const login = (email: string) =>
      new Client(t.app).post('/api/auth/login', { email, password: STRONG_PASSWORD });
    expect((await login(newEmail)).statusCode).toBe(200);
    expect((await login(user.email)).statusCode).toBe(401);
  });

  it('changes the address with the confirmEmailToken of the mail link, once', async () => {
    const { client } = await signedIn();
    const newEmail = uniqueEmail('new');
    await requestChange(client, newEmail);
    const mail = await lastMailTo(t, newEmail);
    expect(mail.text).toContain(`${t.config.http.publicUrl.origin}/profile?confirmEmailToken=`);
    const token = linkTokenIn(mail.text, 'confirmEmailToken');

    const res = await client.post('/api/auth/email/confirm', { token });
    expect(res.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().user.email).toBe(newEmail);
    const again = await client.post('/api/auth/email/confirm', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
  });

  it("refuses the code and the link of another user's change", async () => {
    const alice = await signedIn();
    const mallory = await signedIn();
    const aliceNew = uniqueEmail('alice-new');
    await requestChange(alice.client, aliceNew);
    await requestChange(mallory.client, uniqueEmail('mallory-new'));
    const aliceMail = await lastMailTo(t, aliceNew);

    const byCode = await mallory.client.post('/api/auth/email/confirm', { code: codeIn(aliceMail.text) });
    expect(byCode.statusCode).toBe(400);
    expect(byCode.json().error.code).toBe('invalid_code');
    const byLink = await mallory.client.post('/api/auth/email/confirm', {
      token: linkTokenIn(aliceMail.text, 'confirmEmailToken'),
    });
    expect(byLink.statusCode).toBe(400);
    expect(byLink.json().error.code).toBe('invalid_token');
    expect((await mallory.client.get('/api/auth/me')).json().user.email).toBe(mallory.user.email);

    // Alice's own change is still intact.
    const own = await alice.client.post('/api/auth/email/confirm', { code: codeIn(aliceMail.text) });
    expect(own.json().user.email).toBe(aliceNew);
  });

  it('returns 409 email_taken when someone registered the address in the meantime', async () => {
    const { client, user } = await signedIn();
    const newEmail = uniqueEmail('contested');
    await requestChange(client, newEmail);
    const code = codeIn((await lastMailTo(t, newEmail)).text);
    await registerUser(t, { email: newEmail });

    const res = await client.post('/api/auth/email/confirm', { code });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
    expect((await client.get('/api/auth/me')).json().user.email).toBe(user.email);
  });
});
