import type { Row } from './measure.ts';

/** The issue's budgets: CPU ms per unit on PostgreSQL + Redis at scale M and 16 connections. */
export const CPU_BUDGETS: Record<string, number> = {
  catalog_page: 1.0,
  course_page: 3.0,
  my_courses: 0.8,
  course_contents: 1.5,
  progress_update: 1.5,
  quiz_submit: 3.0,
  checkout: 4.0,
  stripe_webhook: 5.0,
};
export const READS = [
  'catalog_page',
  'catalog_search',
  'course_detail_page',
  'course_page',
  'my_courses',
  'course_contents',
  'admin_dashboard',
];
export const P99_BUDGET_MS = 100;
export const GROWTH_BUDGET = 1.5;
export const RSS_BUDGET_MB = 300;
export const EMBEDDED_CPU_BUDGET = 2.0;

export interface Soak {
  seconds: number;
  connections: number;
  /** RSS in MiB every sample, from the start of the soak. */
  rss_mb: number[];
  /** Median RSS of the last fifth less that of the first fifth (after the first minute's warm-up). */
  growth_mb: number;
  rps: number;
  non_2xx: number;
}

export interface Verdict {
  check: string;
  limit: string;
  measured: string;
  ok: boolean;
}

const find = (rows: Row[], workload: string, scale: string, connections: number) =>
  rows.find((r) => r.workload === workload && r.scale === scale && r.connections === connections);

/** Every budget of the issue that the rows can answer, each with its measured figure. */
export function verdicts(rows: Row[], soak: Soak | null): Verdict[] {
  const out: Verdict[] = [];
  for (const [w, limit] of Object.entries(CPU_BUDGETS)) {
    const r = find(rows, w, 'M', 16);
    if (r)
      out.push({
        check: `${w}: CPU ms per request (M, 16)`,
        limit: `≤ ${limit}`,
        measured: String(r.cpu_ms_per_req),
        ok: r.cpu_ms_per_req <= limit,
      });
  }
  for (const w of READS) {
    const r = find(rows, w, 'M', 16);
    if (r)
      out.push({
        check: `${w}: p99 ms (M, 16)`,
        limit: `< ${P99_BUDGET_MS}`,
        measured: String(r.p99_ms),
        ok: r.p99_ms < P99_BUDGET_MS,
      });
  }
  for (const m of rows.filter((r) => r.scale === 'M' && r.connections === 16 && r.workload !== 'hello')) {
    const l = find(rows, m.workload, 'L', 16);
    if (!l) continue;
    const cpu = l.cpu_ms_per_req / m.cpu_ms_per_req;
    // A p50 under a millisecond is timer resolution, not cost: compare it from 1 ms up.
    const p50 = Math.max(l.p50_ms, 1) / Math.max(m.p50_ms, 1);
    out.push({
      check: `${m.workload}: L ÷ M, CPU and p50 (16)`,
      limit: `≤ ${GROWTH_BUDGET}`,
      measured: `${cpu.toFixed(2)}, ${p50.toFixed(2)}`,
      ok: cpu <= GROWTH_BUDGET && p50 <= GROWTH_BUDGET,
    });
  }
  // On PostgreSQL the server's memory is its own; embedded PGlite keeps the whole database in the process.
  const peak = Math.max(
    0,
    ...rows.filter((r) => r.workload !== 'hello' && r.scale !== 'S').map((r) => r.peak_rss_mb),
  );
  if (peak > 0)
    out.push({
      check: 'server peak RSS, every PostgreSQL run',
      limit: `< ${RSS_BUDGET_MB} MB`,
      measured: `${peak} MB`,
      ok: peak < RSS_BUDGET_MB,
    });
  // "The catalog and course pages": the public pages a visitor opens, each cached by its ETag (ADR 037).
  for (const w of ['catalog_page', 'course_detail_page']) {
    const r = find(rows, w, 'S', 16);
    if (r)
      out.push({
        check: `${w}: CPU ms per request, embedded PGlite, 100 courses (16)`,
        limit: `< ${EMBEDDED_CPU_BUDGET}`,
        measured: String(r.cpu_ms_per_req),
        ok: r.cpu_ms_per_req < EMBEDDED_CPU_BUDGET,
      });
  }
  if (soak)
    out.push({
      check: `soak: RSS growth over ${soak.seconds / 60} min (16)`,
      limit: '< 10 MB (flat)',
      measured: `${soak.growth_mb} MB`,
      ok: soak.growth_mb < 10 && soak.non_2xx === 0,
    });
  for (const r of rows.filter((x) => x.non_2xx > 0 || x.errors > 0))
    out.push({
      check: `${r.workload} (${r.scale}, ${r.connections}): every response 2xx`,
      limit: '0 failed',
      measured: `${r.non_2xx} non-2xx, ${r.errors} errors`,
      ok: false,
    });
  return out;
}

const table = (head: string[], body: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export function markdown(o: {
  rows: Row[];
  soak: Soak | null;
  verdicts: Verdict[];
  machine: string;
  started: string;
  seconds: number;
  command: string;
}): string {
  const cols = [
    'workload',
    'scale',
    'database',
    'conns',
    'units/s',
    'p50 ms',
    'p99 ms',
    'CPU ms/unit',
    '(server + db)',
    'queries/unit',
    'RSS MB',
    'bytes/resp',
    '× hello',
  ];
  const body = o.rows.map((r) => [
    r.workload,
    r.scale,
    r.database,
    r.connections,
    r.rps,
    r.p50_ms,
    r.p99_ms,
    r.cpu_ms_per_req,
    `${r.server_cpu_ms_per_req} + ${r.db_cpu_ms_per_req}`,
    r.queries_per_req,
    r.rss_mb,
    r.bytes_per_resp,
    r.fraction_of_hello,
  ]);
  const failed = o.verdicts.filter((v) => !v.ok).length;
  return [
    '# Benchmark report',
    '',
    `Run ${o.started} on ${o.machine}, ${Math.round(o.seconds / 60)} minutes: \`${o.command}\`. Produced by \`bench/run.ts\`; the way to read it is in [docs/performance.md](../../docs/performance.md).`,
    '',
    `## Budgets: ${failed === 0 ? 'all hold' : `${failed} failed`}`,
    '',
    table(
      ['check', 'budget', 'measured', ''],
      o.verdicts.map((v) => [v.check, v.limit, v.measured, v.ok ? 'ok' : '**FAIL**']),
    ),
    '',
    '## Every run',
    '',
    'A unit is one request, except: `course_page` = the document (its account carries the cart count) + the outline + the first lesson (3 requests, what Chromium loads; 4 with `/api/cart` before session 10); `quiz_submit` = start + submit (2); `checkout` = add to cart + create the order (2). Latencies are per HTTP request. CPU is the server process plus its PostgreSQL backends, from /proc.',
    '',
    table(cols, body),
    '',
    ...(o.soak
      ? [
          '## Soak',
          '',
          `${o.soak.seconds / 60} minutes at ${o.soak.connections} connections of the read mix (${o.soak.rps} requests/s, ${o.soak.non_2xx} non-2xx): RSS ${o.soak.rss_mb[0]} → ${o.soak.rss_mb.at(-1)} MB, growth ${o.soak.growth_mb} MB (median of the last fifth less the first fifth).`,
          '',
          `Samples (MB, every 10 s): ${o.soak.rss_mb.join(', ')}`,
          '',
        ]
      : []),
  ].join('\n');
}
