import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  externalDatabaseUrl,
  registerUser,
  type TestApp,
} from '../../test/harness.ts';

/**
 * A TCP proxy in front of PostgreSQL that the test can cut and restore, as a network partition or a
 * database restart would. Only meaningful with a networked database, so this file runs when the suite
 * runs against PostgreSQL (CI does both modes); the embedded database cannot drop its connection.
 */
class Cuttable {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  port = 0;
  // Reuses its port on the way back up, as a restarted database would.
  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}
  async up(): Promise<void> {
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server?.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }
  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = null;
  }
}

const pgUrl = externalDatabaseUrl;

describe.runIf(pgUrl)('losing the database at run time', () => {
  let t: TestApp;
  let proxy: Cuttable;
  beforeAll(async () => {
    const url = new URL(pgUrl as string);
    proxy = new Cuttable(url.hostname, Number(url.port || 5432));
    await proxy.up();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    t = await createTestApp({ env: { DATABASE_URL: url.toString(), JOBS_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await proxy.up();
    await t?.close();
    await proxy?.down();
  });

  it('answers 503 database_unavailable quickly while it is gone, and recovers by itself', async () => {
    const { client } = await registerUser(t);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);

    await proxy.down();
    const started = Date.now();
    // A route that reads the database (`/me` may be answered from the kept session, ADR 049, in the
    // moment before the process notices that its listening connection is gone too).
    const res = await client.get('/api/auth/sessions');
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('database_unavailable');
    expect(res.headers['retry-after']).toBe('5');
    expect(Date.now() - started).toBeLessThan(5_000);
    // Liveness does not depend on the database; readiness does.
    expect((await new Client(t.app).get('/api/health')).statusCode).toBe(200);
    expect((await new Client(t.app).get('/api/health/ready')).statusCode).toBe(503);

    await proxy.up();
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await client.get('/api/auth/me')).statusCode === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 100));
    }
    expect(recovered).toBe(true);
    expect((await new Client(t.app).get('/api/health/ready')).statusCode).toBe(200);
  });
});

describe.runIf(pgUrl)('booting before the database is up', () => {
  it('retries with backoff and boots once the database answers', async () => {
    const url = new URL(pgUrl as string);
    const proxy = new Cuttable(url.hostname, Number(url.port || 5432));
    await proxy.up();
    const port = proxy.port;
    await proxy.down();
    url.hostname = '127.0.0.1';
    url.port = String(port);
    setTimeout(() => void proxy.up(), 1_500);
    const started = Date.now();
    const t = await createTestApp({ env: { DATABASE_URL: url.toString(), JOBS_ENABLED: 'false' } });
    try {
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(t.logs.join('')).toContain('database not reachable yet, retrying');
      expect((await new Client(t.app).get('/api/health/ready')).statusCode).toBe(200);
    } finally {
      await t.close();
      await proxy.down();
    }
  });
});
