import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCourse, uniqueWord } from '../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { standInWebDist } from '../../../test/web-dist.ts';
import { buildCourse, buildUser } from '../../seed/factories.ts';

// A stand-in for the built web app: its render prints the featured titles it was given.
const webDist = standInWebDist({
  template:
    '<!doctype html><html lang="en" dir="ltr"><head><!--app-head--></head><body><!--app-html--><!--app-state--></body></html>',
  serverEntry: `export async function render(url, state) {
    const q = state.queries.find((q) => q.key[0] === 'featured-courses');
    const titles = q ? q.data.items.map((c) => '<h3>' + c.title + '</h3>').join('') : '';
    return { html: '<main>' + titles + '</main>', head: '', status: 200, lang: state.lang, dir: 'ltr' };
  }`,
});

let t: TestApp;
let admin: Client;
let instructorId: string;
beforeAll(async () => {
  t = await createTestApp({ webDist });
  const db = t.platform.database.db;
  admin = await signInAs(t, await buildUser(db, { role: 'admin' }));
  instructorId = (await buildUser(db, { role: 'instructor' })).id;
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

const featuredTitles = async () =>
  ((await t.app.inject({ url: '/api/featured-courses' })).json().items as { title: string }[]).map(
    (c) => c.title,
  );

describe('POST /api/admin/courses/:id/feature and /unfeature', () => {
  it('returns 401 signed out and 404 to a student or an instructor', async () => {
    const { course } = await publishedCourse(t, { instructorId });
    for (const action of ['feature', 'unfeature']) {
      const url = `/api/admin/courses/${course.id}/${action}`;
      expect((await new Client(t.app).post(url)).statusCode).toBe(401);
      for (const role of ['student', 'instructor'] as const) {
        const c = await signInAs(t, await buildUser(t.platform.database.db, { role }));
        expect((await c.post(url)).statusCode).toBe(404);
      }
    }
  });

  it('refuses a course that is not published with 409, an unknown one with 404, a bad id with 400', async () => {
    for (const status of ['draft', 'in_review', 'archived'] as const) {
      const course = await buildCourse(t.platform.database.db, { instructorId, status });
      const res = await admin.post(`/api/admin/courses/${course.id}/feature`);
      expect(res.statusCode, status).toBe(409);
      expect(res.json().error.code).toBe('course_not_published');
    }
    const missing = await admin.post('/api/admin/courses/00000000-0000-4000-8000-000000000000/feature');
    expect(missing.statusCode).toBe(404);
    expect((await admin.post('/api/admin/courses/nope/feature')).statusCode).toBe(400);
  });

  it('features a published course on the home page, newest first, and unfeatures it', async () => {
    const first = await publishedCourse(t, { instructorId, title: `Featured ${uniqueWord()}` });
    const second = await publishedCourse(t, { instructorId, title: `Featured ${uniqueWord()}` });
    const before = await t.app.inject({ url: '/api/featured-courses' });
    expect(before.headers.etag).toBeTruthy();

    const res = await admin.post(`/api/admin/courses/${first.course.id}/feature`);
    expect(res.statusCode).toBe(200);
    expect(res.json().featuredAt).toEqual(expect.any(String));
    await admin.post(`/api/admin/courses/${second.course.id}/feature`);
    expect((await featuredTitles()).slice(0, 2)).toEqual([second.course.title, first.course.title]);
    // The catalog's version moved: a revalidation gets the new list.
    const after = await t.app.inject({
      url: '/api/featured-courses',
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(after.statusCode).toBe(200);

    const list = (
      await admin.get(`/api/admin/courses?status=published&q=${first.course.title.split(' ')[1]}`)
    ).json();
    expect(list.items[0]).toMatchObject({ id: first.course.id, featuredAt: expect.any(String) });

    const audit = (await admin.get(`/api/admin/audit?targetId=${first.course.id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'course.featured', after: { featuredAt: expect.any(String) } });

    const off = await admin.post(`/api/admin/courses/${first.course.id}/unfeature`);
    expect(off.json().featuredAt).toBeNull();
    expect(await featuredTitles()).not.toContain(first.course.title);
  });

  it('drops a featured course from the home page when it is unpublished', async () => {
    const { course } = await publishedCourse(t, { instructorId, title: `Featured ${uniqueWord()}` });
    await admin.post(`/api/admin/courses/${course.id}/feature`);
    expect(await featuredTitles()).toContain(course.title);
    expect((await admin.post(`/api/admin/courses/${course.id}/unpublish`)).statusCode).toBe(200);
    expect(await featuredTitles()).not.toContain(course.title);
  });

  it('renders the featured courses into the home page', async () => {
    const { course } = await publishedCourse(t, { instructorId, title: `Home ${uniqueWord()}` });
    await admin.post(`/api/admin/courses/${course.id}/feature`);
    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`<h3>${course.title}</h3>`);
    expect(home.body).toContain('"key":["featured-courses"]');
    // Only the home page asks for them.
    expect((await t.app.inject({ url: '/courses' })).body).not.toContain('featured-courses');
    await admin.post(`/api/admin/courses/${course.id}/unfeature`);
  });
});
