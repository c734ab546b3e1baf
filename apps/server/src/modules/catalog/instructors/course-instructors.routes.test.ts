import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, studioCourse } from '../../../../test/catalog.ts';
import { Client, createTestApp, lastMailTo, type TestApp } from '../../../../test/harness.ts';
import { buildUser } from '../../../seed/factories.ts';
import { instructorsRepo } from './instructors.repo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);
const actions = async (client: Client, courseId: string) =>
  (await client.get(`/api/studio/courses/${courseId}/audit`))
    .json()
    .items.map((a: { action: string }) => a.action);

describe('course instructors routes: who may call them', () => {
  it('answers 401 signed out, 404 to a student and to an instructor who does not teach the course', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const colleague = await buildUser(db(), { role: 'instructor' });
    const student = await signedIn(t, 'student');
    const other = await signedIn(t, 'instructor');
    const base = `/api/studio/courses/${course.id}/instructors`;
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['POST', base, { email: colleague.email }],
      ['POST', `${base}/reorder`, { ids: [owner.user.id] }],
      ['DELETE', `${base}/${owner.user.id}`],
    ];
    for (const [method, url, body] of routes) {
      expect((await new Client(t.app).request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await student.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      const res = await other.client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    // Nothing changed: still one instructor, the owner.
    expect(ids(await owner.client.get(base))).toEqual([owner.user.id]);
  });

  it('answers 400 to a bad body or id', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const base = `/api/studio/courses/${course.id}/instructors`;
    for (const body of [{}, { email: 'not an email' }, { email: 'a@b.test', role: 'admin' }])
      expect((await owner.client.post(base, body)).json().error.code).toBe('validation_failed');
    expect((await owner.client.post(`${base}/reorder`, { ids: [] })).statusCode).toBe(400);
    expect((await owner.client.delete(`${base}/nope`)).statusCode).toBe(400);
    // A reorder must name every instructor once.
    const res = await owner.client.post(`${base}/reorder`, { ids: [owner.user.id, owner.user.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

describe('POST /api/studio/courses/:id/instructors', () => {
  it('adds an instructor by email, gives them a profile and a mail, and lets them edit the course', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client, { title: 'Shared Urdu poetry' });
    const co = await signedIn(t, 'instructor');
    expect(await instructorsRepo.findProfile(db(), co.user.id)).toBeUndefined();
    const res = await owner.client.post(`/api/studio/courses/${course.id}/instructors`, {
      email: co.user.email.toUpperCase(),
    });
    expect(res.statusCode).toBe(201);
    const profile = await instructorsRepo.findProfile(db(), co.user.id);
    expect(res.json().items).toEqual([
      expect.objectContaining({ id: owner.user.id, position: 0 }),
      {
        id: co.user.id,
        name: co.user.name,
        email: co.user.email,
        avatarUrl: null,
        slug: profile?.slug,
        position: 1,
      },
    ]);
    const mail = await lastMailTo(t, co.user.email);
    expect(mail.subject).toBe('You were added as a course instructor');
    expect(mail.text).toContain('Shared Urdu poetry');
    expect(mail.text).toContain(`/studio/courses/${course.id}`);
    // The co-instructor now sees and edits the course in their studio.
    const mine = (await co.client.get('/api/studio/courses')).json().items.map((c: { id: string }) => c.id);
    expect(mine).toContain(course.id);
    expect(
      (await co.client.patch(`/api/studio/courses/${course.id}`, { subtitle: 'Two voices' })).statusCode,
    ).toBe(200);
    expect(await actions(owner.client, course.id)).toContain('course.instructor_added');
  });

  it('refuses unknown, student and suspended addresses alike (422), and someone already there (409)', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const url = `/api/studio/courses/${course.id}/instructors`;
    const student = await buildUser(db(), { role: 'student' });
    const suspended = await buildUser(db(), { role: 'instructor', suspended: true });
    for (const email of ['nobody-here@example.test', student.email, suspended.email]) {
      const res = await owner.client.post(url, { email });
      expect(res.statusCode, email).toBe(422);
      expect(res.json().error.code).toBe('not_an_instructor');
    }
    const res = await owner.client.post(url, { email: owner.user.email });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_instructor');
  });

  it('lets an admin add any instructor to any course', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const admin = await signedIn(t, 'admin');
    const co = await buildUser(db(), { role: 'instructor' });
    const res = await admin.client.post(`/api/studio/courses/${course.id}/instructors`, { email: co.email });
    expect(res.statusCode).toBe(201);
    expect(ids(res)).toEqual([owner.user.id, co.id]);
  });
});

describe('DELETE and reorder of a course’s instructors', () => {
  it('reorders, removes (positions stay dense) and never removes the last instructor', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const base = `/api/studio/courses/${course.id}/instructors`;
    const a = await buildUser(db(), { role: 'instructor' });
    const b = await buildUser(db(), { role: 'instructor' });
    await owner.client.post(base, { email: a.email });
    await owner.client.post(base, { email: b.email });

    const reordered = await owner.client.post(`${base}/reorder`, { ids: [b.id, owner.user.id, a.id] });
    expect(reordered.statusCode).toBe(200);
    expect(ids(reordered)).toEqual([b.id, owner.user.id, a.id]);

    expect((await owner.client.delete(`${base}/${(await buildUser(db())).id}`)).statusCode).toBe(404);
    const removed = await owner.client.delete(`${base}/${b.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items.map((i: { id: string; position: number }) => [i.id, i.position])).toEqual([
      [owner.user.id, 0],
      [a.id, 1],
    ]);
    expect(ids(await owner.client.delete(`${base}/${a.id}`))).toEqual([owner.user.id]);

    const last = await owner.client.delete(`${base}/${owner.user.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('last_instructor');
    expect(await actions(owner.client, course.id)).toEqual(
      expect.arrayContaining(['course.instructors_reordered', 'course.instructor_removed']),
    );
  });

  it('shows the new order on the public course page', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const admin = await signedIn(t, 'admin');
    await admin.client.post(`/api/admin/courses/${course.id}/publish`);
    const co = await buildUser(db(), { role: 'instructor' });
    const anonymous = new Client(t.app);
    const names = async () =>
      (await anonymous.get(`/api/courses/${course.slug}`))
        .json()
        .instructors.map((i: { id: string }) => i.id);
    expect(await names()).toEqual([owner.user.id]);
    await owner.client.post(`/api/studio/courses/${course.id}/instructors`, { email: co.email });
    // The catalog cache was invalidated by the change.
    expect(await names()).toEqual([owner.user.id, co.id]);
    await owner.client.post(`/api/studio/courses/${course.id}/instructors/reorder`, {
      ids: [co.id, owner.user.id],
    });
    expect(await names()).toEqual([co.id, owner.user.id]);
  });
});

describe('GET and PATCH /api/studio/profile', () => {
  it('answers 401 signed out and 404 to a student', async () => {
    const student = await signedIn(t, 'student');
    for (const [method, body] of [['GET'], ['PATCH', { headline: 'Hi' }]] as const) {
      expect((await new Client(t.app).request(method, '/api/studio/profile', body)).statusCode).toBe(401);
      expect((await student.client.request(method, '/api/studio/profile', body)).statusCode).toBe(404);
    }
  });

  it('suggests a slug before the profile exists, then saves headline, sanitized bio and slug', async () => {
    const me = await signedIn(t, 'instructor');
    const before = (await me.client.get('/api/studio/profile')).json();
    expect(before).toMatchObject({
      exists: false,
      isPublic: false,
      headline: null,
      bio: null,
      name: me.user.name,
    });
    expect(before.slug).toMatch(/^[a-z0-9-]+$/);

    const slug = `teacher-${me.user.id.slice(0, 8)}`;
    const res = await me.client.patch('/api/studio/profile', {
      slug,
      headline: 'Poet and teacher',
      bio: '<p>I teach <strong>ghazal</strong>.</p><script>alert(1)</script><img src=x onerror=alert(1)>',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug, exists: true, headline: 'Poet and teacher' });
    expect(res.json().bio).toBe('<p>I teach <strong>ghazal</strong>.</p>');

    // Shown on the public page once a course is published.
    const { course } = await studioCourse(me.client);
    await (await signedIn(t, 'admin')).client.post(`/api/admin/courses/${course.id}/publish`);
    const page = (await new Client(t.app).get(`/api/instructors/${slug}`)).json();
    expect(page.instructor).toMatchObject({ slug, headline: 'Poet and teacher', bio: res.json().bio });
    expect((await me.client.get('/api/studio/profile')).json().isPublic).toBe(true);

    // A later change shows at once (the catalog cache is invalidated), and the old address is gone.
    await me.client.patch('/api/studio/profile', { slug: `${slug}-2`, bio: '<p> </p>', headline: '' });
    const moved = await new Client(t.app).get(`/api/instructors/${slug}-2`);
    expect(moved.json().instructor).toMatchObject({ headline: null, bio: null });
    expect((await new Client(t.app).get(`/api/instructors/${slug}`)).statusCode).toBe(404);
  });

  it('answers 409 slug_taken for another instructor’s slug and 400 for a malformed one', async () => {
    const first = await signedIn(t, 'instructor');
    const taken = `taken-${first.user.id.slice(0, 8)}`;
    await first.client.patch('/api/studio/profile', { slug: taken });
    const second = await signedIn(t, 'instructor');
    const res = await second.client.patch('/api/studio/profile', { slug: taken });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('slug_taken');
    for (const body of [{ slug: 'Not A Slug' }, { slug: 'x' }, { headline: 'h'.repeat(121) }, { extra: 1 }])
      expect((await second.client.patch('/api/studio/profile', body)).statusCode).toBe(400);
    // Keeping one's own slug is not a conflict.
    expect((await first.client.patch('/api/studio/profile', { slug: taken })).statusCode).toBe(200);
  });
});
