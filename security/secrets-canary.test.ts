import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStripeTest,
  type StripeTest,
} from '../apps/server/src/modules/commerce/payments/stripe/stripe.test-support.ts';
import { createPasswordHasher } from '../apps/server/src/modules/identity/passwords.ts';
import { ensureFirstAdmin } from '../apps/server/src/seed/first-admin.ts';
import { waitFor } from '../apps/server/test/clients.ts';
import { Client, uniqueEmail } from '../apps/server/test/harness.ts';

/**
 * Issue 7, §4: secrets planted in the configuration and in requests (canaries: random values nothing
 * else could produce) never appear in the logs, in an answer's body or in the database in plain text.
 * The app runs with every secret setting it has — session keys old and new, Stripe and PayPal keys,
 * an SMTP password (to a server that is down, so delivery fails and is logged), the first admin's
 * password — and is sent every kind of secret a client sends, right and wrong, well-formed and not.
 */

const canary = (name: string) => `cnry${name}${randomBytes(10).toString('hex')}`;

/** A local port nothing listens on: SMTP "down". */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const config = {
  SESSION_SECRET: canary('session') + randomBytes(24).toString('base64url'),
  SESSION_SECRET_PREVIOUS: canary('previous') + randomBytes(24).toString('base64url'),
  STRIPE_SECRET_KEY: `sk_test_${canary('stripekey')}`,
  STRIPE_WEBHOOK_SECRET: `whsec_${canary('stripehook')}`,
  PAYPAL_CLIENT_ID: canary('paypalid'),
  PAYPAL_CLIENT_SECRET: canary('paypalsecret'),
  PAYPAL_WEBHOOK_ID: canary('paypalhook'),
  SMTP_PASSWORD: canary('smtp'),
  ADMIN_PASSWORD: canary('admin'),
};

let s: StripeTest;
const answers: LightMyRequestResponse[] = [];
const sent: Record<string, string> = {};

beforeAll(async () => {
  const smtpPort = await closedPort();
  // A database of its own on PostgreSQL: the first admin below is this test's, and the dump is its rows.
  s = await createStripeTest({
    ownDatabase: true,
    env: {
      SESSION_SECRET: config.SESSION_SECRET,
      SESSION_SECRET_PREVIOUS: config.SESSION_SECRET_PREVIOUS,
      STRIPE_SECRET_KEY: config.STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: config.STRIPE_WEBHOOK_SECRET,
      PAYPAL_CLIENT_ID: config.PAYPAL_CLIENT_ID,
      PAYPAL_CLIENT_SECRET: config.PAYPAL_CLIENT_SECRET,
      PAYPAL_WEBHOOK_ID: config.PAYPAL_WEBHOOK_ID,
      PAYPAL_API_BASE: `http://127.0.0.1:${smtpPort}`,
      SMTP_URL: `smtp://mailer:${config.SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      ADMIN_EMAIL: uniqueEmail('canary-admin'),
      ADMIN_PASSWORD: config.ADMIN_PASSWORD,
    },
  });
  // As main.ts does at boot: the first admin from ADMIN_EMAIL / ADMIN_PASSWORD.
  await ensureFirstAdmin(s.t.platform.database.db, s.t.config, createPasswordHasher(s.t.config.argon2));
}, 120_000);
afterAll(async () => s?.close());

/** Send through a client and keep the answer for the body check. */
async function keep(p: Promise<LightMyRequestResponse>) {
  const res = await p;
  answers.push(res);
  return res;
}

/** Every row of every table of the public schema, as JSON text. */
async function dumpDatabase(): Promise<string> {
  const { raw } = s.t.platform.database;
  const { rows: tables } = await raw.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    const { rows } = await raw.query(`select * from "${table}"`);
    parts.push(`${table}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

describe('canary secrets', () => {
  it('planted in the config and in requests, appear in no log line, no answer and no table', async () => {
    const { app } = s.t;
    // The planted settings are the ones in force (the webhook below proves the Stripe secret's).
    expect(s.t.config.mail.smtpUrl).toContain(config.SMTP_PASSWORD);
    expect(JSON.stringify(s.t.config)).toContain(config.PAYPAL_CLIENT_SECRET);
    const email = uniqueEmail('canary');
    sent.password = canary('password');
    sent.wrongPassword = canary('wrong');
    sent.bearer = canary('bearer');
    sent.cookie = canary('cookie');
    sent.csrf = canary('csrf');
    sent.resetToken = canary('reset');
    sent.queryToken = canary('query');
    sent.malformed = canary('malformed');
    sent.invalid = canary('invalid');
    sent.signature = canary('signature');
    sent.recoveryGuess = canary('recovery');

    // A new account with a planted password, and a wrong one.
    const browser = new Client(app);
    const reg = await keep(
      browser.post('/api/auth/register', { name: 'Canary', email, password: sent.password }),
    );
    expect(reg.statusCode).toBe(201);
    expect(
      (await keep(new Client(app).post('/api/auth/login', { email, password: sent.wrongPassword })))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await keep(
          new Client(app).post('/api/auth/login', {
            email: uniqueEmail('nobody'),
            password: sent.wrongPassword,
          }),
        )
      ).statusCode,
    ).toBe(401);
    // Refused for its shape: the answer names the field, never echoes the value.
    const short = await keep(
      new Client(app).post('/api/auth/register', {
        name: 'Canary',
        email: 'not-an-address',
        password: sent.invalid,
      }),
    );
    expect(short.statusCode).toBe(400);
    // Forged credentials of every kind.
    expect(
      (await keep(app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${sent.bearer}` } })))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await keep(
          app.inject({
            url: '/api/auth/me',
            headers: { cookie: `${s.t.config.session.cookieName}=${sent.cookie}` },
          }),
        )
      ).statusCode,
    ).toBe(401);
    const forgedCsrf = await keep(
      browser.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': sent.csrf }),
    );
    expect(forgedCsrf.statusCode).toBe(403);
    const reset = await keep(
      new Client(app).post('/api/auth/password/reset', { token: sent.resetToken, password: sent.password }),
    );
    expect(reset.statusCode).toBeGreaterThanOrEqual(400);
    expect(reset.statusCode).toBeLessThan(500);
    const recovery = await keep(
      new Client(app).post('/api/auth/login/2fa', {
        challenge: sent.recoveryGuess,
        code: sent.recoveryGuess,
      }),
    );
    expect(recovery.statusCode).toBeGreaterThanOrEqual(400);
    expect(recovery.statusCode).toBeLessThan(500);
    // A secret in a query string (redacted in the access log by its name).
    await keep(app.inject({ url: `/api/courses?token=${sent.queryToken}&signature=${sent.queryToken}` }));
    // Malformed JSON that holds a secret: the parse error must not quote it.
    const malformed = await keep(
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `{"email":"${email}","password":"${sent.malformed}`,
      }),
    );
    expect(malformed.statusCode).toBe(400);

    // A Stripe delivery signed with the planted webhook secret is taken; a forged signature is not.
    const order = await s.pendingOrder();
    const good = await keep(
      s.deliver(s.fake.signed(s.fake.complete(order.sessionId), { secret: config.STRIPE_WEBHOOK_SECRET })),
    );
    expect(good.statusCode).toBe(200);
    const forged = s.fake.signed(s.fake.complete(order.sessionId));
    forged.headers['stripe-signature'] = `t=${Math.floor(Date.now() / 1000)},v1=${sent.signature}`;
    expect((await keep(s.deliver(forged))).statusCode).toBe(400);

    // The first admin signs in with the planted password.
    expect(
      (
        await keep(
          new Client(app).post('/api/auth/login', {
            email: s.t.config.admin.email,
            password: config.ADMIN_PASSWORD,
          }),
        )
      ).statusCode,
    ).toBe(200);

    // The registration's mail cannot reach the SMTP server that is down: its failure is logged.
    await waitFor(async () => (s.t.logs.some((l) => l.includes('ECONNREFUSED')) ? true : undefined), {
      what: 'the failed SMTP delivery to be logged',
      timeoutMs: 60_000,
    });

    const logs = s.t.logs.join('');
    const bodies = answers.map((a) => a.body).join('\n');
    const db = await dumpDatabase();
    // The haystacks are real: the flow was logged, answered and stored.
    expect(logs).toContain('/api/auth/login');
    expect(logs).toContain('/api/webhooks/stripe');
    expect(bodies).toContain('"code"');
    expect(db).toContain(email);
    expect(db).toContain('payment_succeeded');

    const planted = { ...config, ...sent };
    const found = (hay: string) =>
      Object.keys(planted).filter((k) => hay.includes(planted[k as keyof typeof planted]));
    expect(found(logs), 'in the logs').toEqual([]);
    expect(found(bodies), 'in the answers').toEqual([]);
    expect(found(db), 'in the database').toEqual([]);
  });
});
