// A burst of sign-ins as the password hasher sees it: `--burst` argon2id verifications started at
// once, with the app's parameters, in a fresh process per mode. Prints the process's peak RSS, its RSS
// growth over the burst, and the wall time of the burst, for the hasher as shipped (at most one
// verification per core at a time) and unbounded (each verification takes a libuv thread at once).
//   npx tsx bench/argon2-burst.ts [--burst 32] [--runs 3]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '32' },
    runs: { type: 'string', default: '3' },
    child: { type: 'string' },
  },
});

if (values.child) {
  const { createPasswordHasher } = await import('../apps/server/src/modules/identity/passwords.ts');
  const params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  const hasher = createPasswordHasher({
    ...params,
    concurrency: values.child === 'bounded' ? undefined : 1_000,
  });
  const stored = await hasher.hash('a password of ten');
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const ok = await Promise.all(
    Array.from({ length: Number(values.burst) }, () => hasher.verify(stored, 'a password of ten')),
  );
  const wallMs = performance.now() - started;
  if (!ok.every(Boolean)) throw new Error('a verification failed');
  // maxRSS is in KiB.
  console.log(
    JSON.stringify({
      peakMb: process.resourceUsage().maxRSS / 1024,
      growthMb: (process.resourceUsage().maxRSS * 1024 - rssBefore) / 1_048_576,
      wallMs,
    }),
  );
} else {
  const self = fileURLToPath(import.meta.url);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows: Record<string, { peakMb: number; growthMb: number; wallMs: number }[]> = {
    bounded: [],
    unbounded: [],
  };
  for (let i = 0; i < Number(values.runs); i += 1)
    for (const mode of ['bounded', 'unbounded'] as const) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', self, '--child', mode, '--burst', values.burst],
        { encoding: 'utf8' },
      );
      rows[mode].push(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
    }
  console.log(`${values.burst} verifications at once, median of ${values.runs} runs each (in turns):`);
  console.log('mode       peak RSS MB   RSS growth MB   wall ms');
  for (const [mode, r] of Object.entries(rows))
    console.log(
      `${mode.padEnd(10)} ${median(r.map((x) => x.peakMb))
        .toFixed(0)
        .padStart(11)} ${median(r.map((x) => x.growthMb))
        .toFixed(0)
        .padStart(15)} ${median(r.map((x) => x.wallMs))
        .toFixed(0)
        .padStart(9)}`,
    );
}
