// Rebuild bench/results/latest.md (and its verdicts) from latest.json and soak.json, without running
// anything: `npx tsx bench/report.ts [dir]`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Row } from './lib/measure.ts';
import { markdown, type Soak, verdicts } from './lib/report.ts';

const dir = process.argv[2] ?? new URL('./results', import.meta.url).pathname;
const rows = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as Row[];
const soakFile = join(dir, 'soak.json');
const soak = existsSync(soakFile) ? (JSON.parse(readFileSync(soakFile, 'utf8')) as Soak) : null;
const checks = verdicts(rows, soak);
const meta = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as {
  started: string;
  seconds: number;
  command: string;
};
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
writeFileSync(join(dir, 'latest.md'), markdown({ rows, soak, verdicts: checks, machine, ...meta }));
for (const v of checks)
  console.log(`${v.ok ? 'ok  ' : 'FAIL'} ${v.check}: ${v.measured} (budget ${v.limit})`);
