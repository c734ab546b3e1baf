import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, registerUser, type TestApp } from '../../../test/harness.ts';
import { enrollments as enrollmentsTable } from '../../db/schema/index.ts';
import { manualClock } from '../../platform/clock.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../../seed/factories.ts';
import { createCatalogCache } from '../catalog/catalog-cache.ts';
import { createEnrollmentService, type EnrollmentService } from './enrollment.service.ts';
import { TOUCH_AGAIN_AFTER_MS } from './player.service.ts';

const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
let t: TestApp;
/** The service commerce will call when a payment clears, on the test app's database and clock. */
let enrollments: EnrollmentService;
beforeAll(async () => {
  t = await createTestApp({ clock });
  enrollments = createEnrollmentService({
    database: t.platform.database,
    clock,
    courseSummaries: async () => [],
    catalogCache: createCatalogCache(t.platform.cache),
    onEnrollmentChange: async () => undefined,
  });
});
afterAll(async () => t?.close());

/** A published course with two sections: a free preview, a video, a text lesson and one that drips after 3 days. */
async function course(o: { priceMinor?: number; status?: 'published' | 'draft' } = {}) {
  const db = t.platform.database.db;
  const instructor = await buildUser(db, { role: 'instructor' });
  const c = await buildCourse(db, {
    instructorId: instructor.id,
    status: o.status ?? 'published',
    priceMinor: o.priceMinor ?? 0,
  });
  const s1 = await buildSection(db, { courseId: c.id, title: 'Start here' });
  const preview = await buildLesson(db, {
    sectionId: s1.id,
    title: 'Welcome',
    isPreview: true,
    contentHtml: '<p>Preview text</p>',
  });
  const video = await buildLesson(db, {
    sectionId: s1.id,
    title: 'First video',
    type: 'video',
    videoUrl: 'https://www.youtube.com/watch?v=abc',
    durationSeconds: 600,
  });
  const s2 = await buildSection(db, { courseId: c.id, title: 'Going further' });
  const text = await buildLesson(db, {
    sectionId: s2.id,
    title: 'Reading',
    contentHtml: '<p>Secret lesson text</p>',
  });
  const drip = await buildLesson(db, {
    sectionId: s2.id,
    title: 'Week two',
    dripDays: 3,
    contentHtml: '<p>Dripped text</p>',
  });
  return { course: c, lessons: { preview, video, text, drip } };
}

describe('POST /api/courses/:slug/enroll', () => {
  it('returns 401 without a session', async () => {
    const { course: c } = await course();
    expect((await new Client(t.app).post(`/api/courses/${c.slug}/enroll`)).statusCode).toBe(401);
  });
  it('returns 403 email_not_verified to an unverified account', async () => {
    const { course: c } = await course();
    const { client } = await registerUser(t);
    const res = await client.post(`/api/courses/${c.slug}/enroll`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('email_not_verified');
  });
  it('returns 404 for a draft or unknown course', async () => {
    const { course: c } = await course({ status: 'draft' });
    const { client } = await registerUser(t, { verify: true });
    expect((await client.post(`/api/courses/${c.slug}/enroll`)).statusCode).toBe(404);
    expect((await client.post('/api/courses/no-such-course/enroll')).statusCode).toBe(404);
  });
  it('returns 409 payment_required for a paid course', async () => {
    const { course: c } = await course({ priceMinor: 250_000 });
    const { client } = await registerUser(t, { verify: true });
    const res = await client.post(`/api/courses/${c.slug}/enroll`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('payment_required');
  });
  it('enrolls in a free course once: 201, then 200 with the same enrollment, counted once', async () => {
    const { course: c } = await course();
    const { client } = await registerUser(t, { verify: true });
    const first = await client.post(`/api/courses/${c.slug}/enroll`);
    expect(first.statusCode).toBe(201);
    expect(first.json().enrollment).toMatchObject({
      courseId: c.id,
      source: 'free',
      status: 'active',
      progressPercent: 0,
    });
    const again = await client.post(`/api/courses/${c.slug}/enroll`);
    expect(again.statusCode).toBe(200);
    const { rows } = await t.platform.database.raw.query<{ n: number }>(
      'select enrollment_count as n from courses where id = $1',
      [c.id],
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe('the lesson player', () => {
  it('writes where to continue at once for a new lesson, and the same lesson again only after 30 s', async () => {
    const { course: c, lessons } = await course();
    const { client, user } = await registerUser(t, { verify: true });
    await client.post(`/api/courses/${c.slug}/enroll`);
    const stored = async () => {
      const [e] = await t.platform.database.db
        .select()
        .from(enrollmentsTable)
        .where(and(eq(enrollmentsTable.userId, user.id), eq(enrollmentsTable.courseId, c.id)));
      return { lesson: e?.lastLessonId, at: e?.lastAccessedAt?.getTime() };
    };
    const open = async (id: string) =>
      expect((await client.get(`/api/learning/lessons/${id}`)).statusCode).toBe(200);
    const t0 = clock.now().getTime();
    await open(lessons.video.id);
    expect(await stored()).toEqual({ lesson: lessons.video.id, at: t0 });
    clock.advance(TOUCH_AGAIN_AFTER_MS - 1_000);
    await open(lessons.video.id);
    expect(await stored()).toEqual({ lesson: lessons.video.id, at: t0 });
    await open(lessons.text.id);
    expect(await stored()).toEqual({ lesson: lessons.text.id, at: clock.now().getTime() });
    const t1 = clock.now().getTime();
    clock.advance(TOUCH_AGAIN_AFTER_MS);
    await open(lessons.text.id);
    expect(await stored()).toEqual({ lesson: lessons.text.id, at: t1 + TOUCH_AGAIN_AFTER_MS });
    const mine = (await client.get('/api/learning/courses')).json().items[0];
    expect(mine.continueLessonId).toBe(lessons.text.id);
  });

  it('answers 404 for the course of a student who is not enrolled, and never sends locked or unbought content', async () => {
    const { course: c, lessons } = await course();
    const { client } = await registerUser(t, { verify: true });
    expect((await client.get(`/api/learning/courses/${c.slug}`)).statusCode).toBe(404);
    expect((await client.get(`/api/learning/lessons/${lessons.text.id}`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/api/learning/lessons/${lessons.video.id}`)).statusCode).toBe(404);
    // A free preview is open to anyone.
    const preview = await new Client(t.app).get(`/api/learning/lessons/${lessons.preview.id}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().contentHtml).toContain('Preview text');
  });

  it('shows the outline with locked lessons (title and opening date, no content) and records a course view', async () => {
    const { course: c, lessons } = await course();
    const { client } = await registerUser(t, { verify: true });
    await client.post(`/api/courses/${c.slug}/enroll`);
    const res = await client.get(`/api/learning/courses/${c.slug}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sections.map((s: { title: string }) => s.title)).toEqual(['Start here', 'Going further']);
    const drip = body.sections[1].lessons[1];
    expect(drip).toMatchObject({ id: lessons.drip.id, title: 'Week two', locked: true });
    expect(new Date(drip.availableAt).getTime()).toBe(clock.now().getTime() + 3 * 86_400_000);
    expect(res.body).not.toContain('Dripped text');
    expect(body.continueLessonId).toBe(lessons.preview.id);

    const locked = await client.get(`/api/learning/lessons/${lessons.drip.id}`);
    expect(locked.statusCode).toBe(403);
    expect(locked.json().error).toMatchObject({
      code: 'lesson_locked',
      details: { availableAt: drip.availableAt },
    });
    expect(locked.body).not.toContain('Dripped text');

    const { rows } = await t.platform.database.raw.query<{ n: number }>(
      `select count(*)::int as n from course_events where course_id = $1 and type = 'course_viewed'`,
      [c.id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('opens a dripped lesson once its day comes', async () => {
    const { course: c, lessons } = await course();
    const { client } = await registerUser(t, { verify: true });
    await client.post(`/api/courses/${c.slug}/enroll`);
    clock.advance(3 * 86_400_000 + 1000);
    const res = await client.get(`/api/learning/lessons/${lessons.drip.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().contentHtml).toContain('Dripped text');
  });

  it('resumes a video where it stopped, completes it at 90 %, and completes the course with every required lesson', async () => {
    const { course: c, lessons } = await course();
    const { client } = await registerUser(t, { verify: true });
    await client.post(`/api/courses/${c.slug}/enroll`);

    const half = await client.request('PUT', `/api/learning/lessons/${lessons.video.id}/progress`, {
      positionSeconds: 300,
      watchedPercent: 50,
    });
    expect(half.json()).toMatchObject({ lessonCompleted: false, courseCompleted: false, progressPercent: 0 });
    const lesson = await client.get(`/api/learning/lessons/${lessons.video.id}`);
    expect(lesson.json()).toMatchObject({
      progress: { positionSeconds: 300, watchedPercent: 50, completed: false },
      prevLessonId: lessons.preview.id,
      nextLessonId: lessons.text.id,
    });

    const ninety = await client.request('PUT', `/api/learning/lessons/${lessons.video.id}/progress`, {
      positionSeconds: 540,
      watchedPercent: 90,
    });
    expect(ninety.json()).toMatchObject({ lessonCompleted: true, completedLessons: 1, progressPercent: 25 });

    // Going back in the video keeps it complete and keeps the furthest point watched.
    await client.request('PUT', `/api/learning/lessons/${lessons.video.id}/progress`, {
      positionSeconds: 10,
      watchedPercent: 5,
    });
    expect((await client.get(`/api/learning/lessons/${lessons.video.id}`)).json().progress).toMatchObject({
      completed: true,
      positionSeconds: 10,
      watchedPercent: 90,
    });

    await client.post(`/api/learning/lessons/${lessons.preview.id}/complete`);
    await client.post(`/api/learning/lessons/${lessons.text.id}/complete`);
    clock.advance(4 * 86_400_000);
    const last = await client.post(`/api/learning/lessons/${lessons.drip.id}/complete`);
    expect(last.json()).toMatchObject({
      lessonCompleted: true,
      courseCompleted: true,
      progressPercent: 100,
      completedLessons: 4,
    });

    const undone = await client.delete(`/api/learning/lessons/${lessons.text.id}/complete`);
    expect(undone.json()).toMatchObject({ lessonCompleted: false, progressPercent: 75 });
    const mine = await client.get('/api/learning/courses');
    const item = mine.json().items.find((i: { course: { id: string } }) => i.course.id === c.id);
    // Completion is kept once reached (a certificate never disappears because a box was unticked).
    expect(item.enrollment.completedAt).not.toBeNull();
    expect(item.continueLessonId).toBe(lessons.drip.id);
  });

  it('refuses progress on a locked lesson and bad bodies', async () => {
    const { course: c, lessons } = await course();
    const { client } = await registerUser(t, { verify: true });
    await client.post(`/api/courses/${c.slug}/enroll`);
    expect((await client.post(`/api/learning/lessons/${lessons.drip.id}/complete`)).statusCode).toBe(403);
    const bad = await client.request('PUT', `/api/learning/lessons/${lessons.video.id}/progress`, {
      positionSeconds: -1,
      watchedPercent: 101,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await client.post('/api/learning/lessons/not-a-uuid/complete')).statusCode).toBe(400);
  });
});

describe('PUT /api/learning/lessons/:id/progress: who may record progress', () => {
  const put = (client: Client, lessonId: string) =>
    client.request('PUT', `/api/learning/lessons/${lessonId}/progress`, {
      positionSeconds: 5,
      watchedPercent: 10,
    });

  it('records on a dripped lesson once its days have passed, with the time it opens until then', async () => {
    const { course: c, lessons } = await course();
    const { client } = await registerUser(t, { verify: true });
    await client.post(`/api/courses/${c.slug}/enroll`);
    const locked = await put(client, lessons.drip.id);
    expect(locked.statusCode).toBe(403);
    expect(locked.json().error.code).toBe('lesson_locked');
    const opens = new Date(locked.json().error.details.availableAt).getTime();
    expect(opens).toBeGreaterThan(clock.now().getTime());
    clock.advance(opens - clock.now().getTime());
    const open = await put(client, lessons.drip.id);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ lessonCompleted: false, completedLessons: 0 });
    const mine = (await client.get('/api/learning/courses')).json().items[0];
    expect(mine.continueLessonId).toBe(lessons.drip.id);
  });

  it('answers 404 without an enrollment or after a revoke, 403 once expired, 404 for no lesson', async () => {
    const { course: c, lessons } = await course({ priceMinor: 100_000 });
    const { client, user } = await registerUser(t, { verify: true });
    expect((await put(client, lessons.video.id)).statusCode).toBe(404);
    expect((await put(client, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const db = t.platform.database.db;
    await db.transaction((tx) =>
      enrollments.grantAccess(tx, user.id, c.id, 'admin', {
        expiresAt: new Date(clock.now().getTime() + 60_000),
      }),
    );
    expect((await put(client, lessons.video.id)).statusCode).toBe(200);
    clock.advance(61_000);
    const expired = await put(client, lessons.video.id);
    expect([expired.statusCode, expired.json().error.code]).toEqual([403, 'enrollment_expired']);
    await db.transaction((tx) => enrollments.grantAccess(tx, user.id, c.id, 'admin'));
    expect((await put(client, lessons.video.id)).statusCode).toBe(200);
    await db.transaction((tx) => enrollments.revokeAccess(tx, user.id, c.id, 'refund'));
    expect((await put(client, lessons.video.id)).statusCode).toBe(404);
  });
});

describe('grantAccess and revokeAccess', () => {
  it('are idempotent, count once, and a revoke takes effect on the next request', async () => {
    const { course: c, lessons } = await course({ priceMinor: 100_000 });
    const { client, user } = await registerUser(t, { verify: true });
    const db = t.platform.database.db;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.transaction((tx) =>
          enrollments.grantAccess(tx, user.id, c.id, 'purchase', { sourceRef: 'ORD-1' }),
        ),
      ),
    );
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    const count = async () =>
      (
        await t.platform.database.raw.query<{ n: number }>(
          'select enrollment_count as n from courses where id = $1',
          [c.id],
        )
      ).rows[0]?.n;
    expect(await count()).toBe(1);
    expect((await client.get(`/api/learning/lessons/${lessons.text.id}`)).statusCode).toBe(200);

    expect(await db.transaction((tx) => enrollments.revokeAccess(tx, user.id, c.id, 'refund'))).toBe(true);
    expect(await db.transaction((tx) => enrollments.revokeAccess(tx, user.id, c.id, 'refund'))).toBe(false);
    expect(await count()).toBe(0);
    expect((await client.get(`/api/learning/lessons/${lessons.text.id}`)).statusCode).toBe(404);
    expect(
      (await client.get('/api/learning/courses'))
        .json()
        .items.some((i: { course: { id: string } }) => i.course.id === c.id),
    ).toBe(false);
  });

  it('an expired enrollment answers 403 enrollment_expired', async () => {
    const { course: c, lessons } = await course({ priceMinor: 100_000 });
    const { client, user } = await registerUser(t, { verify: true });
    await t.platform.database.db.transaction((tx) =>
      enrollments.grantAccess(tx, user.id, c.id, 'admin', {
        expiresAt: new Date(clock.now().getTime() + 60_000),
      }),
    );
    expect((await client.get(`/api/learning/lessons/${lessons.text.id}`)).statusCode).toBe(200);
    clock.advance(61_000);
    const res = await client.get(`/api/learning/lessons/${lessons.text.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('enrollment_expired');
  });
});

describe('GET /api/learning/courses', () => {
  it('returns 401 without a session and lists my courses with progress', async () => {
    expect((await new Client(t.app).get('/api/learning/courses')).statusCode).toBe(401);
    const { course: c } = await course();
    const { client } = await registerUser(t, { verify: true });
    expect((await client.get('/api/learning/courses')).json().items).toEqual([]);
    await client.post(`/api/courses/${c.slug}/enroll`);
    const res = await client.get('/api/learning/courses');
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({
      course: { id: c.id, slug: c.slug },
      enrollment: { source: 'free' },
    });
  });
});
