/**
 * API response times, kept in process for the last few minutes: the "API latency percentiles" check
 * reads p50/p95/p99 from it. Fed by the telemetry `onResponse` hook with the route pattern (never the
 * raw URL), the status and the duration. Bounded: old samples are dropped as new ones arrive, and
 * never more than `maxSamples` are held.
 */
export interface RequestSample {
  at: number;
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

export interface LatencySummary {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** The slowest route patterns by their p95, slowest first (at most 5). */
  slowest: { route: string; count: number; p95: number }[];
  /** Responses with a 5xx status in the window. */
  serverErrors: number;
}

export interface RequestRecorder {
  record(sample: RequestSample): void;
  summary(windowMs: number, now?: number): LatencySummary;
}

/** The value at quantile `q` (0..1) of sorted numbers, nearest-rank. */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? null;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function createRequestRecorder(o: { keepMs?: number; maxSamples?: number } = {}): RequestRecorder {
  const keepMs = o.keepMs ?? 10 * 60_000;
  const maxSamples = o.maxSamples ?? 50_000;
  let samples: RequestSample[] = [];
  const prune = (now: number) => {
    const cut = now - keepMs;
    let i = 0;
    while (i < samples.length && (samples[i] as RequestSample).at < cut) i++;
    if (samples.length - i > maxSamples) i = samples.length - maxSamples;
    if (i > 0) samples = samples.slice(i);
  };
  return {
    record(sample) {
      samples.push(sample);
      // Prune in batches, not on every request.
      if (samples.length > maxSamples + 1_000 || samples.length % 500 === 0) prune(sample.at);
    },
    summary(windowMs, now = Date.now()) {
      prune(now);
      const inWindow = samples.filter((s) => s.at > now - windowMs && s.at <= now);
      const all = inWindow.map((s) => s.durationMs).sort((a, b) => a - b);
      const byRoute = new Map<string, number[]>();
      for (const s of inWindow) {
        const key = `${s.method} ${s.route}`;
        const list = byRoute.get(key) ?? [];
        list.push(s.durationMs);
        byRoute.set(key, list);
      }
      const slowest = [...byRoute]
        .map(([route, d]) => ({
          route,
          count: d.length,
          p95:
            quantile(
              d.sort((a, b) => a - b),
              0.95,
            ) ?? 0,
        }))
        .sort((a, b) => b.p95 - a.p95)
        .slice(0, 5)
        .map((r) => ({ ...r, p95: round(r.p95) ?? 0 }));
      return {
        count: all.length,
        p50: round(quantile(all, 0.5)),
        p95: round(quantile(all, 0.95)),
        p99: round(quantile(all, 0.99)),
        slowest,
        serverErrors: inWindow.filter((s) => s.status >= 500).length,
      };
    },
  };
}
