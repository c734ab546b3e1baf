import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, studioCourse, uniqueWord } from '../../../test/catalog.ts';
import type { Client as ClientType } from '../../../test/harness.ts';
import { Client, createTestApp, lastMailTo, type TestApp } from '../../../test/harness.ts';
import { buildCategory } from '../../seed/factories.ts';

// The approval setting is site-wide: only this file changes it, and its tests run one after another.
let t: TestApp;
let admin: ClientType;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => {
  await admin?.patch('/api/admin/settings', { coursePublishingRequiresApproval: false });
  await t?.close();
});

const setApproval = async (on: boolean) =>
  expect((await admin.patch('/api/admin/settings', { coursePublishingRequiresApproval: on })).json()).toEqual(
    {
      coursePublishingRequiresApproval: on,
    },
  );
const countOf = async (categoryId: string) =>
  ((await admin.get('/api/admin/categories')).json().items as { id: string; courseCount: number }[]).find(
    (c) => c.id === categoryId,
  )?.courseCount;

describe('admin catalog routes: who may call them', () => {
  it('answers 401 without a session and 404 to students and instructors', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const category = await buildCategory(t.platform.database.db);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/admin/courses?status=in_review'],
      ['POST', `/api/admin/courses/${course.id}/publish`, {}],
      ['POST', `/api/admin/courses/${course.id}/reject`, { reason: 'Not yet' }],
      ['POST', `/api/admin/courses/${course.id}/unpublish`, {}],
      ['GET', '/api/admin/categories'],
      ['POST', '/api/admin/categories', { name: 'Hijack' }],
      ['PATCH', `/api/admin/categories/${category.id}`, { name: 'Hijacked' }],
      ['DELETE', `/api/admin/categories/${category.id}`],
      ['GET', '/api/admin/settings'],
      ['PATCH', '/api/admin/settings', { coursePublishingRequiresApproval: true }],
    ];
    const student = await signedIn(t, 'student');
    for (const [method, url, body] of routes) {
      expect((await new Client(t.app).request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await student.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      expect((await owner.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await owner.client.get(`/api/studio/courses/${course.id}`)).json().status).toBe('draft');
  });

  it('answers 400 to bad bodies', async () => {
    const category = await buildCategory(t.platform.database.db);
    const bad: [string, string, unknown][] = [
      ['POST', '/api/admin/categories', { name: 'X' }],
      ['POST', '/api/admin/categories', { name: 'Valid', courseCount: 10 }],
      ['POST', '/api/admin/categories', { name: 'Valid', slug: 'Not A Slug' }],
      ['PATCH', `/api/admin/categories/${category.id}`, { colour: 'red' }],
      ['PATCH', `/api/admin/categories/${category.id}`, { courseCount: 3 }],
      ['PATCH', '/api/admin/settings', { coursePublishingRequiresApproval: 'yes' }],
      ['PATCH', '/api/admin/settings', { somethingElse: true }],
      ['POST', '/api/admin/courses/00000000-0000-4000-8000-000000000000/reject', { reason: '' }],
    ];
    for (const [method, url, body] of bad) {
      const res = await admin.request(method, url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});

describe('publishing with and without approval', () => {
  it('publishes on submit when approval is not required', async () => {
    await setApproval(false);
    const { client } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client);
    const res = await client.post(`/api/studio/courses/${course.id}/submit`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await new Client(t.app).get(`/api/courses/${course.slug}`)).statusCode).toBe(200);
  });

  it('queues a submitted course for review, then the admin rejects with a reason or publishes', async () => {
    await setApproval(true);
    const { client, user } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client);
    expect((await client.post(`/api/studio/courses/${course.id}/submit`)).json().status).toBe('in_review');
    expect((await new Client(t.app).get(`/api/courses/${course.slug}`)).statusCode).toBe(404);
    // Instructors cannot publish their own course around the queue.
    expect((await client.post(`/api/admin/courses/${course.id}/publish`)).statusCode).toBe(404);

    const queue = (await admin.get('/api/admin/courses?status=in_review&limit=100')).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(course.id);
    expect(queue.pageInfo.total).toBeGreaterThanOrEqual(1);

    const rejected = await admin.post(`/api/admin/courses/${course.id}/reject`, {
      reason: 'Add captions please',
    });
    expect(rejected.json().status).toBe('draft');
    // The instructors are told why, with a link back to the course.
    const mail = await lastMailTo(t, user.email);
    expect(mail.subject).toBe('Your course needs changes before publishing');
    expect(mail.text).toContain('Add captions please');
    expect(mail.text).toContain(`/studio/courses/${course.id}`);
    expect((await client.post(`/api/studio/courses/${course.id}/submit`)).json().status).toBe('in_review');
    const published = await admin.post(`/api/admin/courses/${course.id}/publish`);
    expect(published.json().status).toBe('published');
    expect((await new Client(t.app).get(`/api/courses/${course.slug}`)).statusCode).toBe(200);

    const audit = (await client.get(`/api/studio/courses/${course.id}/audit`)).json().items as {
      action: string;
      before: unknown;
      after: unknown;
    }[];
    expect(audit.find((a) => a.action === 'course.rejected')).toMatchObject({
      before: { status: 'in_review' },
      after: { status: 'draft', reason: 'Add captions please' },
    });
    expect(audit.find((a) => a.action === 'course.published')).toMatchObject({
      before: { status: 'in_review' },
      after: { status: 'published' },
    });
    expect(audit.filter((a) => a.action === 'course.submitted')).toHaveLength(2);
    await setApproval(false);
  });

  it('refuses to publish or submit a course with no lessons (409 course_has_no_lessons)', async () => {
    await setApproval(false);
    const { client } = await signedIn(t, 'instructor');
    const course = (await client.post('/api/studio/courses', { title: `Empty ${uniqueWord()}` })).json();
    for (const res of [
      await client.post(`/api/studio/courses/${course.id}/submit`),
      await admin.post(`/api/admin/courses/${course.id}/publish`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('course_has_no_lessons');
    }
  });

  it('refuses a move the status does not allow (409 invalid_course_status)', async () => {
    const { client } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client);
    for (const res of [
      await admin.post(`/api/admin/courses/${course.id}/unpublish`),
      await admin.post(`/api/admin/courses/${course.id}/reject`, { reason: 'Nothing to reject' }),
      await client.post(`/api/studio/courses/${course.id}/unarchive`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('invalid_course_status');
    }
  });
});

describe('category course counts', () => {
  it('stay right across publish, category change, unpublish, archive and lesson deletion', async () => {
    const db = t.platform.database.db;
    const [a, b] = [await buildCategory(db), await buildCategory(db)];
    const { client } = await signedIn(t, 'instructor');
    const { course, lesson } = await studioCourse(client, { categoryId: a.id });
    expect(await countOf(a.id)).toBe(0);
    await admin.post(`/api/admin/courses/${course.id}/publish`);
    expect([await countOf(a.id), await countOf(b.id)]).toEqual([1, 0]);
    await client.patch(`/api/studio/courses/${course.id}`, { categoryId: b.id });
    expect([await countOf(a.id), await countOf(b.id)]).toEqual([0, 1]);
    await admin.post(`/api/admin/courses/${course.id}/unpublish`);
    expect(await countOf(b.id)).toBe(0);
    await client.patch(`/api/studio/courses/${course.id}`, { categoryId: a.id });
    expect(await countOf(a.id)).toBe(0);
    await admin.post(`/api/admin/courses/${course.id}/publish`);
    expect(await countOf(a.id)).toBe(1);
    // A published course keeps its last lesson.
    const last = await client.delete(`/api/studio/lessons/${lesson.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('course_has_no_lessons');
    await client.post(`/api/studio/courses/${course.id}/archive`);
    expect(await countOf(a.id)).toBe(0);
    await client.patch(`/api/studio/courses/${course.id}`, { categoryId: null });
    expect([await countOf(a.id), await countOf(b.id)]).toEqual([0, 0]);
  });
});

describe('/api/admin/categories', () => {
  it('creates, updates and deletes a category; one in use answers 409 category_in_use', async () => {
    const name = `Cat ${uniqueWord()}`;
    const created = await admin.post('/api/admin/categories', { name, colour: '#112233', position: 5 });
    expect(created.statusCode).toBe(201);
    const category = created.json();
    expect(category).toMatchObject({
      name,
      slug: name.toLowerCase().replace(' ', '-'),
      courseCount: 0,
      active: true,
    });
    const dup = await admin.post('/api/admin/categories', { name: 'Other', slug: category.slug });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('slug_taken');

    const hidden = await admin.patch(`/api/admin/categories/${category.id}`, { active: false, icon: 'star' });
    expect(hidden.json()).toMatchObject({ active: false, icon: 'star' });
    const publicList = (await new Client(t.app).get('/api/categories')).json().items as { id: string }[];
    expect(publicList.map((c) => c.id)).not.toContain(category.id);

    const { client } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client, { categoryId: category.id });
    const inUse = await admin.delete(`/api/admin/categories/${category.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('category_in_use');
    await client.patch(`/api/studio/courses/${course.id}`, { categoryId: null });
    expect((await admin.delete(`/api/admin/categories/${category.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/admin/categories/${category.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/studio/publishing', () => {
  it('says what submitting does: publish for admins, and for instructors unless approval is required', async () => {
    expect((await new Client(t.app).get('/api/studio/publishing')).statusCode).toBe(401);
    expect((await (await signedIn(t, 'student')).client.get('/api/studio/publishing')).statusCode).toBe(404);
    const { client } = await signedIn(t, 'instructor');
    await setApproval(false);
    expect((await client.get('/api/studio/publishing')).json()).toEqual({ submitPublishes: true });
    await setApproval(true);
    expect((await client.get('/api/studio/publishing')).json()).toEqual({ submitPublishes: false });
    expect((await admin.get('/api/studio/publishing')).json()).toEqual({ submitPublishes: true });
    await setApproval(false);
  });
});

describe('/api/admin/settings', () => {
  it('reads and writes the approval switch', async () => {
    await setApproval(true);
    expect((await admin.get('/api/admin/settings')).json()).toEqual({
      coursePublishingRequiresApproval: true,
    });
    await setApproval(false);
    expect((await admin.get('/api/admin/settings')).json()).toEqual({
      coursePublishingRequiresApproval: false,
    });
  });
});
