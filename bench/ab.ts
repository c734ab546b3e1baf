// Two builds of the server compared on the same workloads, in turns, on the bench's data of scale M:
//   cp -r apps/server/dist apps/server/dist-before   # the build to compare with, before the change
//   npx tsx bench/ab.ts --before apps/server/dist-before/main.js --workloads checkout,quiz_submit --pairs 5
// Each pair runs `bench/profile.ts --no-profile` once per build (a fresh server each, the order of the
// two switched from pair to pair). The machine is shared and its speed drifts, so what it prints is
// the median of each build's CPU per unit and the median of the pairs' ratios (after ÷ before).
// Node options can be compared the same way, on one build or two:
//   npx tsx bench/ab.ts --before apps/server/dist/main.js --after-node-args '--max-semi-space-size=32'
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: 'apps/server/dist/main.js' },
    workloads: { type: 'string', default: 'my_courses' },
    pairs: { type: 'string', default: '5' },
    duration: { type: 'string', default: '6' },
    /** Node options of each side's server, space-separated. */
    'before-node-args': { type: 'string', default: '' },
    'after-node-args': { type: 'string', default: '' },
  },
});
if (!args.before) throw new Error('--before <a copy of apps/server/dist>/main.js is needed');

interface Figures {
  cpu: number;
  server: number;
  db: number;
  queries: number;
  cache: number;
  peakRss: number;
}
const LINE = /^(\w+): [\d.]+\/s, CPU ([\d.]+) ms \(([\d.]+) \+ ([\d.]+)\), ([\d.]+) queries, ([\d.]+) cache/;
const MEMORY = /^(\w+) memory \(MB\):.*peak rss ([\d.]+)/;

function run(script: string, nodeArgs: string): Map<string, Figures> {
  const res = spawnSync(
    'npx',
    [
      'tsx',
      'bench/profile.ts',
      '--no-profile',
      '--script',
      script,
      '--workloads',
      args.workloads,
      '--duration',
      args.duration,
      '--out',
      '/tmp/9t-ab',
      `--node-args=${nodeArgs}`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  if (res.status !== 0) throw new Error(`bench/profile.ts failed:\n${res.stderr.slice(-2000)}`);
  const out = new Map<string, Figures>();
  const peaks = new Map<string, number>();
  for (const line of res.stdout.split('\n')) {
    const peak = MEMORY.exec(line);
    if (peak) peaks.set(peak[1] as string, Number(peak[2]));
    const m = LINE.exec(line);
    if (m)
      out.set(m[1] as string, {
        cpu: Number(m[2]),
        server: Number(m[3]),
        db: Number(m[4]),
        queries: Number(m[5]),
        cache: Number(m[6]),
        peakRss: peaks.get(m[1] as string) ?? Number.NaN,
      });
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;

const workloads = args.workloads.split(',');
const seen = { before: [] as Map<string, Figures>[], after: [] as Map<string, Figures>[] };
for (let i = 0; i < Number(args.pairs); i++) {
  const order = i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
  for (const side of order)
    seen[side].push(
      side === 'before'
        ? run(args.before as string, args['before-node-args'])
        : run(args.after, args['after-node-args']),
    );
  const last = (side: 'before' | 'after') =>
    workloads.map((w) => `${w} ${seen[side].at(-1)?.get(w)?.cpu ?? '-'}`).join(', ');
  console.log(`pair ${i + 1}: before ${last('before')}; after ${last('after')}`);
}

console.log(
  '\n| workload | before: CPU ms/unit (server + db) | after | after ÷ before, median of pairs | queries | cache commands | peak RSS MB |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const w of workloads) {
  const of = (side: 'before' | 'after', k: keyof Figures) =>
    seen[side].map((m) => m.get(w)?.[k]).filter((x): x is number => x !== undefined);
  const ratios = seen.before.flatMap((b, i) => {
    const x = b.get(w)?.cpu;
    const y = seen.after[i]?.get(w)?.cpu;
    return x && y ? [y / x] : [];
  });
  const cell = (side: 'before' | 'after') =>
    `${r3(median(of(side, 'cpu')))} (${r3(median(of(side, 'server')))} + ${r3(median(of(side, 'db')))})`;
  console.log(
    `| ${w} | ${cell('before')} | ${cell('after')} | ${r3(median(ratios))} | ${r3(median(of('before', 'queries')))} → ${r3(median(of('after', 'queries')))} | ${r3(median(of('before', 'cache')))} → ${r3(median(of('after', 'cache')))} | ${median(of('before', 'peakRss'))} → ${median(of('after', 'peakRss'))} |`,
  );
}
