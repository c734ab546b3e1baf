import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { OverloadState } from '../../../http/overload.ts';
import { type ErrorLogCounter, errorLogCounter } from '../../../platform/logger.ts';
import { createRequestRecorder, type RequestRecorder } from './request-recorder.ts';
import { createRuntimeMonitor, type RuntimeMonitor } from './runtime-monitor.ts';

/**
 * What the app measures of itself, shared by `/metrics` and the automated checks: a Prometheus
 * registry of its own (several apps share a test process, so never prom-client's global one), the
 * recent API response times, the error-log counter and the runtime monitor.
 */
export interface Telemetry {
  registry: Registry;
  requests: RequestRecorder;
  runtime: RuntimeMonitor;
  errorLog: ErrorLogCounter;
}

/** The label of a request's route: its pattern, never the raw URL, so the label set stays bounded. */
export function routeLabel(req: { is404?: boolean; routeOptions?: { url?: string } }): string {
  if (req.is404) return 'unmatched';
  return req.routeOptions?.url || 'unmatched';
}

/** Build the telemetry and hook it to every response. Register before the modules' routes. */
export function registerTelemetry(
  app: FastifyInstance,
  o: { logger: object; overload?: OverloadState },
): Telemetry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const errorLog = errorLogCounter(o.logger);
  const requests = createRequestRecorder();
  const runtime = createRuntimeMonitor();
  const labelNames = ['method', 'route', 'status_class'] as const;
  const total = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status class',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  let counted = 0;
  new Counter({
    name: 'log_error_lines_total',
    help: 'Error-level log lines written by this process',
    registers: [registry],
    collect() {
      const now = errorLog.total();
      this.inc(now - counted);
      counted = now;
    },
  });

  const overload = o.overload;
  if (overload) {
    const seen: Record<string, number> = {};
    new Counter({
      name: 'http_requests_shed_total',
      help: 'Requests answered 503 overloaded, by reason (in_flight, event_loop_delay, heap, rss); connections: sockets closed past MAX_CONNECTIONS',
      labelNames: ['reason'],
      registers: [registry],
      collect() {
        for (const [reason, n] of Object.entries(overload.shed)) {
          this.inc({ reason }, n - (seen[reason] ?? 0));
          seen[reason] = n;
        }
      },
    });
    new Gauge({
      name: 'http_requests_in_flight',
      help: 'Requests being served now (counted against MAX_IN_FLIGHT; health and /metrics are not)',
      registers: [registry],
      collect() {
        this.set(overload.inFlight());
      },
    });
  }

  app.addHook('onResponse', async (req, reply) => {
    const route = routeLabel(req);
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    const labels = { method: req.method, route, status_class: `${Math.floor(status / 100)}xx` };
    total.inc(labels);
    duration.observe(labels, ms / 1000);
    // The latency check is about the API's own work: JSON answers, not files streamed for minutes.
    const type = String(reply.getHeader('content-type') ?? '');
    if (route.startsWith('/api/') && type.startsWith('application/json'))
      requests.record({ at: Date.now(), method: req.method, route, status, durationMs: ms });
  });
  // Migrations and start-up block the loop for a moment; that is not the running app's delay.
  app.addHook('onReady', async () => runtime.reset());
  app.addHook('onClose', async () => runtime.stop());
  return { registry, requests, runtime, errorLog };
}
