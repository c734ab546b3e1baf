import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  linkTokenIn,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
} from '../../../test/harness.ts';
import { mailsTo, waitForMail } from '../../../test/mail.ts';
import { manualClock } from '../../platform/clock.ts';
import { buildUser } from '../../seed/factories.ts';
import { createPasswordHasher } from './passwords.ts';
import { usersRepo } from './users.repo.ts';

let t: TestApp;
/** The app runs on a manual clock; only the expiry test moves it (forward), after issuing its token. */
const clock = manualClock();
let passwordHash: string;
const NEW_PASSWORD = 'a brand new passphrase';

beforeAll(async () => {
  t = await createTestApp({ clock });
  passwordHash = await createPasswordHasher(t.config.argon2).hash(STRONG_PASSWORD);
});
afterAll(async () => t?.close());

const student = () => buildUser(t.platform.database.db, { passwordHash });

async function login(email: string, password = STRONG_PASSWORD) {
  const client = new Client(t.app);
  const res = await client.post('/api/auth/login', { email, password });
  return { client, res };
}

/** Ask for a reset link and return its token from the mail. */
async function resetTokenFor(email: string): Promise<string> {
  const res = await new Client(t.app).post('/api/auth/password/forgot', { email });
  expect(res.statusCode).toBe(202);
  return linkTokenIn((await waitForMail(t, email, 'resetPassword')).text);
}

const reset = (token: string, password = NEW_PASSWORD) =>
  new Client(t.app).post('/api/auth/password/reset', { token, password });

const withoutRequestId = (res: LightMyRequestResponse) => ({
  status: res.statusCode,
  body: res.body,
  cookies: res.cookies.length,
});

describe('POST /api/auth/password/forgot', () => {
  it('returns 202 and mails a reset link', async () => {
    const user = await student();
    const res = await new Client(t.app).post('/api/auth/password/forgot', { email: user.email });
    expect(res.statusCode).toBe(202);
    const mail = await waitForMail(t, user.email, 'resetPassword');
    expect(mail.text).toContain(`${t.config.http.publicUrl.origin}/reset-password?token=`);
    expect(linkTokenIn(mail.text)).toMatch(/^[\w-]{43}$/);
  });

  it('answers an unknown email exactly as a known one, and mails nobody', async () => {
    const user = await student();
    const ghost = uniqueEmail('ghost');
    const known = await new Client(t.app).post('/api/auth/password/forgot', { email: user.email });
    const unknown = await new Client(t.app).post('/api/auth/password/forgot', { email: ghost });
    expect(withoutRequestId(unknown)).toEqual(withoutRequestId(known));
    await waitForMail(t, user.email, 'resetPassword');
    expect(await mailsTo(t, ghost)).toEqual([]);
  });

  it('returns 400 validation_failed for a malformed email', async () => {
    const res = await new Client(t.app).post('/api/auth/password/forgot', { email: 'nope' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

describe('POST /api/auth/password/reset', () => {
  it('returns 204; the new password works and the old one does not', async () => {
    const user = await student();
    const res = await reset(await resetTokenFor(user.email));
    expect(res.statusCode).toBe(204);

    expect((await login(user.email, NEW_PASSWORD)).res.statusCode).toBe(200);
    const old = await login(user.email, STRONG_PASSWORD);
    expect(old.res.statusCode).toBe(401);
    expect(old.res.json().error.code).toBe('invalid_credentials');
  });

  it('returns 400 invalid_token when the same token is used twice', async () => {
    const user = await student();
    const token = await resetTokenFor(user.email);
    expect((await reset(token)).statusCode).toBe(204);

    const again = await reset(token, 'the attacker chose this');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
    expect((await login(user.email, NEW_PASSWORD)).res.statusCode).toBe(200);
  });

  it('returns 400 invalid_token for a token older than one hour', async () => {
    const user = await student();
    const token = await resetTokenFor(user.email);
    clock.advance(61 * 60_000);

    const res = await reset(token);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_token');
    expect((await login(user.email, STRONG_PASSWORD)).res.statusCode).toBe(200);
  });

  it('returns 400 invalid_token for a token that was never issued', async () => {
    const res = await reset('x'.repeat(43));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_token');
  });

  it('signs out every session and mails "password changed"', async () => {
    const user = await student();
    const { client } = await login(user.email);
    expect((await reset(await resetTokenFor(user.email))).statusCode).toBe(204);

    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const mail = (await mailsTo(t, user.email))[0];
    expect(mail).toMatchObject({ template: 'passwordChanged', subject: 'Your password was changed' });
  });
});

describe('POST /api/auth/password/change', () => {
  it('returns 401 without a session', async () => {
    const res = await new Client(t.app).post('/api/auth/password/change', {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(401);
  });

  it('returns 400 wrong_password for a wrong current password', async () => {
    const user = await student();
    const { client } = await login(user.email);
    const res = await client.post('/api/auth/password/change', {
      currentPassword: 'not my password',
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('wrong_password');
    expect((await login(user.email, STRONG_PASSWORD)).res.statusCode).toBe(200);
  });

  it('returns 400 validation_failed for a new password shorter than 10 characters', async () => {
    const { client } = await login((await student()).email);
    const res = await client.post('/api/auth/password/change', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: ['newPassword'] }],
    });
  });

  it('returns 204, keeps this session, signs out the others and mails "password changed"', async () => {
    const user = await student();
    const { client: here } = await login(user.email);
    const { client: elsewhere } = await login(user.email);

    const res = await here.post('/api/auth/password/change', {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(204);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).res.statusCode).toBe(200);
    expect((await login(user.email, STRONG_PASSWORD)).res.statusCode).toBe(401);
    expect((await mailsTo(t, user.email))[0]?.template).toBe('passwordChanged');
  });
});

describe('password hashing', () => {
  it('rehashes with the current argon2 parameters on sign-in', async () => {
    const weak = createPasswordHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1 });
    const user = await buildUser(t.platform.database.db, { passwordHash: await weak.hash(STRONG_PASSWORD) });
    expect(user.passwordHash).toContain('$m=8192,t=1,p=1$');

    expect((await login(user.email)).res.statusCode).toBe(200);
    const after = await usersRepo.findById(t.platform.database.db, user.id);
    expect(after?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after?.passwordHash).toContain('$m=19456,t=2,p=1$'); // OWASP's minimum, the default
    expect((await login(user.email)).res.statusCode).toBe(200);
  });
});
