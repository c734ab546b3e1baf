// `npm start` builds only what changed since the last build: the web app (Vite) when apps/web or
// packages/contracts changed, the server bundle (esbuild) when apps/server or packages/contracts changed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const built = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const contracts = newest(join(root, 'packages/contracts'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const targets = [
  {
    name: 'web',
    src: Math.max(newest(join(root, 'apps/web')), contracts),
    out: join(root, 'apps/web/dist/server/entry-server.js'),
  },
  {
    name: 'server',
    src: Math.max(newest(join(root, 'apps/server/src')), contracts),
    // main.js and worker.js are built together; the worker, added later, tells an older build apart.
    out: join(root, 'apps/server/dist/worker.js'),
  },
];
for (const t of targets) {
  if (built(t.out) > t.src && process.env.FORCE_BUILD !== '1') continue;
  process.stdout.write(`building ${t.name}…\n`);
  execFileSync(npm, ['run', 'build', '-w', `apps/${t.name}`, '--silent'], { cwd: root, stdio: 'inherit' });
}
