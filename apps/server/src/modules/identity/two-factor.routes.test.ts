import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authEvents } from '../../../test/auth-events.ts';
import { Client, createTestApp, STRONG_PASSWORD, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { Authenticator } from '../../../test/totp.ts';
import { buildUser } from '../../seed/factories.ts';
import { createPasswordHasher } from './passwords.ts';

let t: TestApp;
let admin: Client;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestApp();
  passwordHash = await createPasswordHasher(t.config.argon2).hash(STRONG_PASSWORD);
  admin = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
});
afterAll(async () => t?.close());

const UA = { 'user-agent': 'TwoFactorTest/1.0' };

async function signedIn() {
  const user = await buildUser(t.platform.database.db, { passwordHash });
  const client = new Client(t.app, UA);
  const res = await client.post('/api/auth/login', { email: user.email, password: STRONG_PASSWORD });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { client, user };
}

/** A signed-in user with 2FA on; `phone` is their authenticator, with one code spent on enabling. */
async function enrolled() {
  const { client, user } = await signedIn();
  const { secret } = (await client.post('/api/auth/2fa/setup')).json();
  const phone = new Authenticator(secret);
  const enableCode = phone.next();
  const res = await client.post('/api/auth/2fa/enable', { code: enableCode });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { client, user, phone, enableCode, recoveryCodes: res.json().recoveryCodes as string[] };
}

/** The password step: a fresh client and the challenge it got. */
async function passwordStep(email: string) {
  const client = new Client(t.app, UA);
  const res = await client.post('/api/auth/login', { email, password: STRONG_PASSWORD });
  return { client, res, challenge: res.json().challenge as string };
}

describe('POST /api/auth/2fa/setup', () => {
  it('returns 401 without a session', async () => {
    expect((await new Client(t.app).post('/api/auth/2fa/setup')).statusCode).toBe(401);
  });

  it('returns the secret, an otpauth URL and a PNG QR code', async () => {
    const { client, user } = await signedIn();
    const res = await client.post('/api/auth/2fa/setup');
    expect(res.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = res.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(decodeURIComponent(url.pathname)).toContain(user.email);
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('9tangle');
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(qrDataUrl.split(',')[1], 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect((await client.get('/api/auth/me')).json().user.twoFactorEnabled).toBe(false);
  });

  it('returns 409 two_factor_already_enabled once 2FA is on', async () => {
    const { client } = await enrolled();
    const res = await client.post('/api/auth/2fa/setup');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('two_factor_already_enabled');
  });
});

describe('POST /api/auth/2fa/enable', () => {
  it('returns 400 two_factor_not_set_up before the setup', async () => {
    const { client } = await signedIn();
    const res = await client.post('/api/auth/2fa/enable', { code: '123456' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('two_factor_not_set_up');
  });

  it('returns 400 invalid_code for a wrong code and leaves 2FA off', async () => {
    const { client } = await signedIn();
    const phone = new Authenticator((await client.post('/api/auth/2fa/setup')).json().secret);
    const res = await client.post('/api/auth/2fa/enable', { code: phone.wrong() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_code');
    expect((await client.get('/api/auth/me')).json().user.twoFactorEnabled).toBe(false);
  });

  it('turns 2FA on with a right code and returns 10 distinct recovery codes', async () => {
    const { client, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await client.get('/api/auth/me')).json().user.twoFactorEnabled).toBe(true);
  });
});

describe('POST /api/auth/login/2fa', () => {
  it('is required after the password: the password step answers mfa_required and sets no cookie', async () => {
    const { user } = await enrolled();
    const { client, res } = await passwordStep(user.email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'mfa_required', challenge: expect.stringMatching(/^[\w-]{43}$/) });
    expect(res.cookies).toEqual([]);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('signs in with a TOTP code, and the same code cannot be used again', async () => {
    const { user, phone } = await enrolled();
    const code = phone.next();
    const first = await passwordStep(user.email);
    const ok = await first.client.post('/api/auth/login/2fa', { challenge: first.challenge, code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'ok', user: { id: user.id } });
    expect((await first.client.get('/api/auth/me')).statusCode).toBe(200);

    const second = await passwordStep(user.email);
    const replay = await second.client.post('/api/auth/login/2fa', { challenge: second.challenge, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_code');
    expect((await second.client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('accepts a recovery code once and only once', async () => {
    const { user, recoveryCodes } = await enrolled();
    const [code, another] = recoveryCodes as [string, string];
    const first = await passwordStep(user.email);
    const ok = await first.client.post('/api/auth/login/2fa', { challenge: first.challenge, code });
    expect(ok.statusCode).toBe(200);
    expect(await authEvents(admin, { type: 'recovery_code_used', userId: user.id })).toHaveLength(1);

    const second = await passwordStep(user.email);
    const replay = await second.client.post('/api/auth/login/2fa', { challenge: second.challenge, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_code');
    // Typed in lower case without dashes, another one still works.
    const typed = another.toLowerCase().replaceAll('-', '');
    const next = await second.client.post('/api/auth/login/2fa', {
      challenge: second.challenge,
      code: typed,
    });
    expect(next.statusCode).toBe(200);
  });

  it('kills the challenge after 5 wrong codes and records two_factor_failure', async () => {
    const { user, phone } = await enrolled();
    const { client, challenge } = await passwordStep(user.email);
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/api/auth/login/2fa', { challenge, code: phone.wrong() });
      expect(res.json().error.code).toBe('invalid_code');
    }
    const right = phone.next();
    const dead = await client.post('/api/auth/login/2fa', { challenge, code: right });
    expect(dead.statusCode).toBe(401);
    expect(dead.json().error.code).toBe('mfa_invalid_challenge');

    const failures = await authEvents(admin, { type: 'two_factor_failure', userId: user.id });
    expect(failures).toHaveLength(5);
    for (const e of failures) expect(e).toMatchObject({ ip: '127.0.0.1', userAgent: UA['user-agent'] });

    // The dead challenge never checked the code, so a new password step can still use it.
    const fresh = await passwordStep(user.email);
    const ok = await fresh.client.post('/api/auth/login/2fa', { challenge: fresh.challenge, code: right });
    expect(ok.statusCode).toBe(200);
  });

  it('returns 401 mfa_invalid_challenge for a challenge that was never issued', async () => {
    const res = await new Client(t.app).post('/api/auth/login/2fa', {
      challenge: 'x'.repeat(43),
      code: '123456',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('mfa_invalid_challenge');
  });
});

describe('POST /api/auth/2fa/disable', () => {
  it('returns 401 without a session', async () => {
    expect((await new Client(t.app).post('/api/auth/2fa/disable', { code: '123456' })).statusCode).toBe(401);
  });

  it('needs a fresh code: the one already used is refused, a new one turns 2FA off', async () => {
    const { client, user, phone, enableCode } = await enrolled();
    const reused = await client.post('/api/auth/2fa/disable', { code: enableCode });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('invalid_code');
    expect((await client.get('/api/auth/me')).json().user.twoFactorEnabled).toBe(true);

    const res = await client.post('/api/auth/2fa/disable', { code: phone.next() });
    expect(res.statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).json().user.twoFactorEnabled).toBe(false);
    const login = await passwordStep(user.email);
    expect(login.res.json().status).toBe('ok');
  });
});

describe('POST /api/auth/2fa/recovery-codes', () => {
  it('returns 401 without a session', async () => {
    const res = await new Client(t.app).post('/api/auth/2fa/recovery-codes', { code: '123456' });
    expect(res.statusCode).toBe(401);
  });

  it('returns 400 two_factor_not_enabled when 2FA is off, and 400 for a bad body', async () => {
    const { client } = await signedIn();
    const off = await client.post('/api/auth/2fa/recovery-codes', { code: '123456' });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.code).toBe('two_factor_not_enabled');
    expect((await client.post('/api/auth/2fa/recovery-codes', {})).statusCode).toBe(400);
  });

  it('needs a fresh code, then replaces every recovery code: the old ones stop working', async () => {
    const { client, user, phone, enableCode, recoveryCodes } = await enrolled();
    const reused = await client.post('/api/auth/2fa/recovery-codes', { code: enableCode });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('invalid_code');

    const res = await client.post('/api/auth/2fa/recovery-codes', { code: phone.next() });
    expect(res.statusCode).toBe(200);
    const fresh = res.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => recoveryCodes.includes(c))).toEqual([]);

    const old = await passwordStep(user.email);
    const refused = await old.client.post('/api/auth/login/2fa', {
      challenge: old.challenge,
      code: recoveryCodes[0],
    });
    expect(refused.statusCode).toBe(401);
    const ok = await old.client.post('/api/auth/login/2fa', { challenge: old.challenge, code: fresh[0] });
    expect(ok.statusCode).toBe(200);
  });
});
