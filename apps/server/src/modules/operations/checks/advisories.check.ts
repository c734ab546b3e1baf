import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AdvisoryReport } from '@9tangle/contracts';
import type { Check } from './check.types.ts';

/**
 * Where the build writes its `npm audit` summary: `apps/server/dist/npm-audit.json`, found from this
 * source file (tests, `npm run dev`) and from the bundled `dist/main.js` alike.
 */
export function defaultAuditReportPath(): string {
  const candidates = ['../../../../dist/npm-audit.json', './npm-audit.json'].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}

/** Dependency advisories from the report the build produced (the guide's "security updates"). */
export const advisoriesCheck: Check = {
  id: 'dependency_advisories',
  title: 'Dependency advisories (npm audit)',
  schedule: 'weekly',
  async run(ctx) {
    let text: string;
    try {
      text = await readFile(ctx.auditReportPath, 'utf8');
    } catch {
      return {
        state: 'warn',
        message: 'No dependency audit report: build the server (npm run build) to produce one',
        details: { path: ctx.auditReportPath },
      };
    }
    const parsed = AdvisoryReport.safeParse(JSON.parse(text));
    if (!parsed.success)
      return {
        state: 'warn',
        message: 'The dependency audit report is unreadable; rebuild to replace it',
        details: {},
      };
    const r = parsed.data;
    const details = {
      generatedAt: r.generatedAt,
      available: r.available,
      error: r.error,
      counts: r.counts,
      advisories: r.advisories.slice(0, 100),
    };
    if (!r.available)
      return {
        state: 'warn',
        message: `The build could not audit dependencies (${r.error ?? 'registry unreachable'})`,
        details,
      };
    const c = r.counts;
    const message = `${c.critical} critical, ${c.high} high, ${c.moderate} moderate, ${c.low} low advisories (report of ${r.generatedAt.slice(0, 10)})`;
    if (c.critical > 0) return { state: 'crit', message, details };
    if (c.high > 0 || c.moderate > 0) return { state: 'warn', message, details };
    return { state: 'ok', message, details };
  },
};
