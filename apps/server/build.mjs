// Bundles the server's TypeScript (and the contracts package) into dist/main.js in well under a second.
// npm packages stay external: they are loaded from node_modules as usual.
import { build } from 'esbuild';

await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  alias: { '@9tangle/contracts': '../../packages/contracts/src/index.ts' },
  logLevel: 'warning',
});

// The dependency audit the operations page shows (scripts/npm-audit-report.mjs); never fails the build.
const { writeAuditReport } = await import('../../scripts/npm-audit-report.mjs');
const root = new URL('../..', import.meta.url).pathname;
const report = await writeAuditReport(root, new URL('dist/npm-audit.json', import.meta.url).pathname);
if (!report.available) console.warn(`npm audit: no report (${report.error})`);
