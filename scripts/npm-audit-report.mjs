// The dependency audit behind the operations page's "Dependency advisories" check: `npm audit --json`
// run at build time, summarised into apps/server/dist/npm-audit.json (counts by severity and each
// advisory's package, title and link). When the registry cannot be reached the report says so, and
// the check shows WARN rather than a false "no advisories".
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'];

/** The summary of `npm audit --json` output (npm 7+ format), or of its error. */
export function summariseAudit(audit, now = new Date()) {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  const base = { generatedAt: now.toISOString(), counts, advisories: [] };
  if (!audit || typeof audit !== 'object' || audit.error || !audit.vulnerabilities) {
    const error = audit?.error?.summary || audit?.message || audit?.error?.code || 'npm audit gave no report';
    return { ...base, available: false, error: String(error).split('\n')[0].slice(0, 300) };
  }
  const meta = audit.metadata?.vulnerabilities ?? {};
  for (const s of SEVERITIES) counts[s] = Number(meta[s] ?? 0);
  const advisories = [];
  for (const [name, v] of Object.entries(audit.vulnerabilities)) {
    // `via` holds advisories (objects) or the names of vulnerable dependencies (strings).
    const direct = (v.via ?? []).filter((x) => x && typeof x === 'object');
    const severity = SEVERITIES.includes(v.severity) ? v.severity : 'info';
    advisories.push({
      name,
      severity,
      title:
        direct[0]?.title ??
        `Depends on a vulnerable ${(v.via ?? []).filter((x) => typeof x === 'string').join(', ')}`,
      url: direct[0]?.url ?? null,
      range: v.range ?? null,
      fixAvailable: Boolean(v.fixAvailable),
    });
  }
  advisories.sort(
    (a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.name.localeCompare(b.name),
  );
  return { ...base, available: true, error: null, advisories };
}

/** Run `npm audit --json` in `cwd` (it exits 1 when it finds advisories: the JSON is still there). */
export function runNpmAudit(cwd, timeoutMs = 60_000) {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFile(
      npm,
      ['audit', '--json', '--omit=dev'],
      { cwd, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout) => {
        try {
          resolve(JSON.parse(stdout));
        } catch {
          resolve({
            error: { summary: err?.killed ? 'npm audit timed out' : (err?.message ?? 'npm audit failed') },
          });
        }
      },
    );
  });
}

export async function writeAuditReport(cwd, outFile) {
  const report = summariseAudit(await runNpmAudit(cwd));
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
