import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, STRONG_PASSWORD, type TestApp, uniqueEmail } from '../../../test/harness.ts';
import { mailRepo } from './mail.repo.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP peer on loopback: every message it accepts lands in `inbox`. */
async function startSmtp(inbox: Received[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

async function waitFor<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Undo quoted-printable soft breaks and escapes, enough to read a code out of a raw message. */
const decodeQp = (s: string) =>
  s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

let t: TestApp;
let smtp: { server: SMTPServer; port: number };
const inbox: Received[] = [];

beforeAll(async () => {
  smtp = await startSmtp(inbox);
  t = await createTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Academy <no-reply@academy.test>' },
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((r) => smtp?.server.close(() => r()));
});

describe('mail over SMTP', () => {
  it('delivers the verification mail over SMTP and its code completes sign-up', async () => {
    const email = uniqueEmail('smtp');
    const client = new Client(t.app);
    const reg = await client.post('/api/auth/register', {
      name: 'Smtp Student',
      email,
      password: STRONG_PASSWORD,
    });
    expect(reg.statusCode).toBe(201);

    const msg = await waitFor(() => inbox.find((m) => m.to.includes(email)));
    expect(msg.from).toBe('no-reply@academy.test');
    const raw = decodeQp(msg.raw);
    expect(raw).toMatch(/^Subject: Your 9tangle verification code\r?$/m);
    expect(raw).toContain('multipart/alternative'); // an HTML and a text part
    const code = raw.match(/^(\d{6})\r?$/m)?.[1] as string; // the code's own line in the text part

    const verify = await client.post('/api/auth/verify-email', { code });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().user.emailVerified).toBe(true);

    const me = await client.get('/api/auth/me');
    expect(me.json().user.emailVerified).toBe(true);
  });

  it('records the delivery as sent, with the transport and message id', async () => {
    const email = uniqueEmail('smtp');
    await new Client(t.app).post('/api/auth/register', { name: 'Second', email, password: STRONG_PASSWORD });
    await waitFor(() => inbox.find((m) => m.to.includes(email)));
    const sent = await waitFor(async () => {
      const { items } = await mailRepo.list(t.platform.database.db, { page: 1, limit: 1, to: email });
      return items[0]?.status === 'sent' ? items[0] : undefined;
    });
    expect(sent.transport).toBe('smtp');
    expect(sent.providerMessageId).toBeTruthy();
    expect(sent.attempts).toBe(1);
  });
});
