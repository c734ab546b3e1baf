import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/** Why a request was refused: too many in flight, or the process itself is under pressure. */
export type ShedReason = 'in_flight' | 'event_loop_delay' | 'heap' | 'rss' | 'connections';

export interface OverloadState {
  /** Requests counted in flight now (never below 0). */
  inFlight(): number;
  /** Requests (and, for `connections`, sockets) refused since start, by reason. */
  shed: Record<ShedReason, number>;
}

/** Seconds a refused client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 2;
/** How often under-pressure samples the event-loop delay and the memory. */
const SAMPLE_MS = 1000;

/**
 * An operator must see the state of an overloaded server: the health endpoints and `/metrics` are
 * never refused and not counted in flight.
 */
export function isExempt(url: string): boolean {
  const path = url.split('?', 1)[0] as string;
  return path === '/metrics' || path === '/api/health' || path.startsWith('/api/health/');
}

const hasBody = (req: FastifyRequest) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** Set while a request is counted in flight: what undoes its listeners. */
const COUNTED = Symbol('overload.counted');
type Counted = FastifyRequest & { [COUNTED]?: (() => void) | null };

/**
 * Load shedding (issue 7, ADR 043). Two guards, first of the `onRequest` hooks after the security
 * headers, so a refused request costs neither a session lookup nor a body read:
 *
 * - **in flight**: a counter raised in `onRequest` and lowered once when the request ends — its answer
 *   sent (`onResponse`), the client gone (`onRequestAbort`), its response or its socket closed (the raw
 *   `close` events). A mark on the request makes the release happen once (and removes its listeners),
 *   so the counter never leaks and never goes below zero. Past `maxInFlight` the request is answered 503 at once.
 * - **under pressure** (`@fastify/under-pressure`): the mean event-loop delay (and heap or RSS, when set)
 *   sampled every second; past a limit every request is answered 503 until a sample is back under it.
 *
 * Both answer the error envelope with code `overloaded` and `Retry-After`. The HTTP server's
 * `maxConnections` bounds the sockets themselves (closed at once past it, counted as `connections`).
 */
export async function registerOverload(
  app: FastifyInstance,
  config: Config['http']['overload'] & { maxConnections: number },
): Promise<OverloadState> {
  let inFlight = 0;
  const shed: Record<ShedReason, number> = {
    in_flight: 0,
    event_loop_delay: 0,
    heap: 0,
    rss: 0,
    connections: 0,
  };
  // One warning per burst, not one per refused request: an overloaded server should not also flood its log.
  let lastWarnAt = 0;
  /** Count the refusal, set the 503 and its headers, and give the envelope to send. */
  const refusal = (req: FastifyRequest, reply: FastifyReply, reason: ShedReason) => {
    shed[reason] += 1;
    const now = Date.now();
    if (now - lastWarnAt > 10_000) {
      lastWarnAt = now;
      req.log.warn({ reason, inFlight, shed }, 'overloaded: refusing requests with 503');
    }
    reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', 'no-store');
    // Connection: close — a refused client's socket is let go (its memory with it), and its next try
    // waits in the kernel's accept queue instead of being parsed and refused again at once. Not when the
    // request has a body: closing with its unread bytes in the socket makes the kernel reset the
    // connection, and the client may lose the 503 it had not read yet; kept open, Node reads the body away.
    if (!hasBody(req)) reply.header('connection', 'close');
    return {
      error: {
        code: 'overloaded',
        message: 'The server is busy; try again in a few seconds',
        requestId: req.id,
      },
    };
  };

  const release = (req: Counted) => {
    const undo = req[COUNTED];
    if (!undo) return;
    req[COUNTED] = null;
    inFlight -= 1;
    undo();
  };
  if (config.maxInFlight > 0) {
    const max = config.maxInFlight;
    app.addHook('onRequest', async (req, reply) => {
      if (isExempt(req.url)) return;
      // A client gone before this hook ran (its abort and close already emitted) is not counted: nothing
      // would release it.
      if (req.raw.socket?.destroyed) return;
      if (inFlight >= max) return reply.send(refusal(req, reply, 'in_flight'));
      inFlight += 1;
      // Its socket's close too: a request pipelined behind an answer that closes the connection (a
      // client that ignores `Connection: close`) has a response that never gets a socket, so neither
      // that response's close nor `onResponse` ever fires for it.
      const socket = req.raw.socket;
      const onClose = () => release(req);
      reply.raw.once('close', onClose);
      socket?.once('close', onClose);
      (req as Counted)[COUNTED] = () => {
        reply.raw.removeListener('close', onClose);
        socket?.removeListener('close', onClose);
      };
    });
    app.addHook('onResponse', async (req) => release(req));
    app.addHook('onRequestAbort', async (req) => release(req));
  }

  const { maxEventLoopDelayMs, maxHeapUsedBytes, maxRssBytes } = config;
  if (maxEventLoopDelayMs > 0 || maxHeapUsedBytes > 0 || maxRssBytes > 0) {
    // The boot (migrations, the routes' registration, SSR's first load) blocks the loop for a moment:
    // that is not the running app's delay. A sample covers the second before it and holds for the
    // second after it, so two samples after ready none of the boot is left in the figure.
    let countFrom = Number.POSITIVE_INFINITY;
    app.addHook('onReady', async () => {
      countFrom = Date.now() + 2 * SAMPLE_MS;
    });
    const reasons = {
      eventLoopDelay: 'event_loop_delay',
      heapUsedBytes: 'heap',
      rssBytes: 'rss',
    } as Record<string, ShedReason>;
    await app.register(underPressure, {
      sampleInterval: SAMPLE_MS,
      maxEventLoopDelay: maxEventLoopDelayMs,
      maxHeapUsedBytes,
      maxRssBytes,
      pressureHandler: async (req, reply, type) => {
        const reason = reasons[type];
        if (!reason || isExempt(req.url) || Date.now() < countFrom) return;
        // Awaiting the reply (a thenable that settles once the answer has gone) stops the hook chain
        // there, as an async hook's `return reply` does. The request was counted in flight by the hook
        // before this one: its answer releases it.
        await reply.send(refusal(req, reply, reason));
      },
    });
  }

  if (config.maxConnections > 0) {
    app.server.maxConnections = config.maxConnections;
    app.server.on('drop', () => {
      shed.connections += 1;
    });
  }

  return { inFlight: () => inFlight, shed };
}
