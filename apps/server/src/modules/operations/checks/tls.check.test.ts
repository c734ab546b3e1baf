import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext } from './check.types.ts';
import { tlsCheck } from './tls.check.ts';

/** The TLS check against real TLS servers on loopback with short-lived self-signed certificates. */
let dir: string;
const servers: Server[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tls-check-'));
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** A self-signed certificate for `localhost`, valid `days` from now (openssl CLI). */
function certificate(days: number, cn = 'localhost') {
  const key = join(dir, `${cn}-${days}.key`);
  const cert = join(dir, `${cn}-${days}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      String(days),
      '-subj',
      `/CN=${cn}`,
      '-addext',
      `subjectAltName=DNS:${cn}`,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

async function serve(pair: { key: string; cert: string }): Promise<number> {
  const server = createServer(pair, (socket) => socket.end());
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as { port: number }).port;
}

const ctx = (url: string) => ({ now: new Date(), publicUrl: new URL(url) }) as CheckContext;

describe('the TLS certificate check', () => {
  it('is skipped as OK when PUBLIC_URL is not https', async () => {
    const r = await tlsCheck().run(ctx('http://localhost:3000'));
    expect(r).toMatchObject({ state: 'ok', message: /not https/ });
  });

  it('is OK with weeks left, WARN under 21 days, CRIT under 7 days', async () => {
    for (const [days, state] of [
      [60, 'ok'],
      [10, 'warn'],
      [3, 'crit'],
    ] as const) {
      const pair = certificate(days);
      const port = await serve(pair);
      const r = await tlsCheck({ ca: pair.cert }).run(ctx(`https://localhost:${port}`));
      expect(r.state, r.message).toBe(state);
      expect(r.details).toMatchObject({ authorized: true, subject: 'localhost', daysLeft: days - 1 });
    }
  });

  it('is CRIT for a certificate no trusted authority signed', async () => {
    const port = await serve(certificate(90));
    const r = await tlsCheck().run(ctx(`https://localhost:${port}`));
    expect(r).toMatchObject({ state: 'crit', message: /is not valid: .*SELF_SIGNED/i });
  });

  it('is CRIT for a certificate of another host', async () => {
    const pair = certificate(90, 'other.example');
    const port = await serve(pair);
    const r = await tlsCheck({ ca: pair.cert }).run(ctx(`https://localhost:${port}`));
    expect(r.state).toBe('crit');
    expect(r.details).toMatchObject({ authorized: false });
  });
});
