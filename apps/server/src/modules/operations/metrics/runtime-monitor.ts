import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

export interface RuntimeSnapshot {
  rssBytes: number;
  heapUsedBytes: number;
  heapLimitBytes: number;
  /** Event-loop delay since the previous snapshot, in milliseconds. */
  eventLoop: { p50Ms: number; p99Ms: number; maxMs: number; meanMs: number };
}

/** Memory and event-loop delay of this process (`perf_hooks.monitorEventLoopDelay`). */
export interface RuntimeMonitor {
  /** Read the figures; the event-loop histogram starts afresh after each read. */
  snapshot(): RuntimeSnapshot;
  /** Forget the delays measured so far (the boot's, once the app is ready). */
  reset(): void;
  stop(): void;
}

const ms = (ns: number) => Math.round((Number.isFinite(ns) ? ns : 0) / 1e4) / 100;

export function createRuntimeMonitor(): RuntimeMonitor {
  const loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  return {
    snapshot() {
      const mem = process.memoryUsage();
      const eventLoop = {
        p50Ms: ms(loop.percentile(50)),
        p99Ms: ms(loop.percentile(99)),
        maxMs: ms(loop.max),
        meanMs: ms(loop.mean),
      };
      loop.reset();
      return {
        rssBytes: mem.rss,
        heapUsedBytes: mem.heapUsed,
        heapLimitBytes: getHeapStatistics().heap_size_limit,
        eventLoop,
      };
    },
    reset: () => loop.reset(),
    stop: () => loop.disable(),
  };
}
