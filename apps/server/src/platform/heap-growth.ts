import { setFlagsFromString } from 'node:v8';

/**
 * Sets how far V8 lets the old generation grow past what the last full GC left alive (ADR 057).
 * Left alone, V8 grows it up to four times the live size when allocation is fast, as serving is: the
 * server's RSS went to about 650 MB with some 120 MB alive. V8 reads this flag each time it works out
 * the next limit, so setting it from the process holds however the process was started (npm start,
 * systemd, the container, a process manager); a `--heap-growing-percent` given to node wins, since it
 * is applied before this runs and this is skipped for it.
 */
export function limitHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): void {
  if (percent <= 0) return;
  if (execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
