import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the built web app (`apps/web/dist`), in a new temporary folder: the page template
 * `client/index.html`, an empty `client/assets/` and the server bundle `server/entry-server.js` with the
 * given source (an ES module exporting `render(url, state)`). Returns the folder; the caller removes it.
 */
export function standInWebDist(o: { template: string; serverEntry: string; prefix?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), o.prefix ?? '9tangle-web-'));
  mkdirSync(join(dir, 'client', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'server'), { recursive: true });
  writeFileSync(join(dir, 'client', 'index.html'), o.template);
  writeFileSync(join(dir, 'server', 'entry-server.js'), o.serverEntry);
  return dir;
}
