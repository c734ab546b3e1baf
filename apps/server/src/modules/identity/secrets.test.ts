import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/clients.ts';
import {
  Client,
  codeIn,
  createTestApp,
  lastMailTo,
  linkTokenIn,
  type TestApp,
  uniqueEmail,
} from '../../../test/harness.ts';
import { mailsTo, waitForMail } from '../../../test/mail.ts';
import { Authenticator } from '../../../test/totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/**
 * Every row that belongs to the user in every table of the public schema (tables without a user
 * column whole), as JSON text. Scoped so a shared PostgreSQL database stays cheap to scan.
 */
async function dumpDatabase(userId: string, emails: string[]): Promise<string> {
  const { raw } = t.platform.database;
  const { rows: tables } = await raw.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    const { rows: cols } = await raw.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_schema = 'public' and table_name = $1",
      [table],
    );
    const has = (c: string) => cols.some((r) => r.column_name === c);
    const sql = `select * from "${table}"`;
    const { rows } =
      table === 'users'
        ? await raw.query(`${sql} where id = $1`, [userId])
        : has('user_id')
          ? await raw.query(`${sql} where user_id = $1`, [userId])
          : has('to')
            ? await raw.query(`${sql} where "to" = any($1)`, [emails])
            : await raw.query(sql);
    parts.push(`${table}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

/** Whether `text` holds `secret`; a numeric code only counts as a whole number, not inside a longer one. */
const holds = (text: string, secret: string) =>
  /^\d+$/.test(secret) ? new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(text) : text.includes(secret);

const sessionCookie = (res: LightMyRequestResponse) =>
  res.cookies.find((c) => c.name === t.config.session.cookieName)?.value as string;

describe('secrets at rest and in logs', () => {
  it('no token, code, secret or password of a full account life appears in the logs or the database', async () => {
    const secrets: Record<string, string> = {};
    const email = uniqueEmail('secrets');
    const password = `first ${randomBytes(9).toString('base64url')}`;
    const newPassword = `second ${randomBytes(9).toString('base64url')}`;
    secrets.password = password;
    secrets.newPassword = newPassword;

    // Sign up and verify the address.
    const browser = new Client(t.app);
    const reg = await browser.post('/api/auth/register', { name: 'Secret Keeper', email, password });
    expect(reg.statusCode).toBe(201);
    const userId = reg.json().user.id as string;
    secrets.signupSession = sessionCookie(reg);
    secrets.signupCsrf = reg.json().csrfToken;
    const verifyMail = await lastMailTo(t, email);
    secrets.verificationCode = codeIn(verifyMail.text);
    secrets.verificationLink = linkTokenIn(verifyMail.text);
    expect(
      (await browser.post('/api/auth/verify-email', { code: secrets.verificationCode })).statusCode,
    ).toBe(200);

    // An API client signs in for a Bearer token.
    const api = await new Client(t.app).post('/api/auth/login', { email, password, returnToken: true });
    expect(api.statusCode).toBe(200);
    secrets.bearerToken = api.json().token;
    secrets.loginCsrf = api.json().csrfToken;

    // Two-factor authentication on, then a sign-in through it with a recovery code.
    const setup = await browser.post('/api/auth/2fa/setup');
    const totpSecret = setup.json().secret as string;
    secrets.totpSecret = totpSecret;
    const enable = await browser.post('/api/auth/2fa/enable', { code: new Authenticator(totpSecret).next() });
    expect(enable.statusCode).toBe(200);
    const recoveryCodes = enable.json().recoveryCodes as string[];
    recoveryCodes.forEach((c, i) => {
      secrets[`recoveryCode${i}`] = c;
      secrets[`recoveryCode${i}Bare`] = c.replaceAll('-', '');
    });
    const phone = new Client(t.app);
    const step1 = await phone.post('/api/auth/login', { email, password });
    secrets.challenge = step1.json().challenge;
    const step2 = await phone.post('/api/auth/login/2fa', {
      challenge: secrets.challenge,
      code: recoveryCodes[0] as string,
    });
    expect(step2.statusCode).toBe(200);
    secrets.twoFactorSession = sessionCookie(step2);

    // Forgotten password, reset by the mailed link.
    expect((await new Client(t.app).post('/api/auth/password/forgot', { email })).statusCode).toBe(202);
    secrets.resetToken = linkTokenIn((await waitForMail(t, email, 'resetPassword')).text);
    const reset = await new Client(t.app).post('/api/auth/password/reset', {
      token: secrets.resetToken,
      password: newPassword,
    });
    expect(reset.statusCode).toBe(204);

    for (const [name, value] of Object.entries(secrets)) expect(value, name).toBeTruthy();
    // Delivery logs each mail too: wait until all of them went out.
    await waitFor(
      async () => ((await mailsTo(t, email)).every((m) => m.status === 'sent') ? true : undefined),
      {
        what: 'every mail to be delivered',
      },
    );
    const logs = t.logs.join('');
    const db = await dumpDatabase(userId, [email]);
    // The haystacks are real: the flow was logged and the user's rows were found.
    expect(logs).toContain('/api/auth/password/reset');
    expect(logs).toContain('mail captured in the outbox');
    expect(db).toContain(email);
    expect(db).toContain('"sign_in_success"');

    const inLogs = Object.keys(secrets).filter((k) => holds(logs, secrets[k] as string));
    const inDatabase = Object.keys(secrets).filter((k) => holds(db, secrets[k] as string));
    expect(inLogs).toEqual([]);
    expect(inDatabase).toEqual([]);
  });
});
