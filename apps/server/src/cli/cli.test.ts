import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalRedisUrl } from '../../test/harness.ts';

/**
 * `npm run backup` and `npm run restore` as an operator runs them: real processes on an embedded
 * database in a data directory, judged by their exit codes and what they print.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

function run(
  script: 'backup' | 'restore',
  args: string[],
  dataDir: string,
  env: Record<string, string> = {},
) {
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
          ...env,
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

  it.runIf(externalRedisUrl)(
    "empties the academy's keys in the shared cache, so nothing cached before the restore is served",
    async () => {
      const redis = new Redis(externalRedisUrl as string);
      const tag = randomBytes(6).toString('hex');
      const prefix = `cli-${tag}:`;
      const other = `cli-${tag}-other:catalog:version`;
      try {
        await redis.mset(`${prefix}catalog:version`, '41', `${prefix}catalog:v41:course:x`, '{}');
        await redis.set(other, '8');
        const res = await run('restore', [archive], join(work, 'with-redis'), {
          REDIS_URL: externalRedisUrl as string,
          REDIS_KEY_PREFIX: prefix,
        });
        expect(res.stderr).toBe('');
        expect(res.code).toBe(0);
        expect(res.stdout).toContain(`Shared cache emptied: 2 keys under "${prefix}" deleted.`);
        expect(await redis.exists(`${prefix}catalog:version`, `${prefix}catalog:v41:course:x`)).toBe(0);
        expect(await redis.get(other)).toBe('8');
      } finally {
        await redis.del(other);
        redis.disconnect();
      }
    },
    180_000,
  );

  it('answers exit 5 when the shared cache cannot be emptied, saying what to delete', async () => {
    const res = await run('restore', [archive], join(work, 'redis-down'), {
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_KEY_PREFIX: 'down:',
    });
    expect(res.code).toBe(5);
    expect(res.stdout).toMatch(/tables\s+\d+/);
    expect(res.stderr).toMatch(/Restored and verified, but the shared cache could not be emptied .*"down:"/);
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
