// Bundles the server's TypeScript (and the contracts package) into dist/main.js in well under a second.
// npm packages stay external: they are loaded from node_modules as usual.
import { build } from 'esbuild';

// dist/main.js (the web process) and dist/worker.js (`npm run worker`, the job worker).
await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: { main: 'src/main.ts', worker: 'src/worker.ts' },
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
