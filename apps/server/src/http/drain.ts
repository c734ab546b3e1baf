import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Stop being ready and wait for the requests in flight (main's SIGTERM handler, before `close`):
     * see `registerDrain`.
     */
    drain(o?: { quietMs?: number; maxMs?: number }): Promise<{ ms: number }>;
    /**
     * Drain, then close; a request still unanswered `graceMs` after the drain (a slow upload, a client
     * that stopped reading) has its connection cut, so the stop ends in bounded time.
     */
    stopServing(o?: { quietMs?: number; maxMs?: number; graceMs?: number }): Promise<{
      drainMs: number;
      /** Requests still in flight when their connections were cut. */
      cut: number;
    }>;
  }
}

const READY_PATH = '/api/health/ready';

/**
 * A graceful stop without a failed request (issue 7). Closing at once cuts the keep-alive connections
 * that look idle, and under load a client may have just written its next request into one: that request
 * fails although it was sent before the signal. So on SIGTERM the server first drains: readiness answers
 * 503 (a load balancer stops sending), every answer carries `Connection: close` (no socket stays open to
 * be written into), and it waits until nothing is in flight and nothing has arrived for `quietMs` (at
 * most `maxMs`). Only then does `close` stop listening, with no idle connection left to cut.
 */
export function registerDrain(app: FastifyInstance): void {
  let draining = false;
  let lastArrival = 0;
  const inFlight = new Set<FastifyRequest>();
  app.addHook('onRequest', async (req, reply) => {
    lastArrival = Date.now();
    if (!draining) {
      inFlight.add(req);
      return;
    }
    reply.header('connection', 'close');
    if (req.url.split('?')[0] === READY_PATH)
      return reply.code(503).send({ status: 'not_ready', reason: 'shutting down' });
    inFlight.add(req);
  });
  const done = async (req: FastifyRequest) => {
    inFlight.delete(req);
  };
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
  app.decorate('drain', async (o: { quietMs?: number; maxMs?: number } = {}) => {
    const start = Date.now();
    draining = true;
    const quietMs = o.quietMs ?? 500;
    const until = start + (o.maxMs ?? 10_000);
    while (Date.now() < until && (inFlight.size > 0 || Date.now() - lastArrival < quietMs))
      await new Promise((r) => setTimeout(r, 25));
    return { ms: Date.now() - start };
  });
  app.decorate('stopServing', async (o: { quietMs?: number; maxMs?: number; graceMs?: number } = {}) => {
    const { ms } = await app.drain(o);
    let cut = 0;
    // Fastify's close waits for every open connection: one request that never ends would hold the
    // process until the 30 s forced exit (code 1), with nothing gained.
    const cutter = setTimeout(() => {
      cut = inFlight.size;
      app.server.closeAllConnections();
    }, o.graceMs ?? 10_000);
    try {
      await app.close();
    } finally {
      clearTimeout(cutter);
    }
    return { drainMs: ms, cut };
  });
}
