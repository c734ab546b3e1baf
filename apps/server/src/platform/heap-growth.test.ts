import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const moduleUrl = new URL('./heap-growth.ts', import.meta.url).href;

/**
 * The highest V8 heap of a process that keeps about 40 MB alive while it makes short-lived objects
 * fast, each living long enough to reach the old generation (as a server's do), after
 * `limitHeapGrowth(percent)`. Left to V8 it reaches about 350 MB; with 20 %, about 140 MB.
 */
function peakHeapMb(percent: number, nodeArgs: string[] = []): number {
  const script = `
    import { getHeapStatistics } from 'node:v8';
    const { limitHeapGrowth } = await import(${JSON.stringify(moduleUrl)});
    limitHeapGrowth(${percent});
    const live = [];
    for (let i = 0; i < 400000; i++) live.push({ a: i, b: 'x' + i, c: [i, i + 1] });
    const ring = new Array(200000);
    let peak = 0;
    for (let i = 0; i < 12000000; i++) {
      ring[i % ring.length] = { i, s: 'y' + i };
      if (i % 10000 === 0) peak = Math.max(peak, getHeapStatistics().total_heap_size);
    }
    console.log(live.length && Math.round(peak / 1048576));
  `;
  const out = execFileSync(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: fileURLToPath(new URL('.', import.meta.url)), encoding: 'utf8' },
  );
  return Number(out.trim());
}

describe('limitHeapGrowth', () => {
  it('keeps the heap of a fast-allocating process far closer to what it holds alive', () => {
    const own = peakHeapMb(0);
    const limited = peakHeapMb(20);
    expect(limited).toBeLessThan(own * 0.6);
  }, 60_000);

  it('leaves a growing factor given to node on its command line alone', () => {
    // 100 % on the command line: the heap may double, about 205 MB, not 20 %'s 140 MB.
    const given = peakHeapMb(20, ['--heap-growing-percent=100']);
    const limited = peakHeapMb(20);
    expect(given).toBeGreaterThan(limited * 1.2);
  }, 60_000);
});
