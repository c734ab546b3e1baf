import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCourse, uniqueWord } from '../../../test/catalog.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { PageLoader } from '../../http/web.ts';
import { createSecrets } from '../../platform/crypto.ts';
import { buildCourse, buildUser } from '../../seed/factories.ts';
import { catalogPageLoaders } from './catalog.pages.ts';
import { createCatalogService } from './catalog.service.ts';
import { createCatalogCache } from './catalog-cache.ts';
import { createCursorCodec } from './catalog-cursor.ts';
import { instructorsRepo } from './instructors/instructors.repo.ts';

// The loaders are tested as functions: rendering needs a built web app, which is being rebuilt.
let t: TestApp;
let loaders: PageLoader[];
beforeAll(async () => {
  t = await createTestApp();
  const catalog = createCatalogService({
    database: t.platform.database,
    cache: createCatalogCache(t.platform.cache),
    cursors: createCursorCodec(createSecrets(t.config.secrets.session, null)),
  });
  loaders = catalogPageLoaders({ catalog });
});
afterAll(async () => t?.close());

/** What all loaders seed for a URL, as the page renderer collects it. */
async function seeded(url: string) {
  const [path = '/', qs = ''] = url.split('?');
  const out = [];
  for (const load of loaders) {
    const found = await load({ path, query: new URLSearchParams(qs), role: null });
    if (found) out.push(...found);
  }
  return out;
}

describe('catalog page loaders', () => {
  it('seed /courses with the categories and the catalog page under the parsed query', async () => {
    const word = uniqueWord();
    const user = await buildUser(t.platform.database.db, { role: 'instructor' });
    await publishedCourse(t, { instructorId: user.id, title: `Loader ${word}` });
    const queries = await seeded(`/courses?q=${word}&sort=newest&page=1`);
    expect(queries.map((q) => q.key)).toEqual([
      ['categories'],
      ['catalog', { q: word, sort: 'newest', page: 1, limit: 12 }],
    ]);
    expect(queries[1]?.data).toMatchObject({ items: [{ title: `Loader ${word}` }], pageInfo: { total: 1 } });
  });

  it('seed the default query when the query string does not parse', async () => {
    const queries = await seeded('/courses?level=expert&page=-4');
    expect(queries[1]?.key).toEqual(['catalog', { page: 1, limit: 12 }]);
  });

  it('ignore empty parameters instead of dropping every filter', async () => {
    const queries = await seeded('/courses?category=&level=advanced&q=');
    expect(queries[1]?.key).toEqual(['catalog', { level: 'advanced', page: 1, limit: 12 }]);
  });

  it('seed /courses/categories with the categories only', async () => {
    const queries = await seeded('/courses/categories');
    expect(queries.map((q) => q.key)).toEqual([['categories']]);
  });

  it('seed a course page with the course, or null when it is not published', async () => {
    const user = await buildUser(t.platform.database.db, { role: 'instructor' });
    const { course } = await publishedCourse(t, { instructorId: user.id });
    const draft = await buildCourse(t.platform.database.db, { instructorId: user.id });
    const [found] = await seeded(`/courses/${course.slug}`);
    expect(found).toMatchObject({ key: ['course', course.slug], data: { id: course.id } });
    const [missing, categories] = await seeded(`/courses/${draft.slug}`);
    expect(missing).toEqual({ key: ['course', draft.slug], data: null });
    expect(categories).toMatchObject({ key: ['categories'], data: { items: expect.any(Array) } });
    expect(await seeded('/courses/%E0%A4%A')).toEqual([]);
  });

  it('seed an instructor page with the profile, or null', async () => {
    const user = await buildUser(t.platform.database.db, { role: 'instructor' });
    await publishedCourse(t, { instructorId: user.id });
    const slug = (await instructorsRepo.findProfile(t.platform.database.db, user.id))?.slug as string;
    const [found] = await seeded(`/instructors/${slug}`);
    expect(found).toMatchObject({ key: ['instructor', slug], data: { instructor: { id: user.id } } });
    const [nobody, categories] = await seeded('/instructors/nobody-here');
    expect(nobody).toEqual({ key: ['instructor', 'nobody-here'], data: null });
    expect(categories?.key).toEqual(['categories']);
  });

  it('seed nothing for other pages', async () => {
    for (const url of ['/', '/login', '/courses/a/b', '/instructors', '/studio/courses'])
      expect(await seeded(url)).toEqual([]);
  });
});
