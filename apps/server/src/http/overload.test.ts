import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

const TOKEN = 'overload-metrics-token-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One figure of `/metrics` (the first sample whose line starts with `name`), or null. */
async function metric(t: TestApp, name: string): Promise<number | null> {
  const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode).toBe(200);
  const line = res.body.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : null;
}

async function until(what: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

/**
 * A request held in flight over a real socket: its headers and half its body sent, the rest never. The
 * server has counted it (its `onRequest` ran) and waits for the body.
 */
function heldRequest(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => {
      s.write(
        'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 100\r\n\r\n{"email":',
      );
      resolve(s);
    });
    s.on('error', reject);
  });
}

describe('the cap on requests in flight', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_ENABLED: 'false', MAX_IN_FLIGHT: '3', METRICS_TOKEN: TOKEN } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    // A held request's socket left by a failed or slow step would keep close() waiting for its body
    // (seen once as a 60 s hook timeout on the loaded CI machine): end every connection first.
    t?.app.server.closeAllConnections();
    await t?.close();
  });

  it('answers 503 overloaded with Retry-After past the limit, never sheds health, and serves again after', async () => {
    const held = await Promise.all([heldRequest(port), heldRequest(port), heldRequest(port)]);
    await until(async () => (await metric(t, 'http_requests_in_flight')) === 3);

    const shed = await fetch(`http://127.0.0.1:${port}/api/courses?limit=3`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('2');
    const body = (await shed.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('overloaded');
    expect(body.error.requestId).toBe(shed.headers.get('x-request-id'));
    // The refused client's socket is let go.
    expect(shed.headers.get('connection')).toBe('close');
    // An early answer still carries the security headers.
    expect(shed.headers.get('x-content-type-options')).toBe('nosniff');
    // With a body it stays open: closing with the body's bytes unread would reset the connection, and
    // the client could lose its 503.
    const write = await fetch(`http://127.0.0.1:${port}/api/cart/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ itemType: 'course', itemId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(write.status).toBe(503);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('overloaded');
    expect(write.headers.get('connection')).not.toBe('close');
    // Pages are shed too, in the same envelope.
    const page = await fetch(`http://127.0.0.1:${port}/no-such-page`);
    expect(page.status).toBe(503);

    // The operator's view is never refused: liveness, readiness, /metrics.
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status).toBe(200);
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/^http_requests_shed_total\{reason="in_flight"\} 3$/m);
    expect(text).toMatch(/^http_requests_in_flight 3$/m);

    // One held request goes away: there is room for exactly one more.
    held[0]?.destroy();
    await until(async () => (await metric(t, 'http_requests_in_flight')) === 2);
    const served = await fetch(`http://127.0.0.1:${port}/api/courses?limit=3`);
    expect(served.status).toBe(200);

    for (const s of held) s.destroy();
    await until(async () => (await metric(t, 'http_requests_in_flight')) === 0);
    const again = await Promise.all(
      [1, 2, 3].map(() => fetch(`http://127.0.0.1:${port}/api/courses?limit=3`).then((r) => r.status)),
    );
    expect(again).toEqual([200, 200, 200]);
  });

  it('comes back to zero after aborted requests, and never goes below it', async () => {
    for (let round = 0; round < 5; round++) {
      // Aborted while the server waits for the body...
      const held = await Promise.all([heldRequest(port), heldRequest(port)]);
      await until(async () => (await metric(t, 'http_requests_in_flight')) === 2);
      for (const s of held) s.destroy();
      // ...and aborted at once, before or during the handler (the answer may be written to a closed socket).
      await Promise.all(
        [1, 2, 3].map(async () => {
          const c = new AbortController();
          const p = fetch(`http://127.0.0.1:${port}/api/courses?limit=12`, { signal: c.signal }).catch(
            () => null,
          );
          c.abort();
          await p;
        }),
      );
      await until(async () => (await metric(t, 'http_requests_in_flight')) === 0);
    }
    // A burst of served and shed requests: the count ends at zero, and every one was answered.
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`http://127.0.0.1:${port}/api/courses?limit=3`).then((r) => r.status),
      ),
    );
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses).toContain(200);
    await until(async () => (await metric(t, 'http_requests_in_flight')) === 0);
    await sleep(200);
    expect(await metric(t, 'http_requests_in_flight')).toBe(0);
    expect((await fetch(`http://127.0.0.1:${port}/api/courses?limit=3`)).status).toBe(200);
  });

  it('releases a request pipelined behind one that closes the connection', async () => {
    // The client asks to close after the first answer but has already written two more requests: the
    // server reads them, the socket closes after the first answer, and their answers have no socket.
    for (let round = 0; round < 3; round++) {
      await new Promise<void>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => {
          s.write(
            'GET /api/courses?limit=12 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' +
              'GET /api/courses?limit=12 HTTP/1.1\r\nHost: localhost\r\n\r\n' +
              'GET /api/cart HTTP/1.1\r\nHost: localhost\r\n\r\n',
          );
        });
        s.on('data', () => {});
        s.on('close', () => resolve());
        s.on('error', reject);
      });
    }
    await until(async () => (await metric(t, 'http_requests_in_flight')) === 0);
    expect((await fetch(`http://127.0.0.1:${port}/api/courses?limit=3`)).status).toBe(200);
  });

  it('bounds the sockets: the HTTP server has maxConnections set', () => {
    expect(t.app.server.maxConnections).toBe(t.config.http.maxConnections);
    expect(t.config.http.maxConnections).toBe(4096);
  });
});

describe('the event-loop delay guard (@fastify/under-pressure)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { JOBS_ENABLED: 'false', MAX_EVENT_LOOP_DELAY_MS: '100', METRICS_TOKEN: TOKEN },
    });
  });
  afterAll(async () => t?.close());

  it('sheds while the loop is blocked, not health, and recovers by itself', async () => {
    await sleep(1_200); // past the boot's own sample
    expect((await t.app.inject({ url: '/api/courses?limit=3' })).statusCode).toBe(200);

    // 2.5 s of CPU-bound work in 200 ms slices (what a saturated process does): every tick of the loop is
    // late, so the mean delay of the samples taken meanwhile is far over 100 ms.
    const end = Date.now() + 2_500;
    while (Date.now() < end) {
      const slice = Date.now() + 200;
      while (Date.now() < slice) {}
      await new Promise((r) => setImmediate(r));
    }
    let shed: Awaited<ReturnType<TestApp['app']['inject']>> | null = null;
    await until(async () => {
      const res = await t.app.inject({ url: '/api/courses?limit=3' });
      if (res.statusCode === 503) shed = res;
      return res.statusCode === 503;
    }, 3_000);
    const res = shed as unknown as Awaited<ReturnType<TestApp['app']['inject']>>;
    expect(res.json().error.code).toBe('overloaded');
    expect(res.headers['retry-after']).toBe('2');
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);
    expect(await metric(t, 'http_requests_shed_total{reason="event_loop_delay"}')).toBeGreaterThan(0);

    // A quiet second later the sample is back under the limit.
    await until(async () => (await t.app.inject({ url: '/api/courses?limit=3' })).statusCode === 200, 5_000);
  });
});
