import { readFileSync } from 'node:fs';
import pino from 'pino';
import { type Config, ConfigError, loadConfig, loadDotEnv } from '../config.ts';

/** The app's version, from the server package (found from `src/cli` and from the bundled `dist`). */
export function readVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (pkg.name === '@9tangle/server') return pkg.version;
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
}

/** The configuration as the app reads it (`.env` included), or exit with every bad key listed. */
export function cliConfig(): Config {
  try {
    loadDotEnv();
    return loadConfig(process.env, readVersion());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** Log lines go to stderr, so stdout holds only the summary. */
export const cliLogger = () => pino({ level: 'warn' }, pino.destination(2));

export const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MiB`;

/** A two-column table for a summary. */
export function table(rows: [string, string | number][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}
