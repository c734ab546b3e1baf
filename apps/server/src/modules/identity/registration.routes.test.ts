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
import { manualClock } from '../../platform/clock.ts';

let t: TestApp;
/**
 * The app runs on a manual clock. Only the expiry and cooldown tests move it, always forward, and every
 * test issues its own codes after any earlier move, so the others do not notice.
 */
const clock = manualClock();
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

/** A 6-digit code other than `code`. */
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('POST /api/auth/register', () => {
  it('returns 201 with the user, a session cookie and a CSRF cookie', async () => {
    const client = new Client(t.app);
    const email = uniqueEmail('reg');
    const res = await client.post('/api/auth/register', {
      name: 'Ada Lovelace',
      email,
      password: STRONG_PASSWORD,
    });

    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ name: 'Ada Lovelace', email, role: 'student', emailVerified: false });
    const session = res.cookies.find((c) => c.name === t.config.session.cookieName);
    const csrf = res.cookies.find((c) => c.name === 'csrf_token');
    expect(session?.value).toMatch(/^[\w-]{43}$/);
    expect(session?.httpOnly).toBe(true);
    expect(csrf?.value).toBe(body.csrfToken);
    expect(csrf?.httpOnly).toBeFalsy(); // the page's script reads it to send the header

    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(body.user.id);
  });

  it('stores the email lower-cased', async () => {
    const email = uniqueEmail('Mixed.Case');
    const res = await new Client(t.app).post('/api/auth/register', {
      name: 'Mixed Case',
      email: `  ${email.toUpperCase()} `,
      password: STRONG_PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.email).toBe(email.toLowerCase());
  });

  it.each([
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a short password', { password: 'short' }, 'password'],
    ['a name with a newline', { name: 'Eve\nBcc: victim@example.test' }, 'name'],
  ])('returns 400 validation_failed with details for %s', async (_label, override, field) => {
    const body = { name: 'Valid Name', email: uniqueEmail('bad'), password: STRONG_PASSWORD, ...override };
    const res = await new Client(t.app).post('/api/auth/register', body);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: [field] })]));
    expect(res.cookies).toEqual([]);
  });

  it('returns 409 email_taken for an address already registered, in any letter case', async () => {
    const { email } = await registerUser(t);
    const res = await new Client(t.app).post('/api/auth/register', {
      name: 'Second Owner',
      email: email.toUpperCase(),
      password: STRONG_PASSWORD,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
  });
});

describe('POST /api/auth/verify-email', () => {
  it('verifies by code while signed in: emailVerified turns from false to true', async () => {
    const { client, email } = await registerUser(t);
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(false);

    const res = await client.post('/api/auth/verify-email', {
      code: codeIn((await lastMailTo(t, email)).text),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.emailVerified).toBe(true);
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(true);
  });

  it('verifies by email and code without a session', async () => {
    const { client, email } = await registerUser(t);
    const code = codeIn((await lastMailTo(t, email)).text);

    const res = await new Client(t.app).post('/api/auth/verify-email', { email, code });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email, emailVerified: true });
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(true);
  });

  it('verifies by the link token, once: the same link then answers 400 invalid_token', async () => {
    const { client, email } = await registerUser(t);
    const token = linkTokenIn((await lastMailTo(t, email)).text);

    const first = await new Client(t.app).post('/api/auth/verify-email', { token });
    expect(first.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(true);

    const again = await new Client(t.app).post('/api/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
  });

  it('returns 400 invalid_code with the remaining attempts for a wrong code', async () => {
    const { client, email } = await registerUser(t);
    const code = codeIn((await lastMailTo(t, email)).text);

    const res = await client.post('/api/auth/verify-email', { code: otherCode(code) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_code', details: { remainingAttempts: 2 } });
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(false);
  });

  it('after 3 wrong codes refuses even the right one with 429 too_many_attempts', async () => {
    const { client, email } = await registerUser(t);
    const code = codeIn((await lastMailTo(t, email)).text);
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await client.post('/api/auth/verify-email', { code: otherCode(code) });
      remaining.push(res.json().error.details.remainingAttempts);
    }
    expect(remaining).toEqual([2, 1, 0]);

    const res = await client.post('/api/auth/verify-email', { code });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('too_many_attempts');
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(false);
  });

  it('returns 409 already_verified for an account that is verified', async () => {
    const { client, email } = await registerUser(t);
    const code = codeIn((await lastMailTo(t, email)).text);
    expect((await client.post('/api/auth/verify-email', { code })).statusCode).toBe(200);

    const res = await client.post('/api/auth/verify-email', { code });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_verified');
  });
  it('answers a verified address given by email like an unknown one (no enumeration)', async () => {
    const { email } = await registerUser(t, { verify: true });
    const anonymous = new Client(t.app);
    const known = await anonymous.post('/api/auth/verify-email', { email, code: '123456' });
    const unknown = await anonymous.post('/api/auth/verify-email', {
      email: uniqueEmail('nobody'),
      code: '123456',
    });
    expect(known.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(400);
    const strip = (b: { error: { requestId?: string } }) => ({ ...b.error, requestId: undefined });
    expect(strip(known.json())).toEqual(strip(unknown.json()));
  });

  it('returns 400 invalid_code for an email that has no account', async () => {
    const res = await new Client(t.app).post('/api/auth/verify-email', {
      email: uniqueEmail(),
      code: '123456',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_code');
  });

  it('returns 400 code_expired for a code or link older than 10 minutes', async () => {
    const { client, email } = await registerUser(t);
    const mail = await lastMailTo(t, email);
    clock.advance(11 * 60_000);

    const byCode = await client.post('/api/auth/verify-email', { code: codeIn(mail.text) });
    expect(byCode.statusCode).toBe(400);
    expect(byCode.json().error.code).toBe('code_expired');
    const byLink = await client.post('/api/auth/verify-email', { token: linkTokenIn(mail.text) });
    expect(byLink.statusCode).toBe(400);
    expect(byLink.json().error.code).toBe('code_expired');
    expect((await client.get('/api/auth/me')).json().user.emailVerified).toBe(false);
  });
});

describe('POST /api/auth/verify-email/resend', () => {
  it('returns 429 resend_cooldown with retry-after within 60 s of the last code', async () => {
    const { client } = await registerUser(t);
    const res = await client.post('/api/auth/verify-email/resend', {});
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('resend_cooldown');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('returns 202 and mails a new code after the cooldown; the old code is superseded', async () => {
    const { client, email } = await registerUser(t);
    const oldCode = codeIn((await lastMailTo(t, email)).text);
    clock.advance(61_000);

    const res = await client.post('/api/auth/verify-email/resend', {});
    expect(res.statusCode).toBe(202);
    const mails = await mailsTo(t, email);
    expect(mails).toHaveLength(2);
    const newCode = codeIn((mails[0] as { text: string }).text);

    const second = await client.post('/api/auth/verify-email/resend', {});
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBe('60');

    if (newCode !== oldCode) {
      const old = await client.post('/api/auth/verify-email', { code: oldCode });
      expect(old.json().error.code).toBe('invalid_code');
    }
    expect((await client.post('/api/auth/verify-email', { code: newCode })).statusCode).toBe(200);
  });

  it('answers 202 by email without a session, and mails only after the cooldown', async () => {
    const { email } = await registerUser(t);
    const anonymous = new Client(t.app);

    const early = await anonymous.post('/api/auth/verify-email/resend', { email });
    expect(early.statusCode).toBe(202);
    expect(await mailsTo(t, email)).toHaveLength(1);

    clock.advance(61_000);
    const late = await anonymous.post('/api/auth/verify-email/resend', { email });
    expect(late.statusCode).toBe(202);
    expect(await mailsTo(t, email)).toHaveLength(2);
  });

  it('returns 202 for an unknown email and sends no mail', async () => {
    const email = uniqueEmail('nobody');
    const res = await new Client(t.app).post('/api/auth/verify-email/resend', { email });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({});
    expect(await mailsTo(t, email)).toEqual([]);
  });
});
