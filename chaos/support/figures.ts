import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes.ts';

/** A run's figures, printed and kept in chaos/results/<name>.json (the docs quote the last run). */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const dir = join(ROOT, 'chaos/results');
  mkdirSync(dir, { recursive: true });
  const body = { name, at: new Date().toISOString(), ...figures };
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  process.stdout.write(`[chaos] ${name}: ${JSON.stringify(figures)}\n`);
}
