// Bundles the server's TypeScript (and the contracts package) into dist/main.js in well under a second,
// and the command-line tools beside it (dist/backup.js, dist/restore.js: npm run backup / restore).
// npm packages stay external: they are loaded from node_modules as usual.
import { build } from 'esbuild';

// dist/main.js (the web process), dist/worker.js (`npm run worker`), dist/backup.js and dist/restore.js.
await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: {
    main: 'src/main.ts',
    worker: 'src/worker.ts',
    backup: 'src/cli/backup.ts',
    restore: 'src/cli/restore.ts',
  },
  // Flat, beside main.js: the bundles find the migrations and package.json at the same relative paths.
  outdir: 'dist',
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
