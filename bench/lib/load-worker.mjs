// The load generator, in its own process so its CPU is not the server's: `node load-worker.mjs SPEC`.
// It warms up, prints READY, waits for GO on stdin (the parent reads the counters then), runs the
// measured period and prints the figures as one JSON line.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { WORKLOADS } from './workloads.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const workload = WORKLOADS[spec.workload];
if (!workload) throw new Error(`no workload ${spec.workload}`);

const run = (duration) =>
  autocannon({
    url: spec.url,
    connections: spec.connections,
    duration,
    requests: workload.requests(spec.data),
    timeout: 30,
  });

if (spec.warmupSeconds > 0) await run(spec.warmupSeconds);
process.stdout.write('READY\n');
const lines = createInterface({ input: process.stdin });
await new Promise((resolve) => lines.once('line', resolve));
const r = await run(spec.durationSeconds);
lines.close();
process.stdout.write(
  `${JSON.stringify({
    requests: r.requests.total,
    seconds: r.duration,
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    bytes: r.throughput.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: r.statusCodeStats,
  })}\n`,
);
