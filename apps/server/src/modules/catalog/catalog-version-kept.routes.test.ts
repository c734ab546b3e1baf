import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, externalDatabaseUrl, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { buildCourse, buildUser } from '../../seed/factories.ts';
import { CATALOG_CHANGED_CHANNEL, CATALOG_VERSION_KEY, KEPT_VERSION_MS } from './catalog-cache.ts';

/**
 * ADR 052: each process keeps the catalog's version while it hears the announcements of its bumps. A
 * public read then costs one cache read (its entry), not two; a bump by this process is seen on its
 * next request, one by another instance as soon as it is announced.
 */
let t: TestApp;
const TOKEN = 'metrics-token-of-the-kept-catalog-version-test';
beforeAll(async () => {
  // A database of its own on PostgreSQL: no other test's bumps are announced to this app, and one test
  // cuts its listening connections.
  t = await createTestApp({ ownDatabase: true, env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
/** `catalog_version_reads_total` by source, and `catalog_version_hearing`, from `/metrics`. */
async function figures() {
  const text = (
    await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  ).body;
  const of = (pattern: string) => Number(new RegExp(`^${pattern} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return {
    kept: of('catalog_version_reads_total\\{source="kept"\\}'),
    read: of('catalog_version_reads_total\\{source="cache"\\}'),
    hearing: of('catalog_version_hearing'),
  };
}
/** A statement from another connection: another instance, or psql. */
async function elsewhere(text: string, values: unknown[] = []) {
  if (!externalDatabaseUrl) return t.platform.database.raw.query(text, values);
  const other = new pg.Client({ connectionString: t.config.db.kind === 'postgres' ? t.config.db.url : '' });
  await other.connect();
  try {
    return await other.query(text, values);
  } finally {
    await other.end();
  }
}
async function publishedCourse(title: string) {
  const instructor = await buildUser(db(), { role: 'instructor' });
  const course = await buildCourse(db(), { instructorId: instructor.id, status: 'published', title });
  return Object.assign(course, { instructor });
}
const titleOf = async (anon: Client, slug: string) => (await anon.get(`/api/courses/${slug}`)).json().title;

describe('the catalog version kept in each process', () => {
  it('answers public reads under the kept version, reading it from the cache only once', async () => {
    await expect.poll(async () => (await figures()).hearing, { timeout: 5_000 }).toBe(1);
    const course = await publishedCourse('Kept version');
    const anon = new Client(t.app);
    expect(await titleOf(anon, course.slug)).toBe('Kept version');
    const before = await figures();
    for (let i = 0; i < 5; i++) expect(await titleOf(anon, course.slug)).toBe('Kept version');
    const after = await figures();
    expect(after.read - before.read).toBe(0);
    expect(after.kept - before.kept).toBeGreaterThanOrEqual(5);
  });

  it("sees another instance's bump once it is announced, and this app's own at once", async () => {
    const course = await publishedCourse('Before the change');
    const anon = new Client(t.app);
    expect(await titleOf(anon, course.slug)).toBe('Before the change');

    // Another instance writes and bumps the shared version, but its announcement is not yet sent:
    // this app still answers under the version it keeps (for KEPT_VERSION_MS at most).
    const started = Date.now();
    await elsewhere('update courses set title = $1 where id = $2', ['Changed elsewhere', course.id]);
    await t.platform.cache.incr(CATALOG_VERSION_KEY, 60_000);
    const stale = await titleOf(anon, course.slug);
    if (Date.now() - started < KEPT_VERSION_MS) expect(stale).toBe('Before the change');
    // The announcement: the very next read is under the new version.
    await elsewhere(`select pg_notify('${CATALOG_CHANGED_CHANNEL}', '')`);
    await expect
      .poll(() => titleOf(anon, course.slug), { timeout: 2_000, interval: 20 })
      .toBe('Changed elsewhere');

    // A change through this app: the next request sees it, with no announcement awaited.
    const owner = await signInAs(t, course.instructor);
    const renamed = await owner.patch(`/api/studio/courses/${course.id}`, { title: 'Renamed by its owner' });
    expect(renamed.statusCode).toBe(200);
    expect(await titleOf(anon, course.slug)).toBe('Renamed by its owner');
  });

  it.runIf(externalDatabaseUrl)(
    'reads the version every time while its listening connection is lost, and keeps it again once back',
    async () => {
      const course = await publishedCourse('Listening lost');
      const anon = new Client(t.app);
      await titleOf(anon, course.slug);
      const cut = await elsewhere(
        `select pg_terminate_backend(pid) as cut from pg_stat_activity
          where application_name = '9tangle-listen:${CATALOG_CHANGED_CHANNEL}' and datname = current_database()`,
      );
      expect(cut.rows).toEqual([{ cut: true }]);
      await expect.poll(async () => (await figures()).hearing, { timeout: 2_000, interval: 10 }).toBe(0);
      // Deaf: a bump it cannot hear of is still seen at once.
      await elsewhere('update courses set title = $1 where id = $2', ['Changed while deaf', course.id]);
      await t.platform.cache.incr(CATALOG_VERSION_KEY, 60_000);
      expect(await titleOf(anon, course.slug)).toBe('Changed while deaf');
      // Back within its retry (250 ms at first), and keeping the version again.
      await expect.poll(async () => (await figures()).hearing, { timeout: 5_000 }).toBe(1);
      await titleOf(anon, course.slug);
      const before = await figures();
      await titleOf(anon, course.slug);
      expect((await figures()).read - before.read).toBe(0);
    },
  );
});
