import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Academy, PASSWORD, seedAcademy } from './support/academy.ts';
import { createDatabase } from './support/databases.ts';
import { recordFigures } from './support/figures.ts';
import { request, signInAll, writeHeaders } from './support/http.ts';
import { AppServer, freePort, sleep } from './support/processes.ts';

/**
 * Issue 7: the SMTP server is down while mail is written (password resets). The mail waits in the outbox
 * table, its job retries with backoff, and once SMTP is back each message is delivered exactly once.
 */
const MAILS = 8;
const DOWN_MS = 12_000;

function smtpOn(port: number, inbox: { to: string[] }[]) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  return new Promise<SMTPServer>((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe('SMTP down for a while', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let academy: Academy;
  let server: AppServer;
  let smtpPort: number;

  beforeAll(async () => {
    db = await createDatabase('smtp');
    academy = await seedAcademy(db.url, { students: MAILS, courses: 1 });
    smtpPort = await freePort();
    server = new AppServer(await freePort(), {
      DATABASE_URL: db.url,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Academy <no-reply@academy.test>',
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.dispose();
    await db?.drop();
  });

  it('keeps the mail while SMTP is down and delivers each exactly once when it returns', async () => {
    const emails = academy.students.map((s) => s.email);
    const [session] = await signInAll(server.url, emails.slice(0, 1), PASSWORD);
    // Nothing listens on the SMTP port: every delivery attempt fails.
    const downAt = Date.now();
    for (const email of emails) {
      const a = await request(`${server.url}/api/auth/password/forgot`, {
        method: 'POST',
        headers: writeHeaders(session as never, server.url),
        body: JSON.stringify({ email }),
      });
      expect(a.status).toBe(202);
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const inbox: { to: string[] }[] = [];
    let smtp: SMTPServer | null = null;
    try {
      const rows = async () =>
        (
          await client.query(
            `select "to", status, attempts from mail_messages where template = 'resetPassword' order by "to"`,
          )
        ).rows as { to: string; status: string; attempts: number }[];
      await sleep(DOWN_MS);
      const whileDown = await rows();
      expect(whileDown).toHaveLength(MAILS);
      expect(whileDown.filter((r) => r.status === 'sent')).toEqual([]);
      const failedAttempts = whileDown.reduce((a, r) => a + r.attempts, 0);

      smtp = await smtpOn(smtpPort, inbox);
      const upAt = Date.now();
      let after = await rows();
      while (Date.now() - upAt < 180_000 && after.some((r) => r.status !== 'sent')) {
        await sleep(1000);
        after = await rows();
      }
      const deliveredMs = Date.now() - upAt;
      await sleep(3000); // a duplicate delivery would land now
      expect(after.filter((r) => r.status !== 'sent')).toEqual([]);
      const received = inbox.flatMap((m) => m.to).sort();
      expect(received).toEqual([...emails].sort());
      recordFigures('smtp-down', {
        mails: MAILS,
        smtpDownMs: upAt - downAt,
        failedAttemptsWhileDown: failedAttempts,
        allDeliveredAfterReturnMs: deliveredMs,
        received: received.length,
        duplicates: received.length - new Set(received).size,
        lost: MAILS - new Set(received).size,
      });
    } finally {
      await client.end();
      await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    }
  });
});
