import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { JOBS_ENABLED: 'false' } });
});
afterAll(async () => t?.close());

describe('draining before a graceful stop (SIGTERM)', () => {
  it('turns readiness to 503 and closes each connection after its answer, still serving requests', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(before.statusCode).toBe(200);
    expect(before.headers.connection).not.toBe('close');

    const drained = t.app.drain({ quietMs: 200, maxMs: 5_000 });
    const during = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(during.statusCode).toBe(200);
    expect(during.headers.connection).toBe('close');
    const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not_ready', reason: 'shutting down' });

    // It waits for a quiet moment after the last request, not the whole maximum.
    const { ms } = await drained;
    expect(ms).toBeGreaterThanOrEqual(200);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('stopping with a request that never finishes', () => {
  it('cuts its connection after the grace period, so the stop ends in bounded time', async () => {
    const own = await createTestApp({ env: { JOBS_ENABLED: 'false' } });
    try {
      await own.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = own.app.server.address() as AddressInfo;
      // An upload that stops after its first bytes: the request is in flight until its body ends.
      const socket = connect(port, '127.0.0.1');
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(
        'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 1000\r\n\r\n{"email":',
      );
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      const stopped = await own.app.stopServing({ quietMs: 100, maxMs: 400, graceMs: 300 });
      const ms = Date.now() - started;
      expect(stopped.cut).toBe(1);
      expect(stopped.drainMs).toBeGreaterThanOrEqual(400);
      expect(ms).toBeLessThan(5_000);
      await closed;
    } finally {
      await own.close();
    }
  });
});
