import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run backup` and `npm run restore` as an operator runs them: real processes on an embedded
 * database in a data directory, judged by their exit codes and what they print.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

function run(script: 'backup' | 'restore', args: string[], dataDir: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(here, `${script}.ts`), ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          SESSION_SECRET: randomBytes(48).toString('base64url'),
          DATA_DIR: dataDir,
          SEED_DEMO: 'false',
        },
        timeout: 120_000,
      },
      (err, stdout, stderr) =>
        resolve({
          code: err ? ((err as { code?: number }).code ?? 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    );
  });
}

let work: string;
let archive: string;
let backupOutput: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), '9tangle-cli-'));
  const source = join(work, 'source');
  await mkdir(join(source, 'uploads/avatars/u'), { recursive: true });
  await writeFile(join(source, 'uploads/avatars/u/a.png'), 'an avatar');
  const res = await run('backup', [], source);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  backupOutput = res.stdout;
  const names = (await readdir(join(source, 'backups'))).filter((n) => n.endsWith('.tar.gz'));
  expect(names).toHaveLength(1);
  archive = join(source, 'backups', names[0] as string);
}, 180_000);
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('npm run backup', () => {
  it('writes one archive and prints its figures', async () => {
    expect((await readFile(archive)).subarray(0, 2).toString('hex')).toBe('1f8b');
    expect(backupOutput).toContain(archive);
    expect(backupOutput).toMatch(/files\s+1 \(/);
    expect(backupOutput).toMatch(/seconds\s+\d+\.\d\d/);
  });
});

describe('npm run restore', () => {
  it('explains its usage without an archive (exit 64)', async () => {
    const res = await run('restore', [], join(work, 'none'));
    expect(res.code).toBe(64);
    expect(res.stderr).toMatch(/Usage: npm run restore -- <archive\.tar\.gz> \[--force\]/);
  });

  it('restores into an empty data directory, refuses it once full, and replaces it with --force', async () => {
    const target = join(work, 'target');
    const first = await run('restore', [archive], target);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/tables\s+\d+/);
    expect(first.stdout).toMatch(/files\s+1/);
    expect(first.stdout).toMatch(/Restored and verified/);
    expect(await readFile(join(target, 'uploads/avatars/u/a.png'), 'utf8')).toBe('an avatar');

    const again = await run('restore', [archive], target);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/Refused: the target is not empty .*--force/);

    const forced = await run('restore', [archive, '--force'], target);
    expect(forced.code).toBe(0);
  }, 180_000);

  it('refuses a truncated archive with exit 2 and changes nothing', async () => {
    const bad = join(work, 'truncated.tar.gz');
    const bytes = await readFile(archive);
    await writeFile(bad, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = join(work, 'untouched');
    const res = await run('restore', [bad, '--force'], target);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Refused: the archive is corrupted or truncated .*Nothing was changed/);
    expect(await readdir(target).catch(() => [])).toEqual([]);
  }, 120_000);
});
