import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, externalDatabaseUrl, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { buildUser } from '../../../seed/factories.ts';
import { backupsRepo } from './backups.repo.ts';
import { withDatabase } from './pg-tools.ts';

/**
 * The admin routes of backups. On PostgreSQL the app runs on a scratch database of its own, so the
 * backups it writes (and the drills it restores) are of this test's data only.
 */
const scratchName = `bkr_${Date.now().toString(36)}_${process.pid}`;
const scratchUrl = externalDatabaseUrl ? withDatabase(externalDatabaseUrl, scratchName) : null;
async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: externalDatabaseUrl ?? '' });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

let t: TestApp;
let admin: Client;
let student: Client;
beforeAll(async () => {
  if (scratchUrl) await adminQuery(`create database ${scratchName}`);
  t = await createTestApp(scratchUrl ? { env: { DATABASE_URL: scratchUrl } } : {});
  admin = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
  student = await signInAs(t, await buildUser(t.platform.database.db, { role: 'student' }));
  await t.platform.storage.put('avatars/a/one.png', Buffer.from('png bytes'));
});
afterAll(async () => {
  await t?.close();
  if (scratchUrl) await adminQuery(`drop database if exists ${scratchName} with (force)`);
});

/** Poll the overview until the run has finished (the job runs in this process). */
async function finished(id: string) {
  for (let i = 0; i < 240; i++) {
    const res = await admin.get('/api/admin/backups');
    const run = (res.json().runs as { id: string; status: string }[]).find((r) => r.id === id);
    if (run && run.status !== 'running')
      return run as {
        id: string;
        status: string;
        result: Record<string, unknown>;
        error: string | null;
        durationMs: number;
      };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('GET /api/admin/backups', () => {
  it('answers 401 to an anonymous caller and 404 to a student', async () => {
    expect((await new Client(t.app).get('/api/admin/backups')).statusCode).toBe(401);
    const res = await student.get('/api/admin/backups');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('shows the schedule, the retention and where archives go', async () => {
    const res = await admin.get('/api/admin/backups');
    expect(res.statusCode).toBe(200);
    expect(res.json().schedule).toEqual({
      backupCron: '0 2 * * *',
      drillCron: '30 3 * * 0',
      retentionDays: 30,
      directory: join(t.config.dataDir, 'backups'),
      databaseKind: t.platform.database.kind,
    });
  });
});

describe('POST /api/admin/backups/drill before any backup', () => {
  it('answers 409 no_backup', async () => {
    const res = await admin.post('/api/admin/backups/drill', {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('no_backup');
  });
});

describe('POST /api/admin/backups', () => {
  it('answers 401 anonymous, 404 to a student, 400 to an unknown field', async () => {
    expect((await new Client(t.app).post('/api/admin/backups', {})).statusCode).toBe(401);
    expect((await student.post('/api/admin/backups', {})).statusCode).toBe(404);
    const bad = await admin.post('/api/admin/backups', { dir: '/etc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('answers 409 backup_running while a backup is running', async () => {
    const running = await backupsRepo.start(t.platform.database.db, {
      job: 'backup',
      trigger: 'cli',
      now: new Date(),
    });
    if (!running) throw new Error('expected to start a run');
    try {
      const res = await admin.post('/api/admin/backups', {});
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('backup_running');
    } finally {
      await backupsRepo.finish(t.platform.database.db, running.id, {
        status: 'failed',
        now: new Date(),
        durationMs: 1,
        result: null,
        error: 'test',
      });
    }
  });

  it('lets only one of two simultaneous starts run', async () => {
    const db = t.platform.database.db;
    const runs = await Promise.all(
      [0, 1, 2].map(() => backupsRepo.start(db, { job: 'backup', trigger: 'cli', now: new Date() })),
    );
    const started = runs.filter((r) => r !== null);
    expect(started).toHaveLength(1);
    const run = started[0];
    if (run)
      await backupsRepo.finish(db, run.id, {
        status: 'failed',
        now: new Date(),
        durationMs: 1,
        result: null,
        error: 'test',
      });
  });

  it('backs up now as a job, records the run with its result and lists the archive', async () => {
    const res = await admin.post('/api/admin/backups', {});
    expect(res.statusCode).toBe(202);
    const { run } = res.json();
    expect(run).toMatchObject({
      job: 'backup',
      status: 'running',
      trigger: expect.stringMatching(/^admin:/),
    });
    const done = await finished(run.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({
      archive: expect.stringMatching(/^9tangle-backup-\d{8}T\d{6}Z(-\d+)?\.tar\.gz$/),
      sizeBytes: expect.any(Number),
      tables: expect.any(Number),
      rows: expect.any(Number),
      files: 1,
      durationMs: expect.any(Number),
    });
    const overview = (await admin.get('/api/admin/backups')).json();
    expect(overview.archives[0].name).toBe(done.result.archive);
    expect(overview.archives[0].sizeBytes).toBe(done.result.sizeBytes);
    expect(overview.lastBackup.id).toBe(run.id);
    const audit = await t.platform.database.raw.query<{ action: string }>(
      "select action from audit_log where target_id = $1 and action = 'backup.requested'",
      [run.id],
    );
    expect(audit.rows).toHaveLength(1);
  }, 90_000);
});

describe('POST /api/admin/backups/drill', () => {
  it('answers 400 to a name that is not an archive and 404 to an archive that does not exist', async () => {
    const bad = await admin.post('/api/admin/backups/drill', { archive: '../../etc/passwd' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const missing = await admin.post('/api/admin/backups/drill', {
      archive: '9tangle-backup-20200101T000000Z.tar.gz',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('drills the newest archive and records a passed drill', async () => {
    const res = await admin.post('/api/admin/backups/drill', {});
    expect(res.statusCode).toBe(202);
    const done = await finished(res.json().run.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({
      ok: true,
      mismatches: [],
      tables: expect.any(Number),
      durationMs: expect.any(Number),
    });
    const overview = (await admin.get('/api/admin/backups')).json();
    expect(done.result.archive).toBe(overview.archives[0].name);
  }, 90_000);

  it('records a failed drill with the reason when the archive is corrupted', async () => {
    const overview = (await admin.get('/api/admin/backups')).json();
    const path = join(t.config.operations.backups.dir, overview.archives[0].name);
    const bytes = await readFile(path);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
    const res = await admin.post('/api/admin/backups/drill', { archive: overview.archives[0].name });
    const done = await finished(res.json().run.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/corrupted or truncated|does not match/);
    expect(done.result).toMatchObject({ ok: false, archive: overview.archives[0].name });
  }, 90_000);
});

describe('GET /api/admin/backups/:name', () => {
  it('streams an archive to an admin and hides it from anyone else', async () => {
    const { archives } = (await admin.get('/api/admin/backups')).json();
    const url = `/api/admin/backups/${archives[0].name}`;
    expect((await new Client(t.app).get(url)).statusCode).toBe(401);
    expect((await student.get(url)).statusCode).toBe(404);
    const res = await admin.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${archives[0].name}"`);
    expect(
      res.rawPayload.equals(await readFile(join(t.config.operations.backups.dir, archives[0].name))),
    ).toBe(true);
  });

  it.each([
    '..%2F..%2Fetc%2Fpasswd',
    '%2Fetc%2Fpasswd',
    '9tangle-backup-20260101T000000Z.tar.gz%2F..%2F..%2Fsecret',
    'manifest.json',
    '.9tangle-backup-20260101T000000Z.tar.gz.1.partial',
  ])('refuses the path trick %s with 400', async (name) => {
    await writeFile(join(t.config.operations.backups.dir, 'manifest.json'), '{}');
    const res = await admin.get(`/api/admin/backups/${name}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('answers 404 for a well-formed name with no archive', async () => {
    const res = await admin.get('/api/admin/backups/9tangle-backup-20200101T000000Z.tar.gz');
    expect(res.statusCode).toBe(404);
  });
});
