import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { enroll, freeCourse, student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { manualClock } from '../../../platform/clock.ts';

const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A course with one review per rating given, and its instructor signed in. */
async function reviewedCourse(ratings: number[]) {
  const c = await freeCourse(t, { coInstructor: true });
  const reviews: { id: string; rating: number }[] = [];
  for (const rating of ratings) {
    const s = await student(t);
    await enroll(s.client, c.course.slug);
    clock.advance(1_000);
    const res = await s.client.post(`/api/learning/courses/${c.course.slug}/review`, {
      rating,
      body: `${rating} stars`,
    });
    reviews.push(res.json());
  }
  return { ...c, reviews, teacher: await signInAs(t, c.instructor) };
}

const publicList = async (slug: string) =>
  (await new Client(t.app).get(`/api/courses/${slug}/reviews`)).json();

describe('GET /api/studio/courses/:id/reviews', () => {
  it('returns 401 without a session, 404 to a student and to another instructor, 400 for a bad id', async () => {
    const { course } = await reviewedCourse([4]);
    const url = `/api/studio/courses/${course.id}/reviews`;
    expect((await new Client(t.app).get(url)).statusCode).toBe(401);
    expect((await (await student(t)).client.get(url)).statusCode).toBe(404);
    expect((await (await signedIn(t, 'instructor')).client.get(url)).statusCode).toBe(404);
    const { client } = await signedIn(t, 'admin');
    expect((await client.get('/api/studio/courses/nope/reviews')).statusCode).toBe(400);
    expect((await client.get(`/api/studio/courses/${UNKNOWN}/reviews`)).statusCode).toBe(404);
  });
  it('lists every review of the course for its instructors, hidden ones marked', async () => {
    const { course, reviews, teacher, coInstructor } = await reviewedCourse([5, 2]);
    const admin = await signedIn(t, 'admin');
    await admin.client.post(`/api/admin/reviews/${reviews[1]?.id}/hide`, { reason: 'Spam link' });
    if (!coInstructor) throw new Error('no co-instructor');
    for (const client of [teacher, await signInAs(t, coInstructor)]) {
      const res = await client.get(`/api/studio/courses/${course.id}/reviews`);
      expect(res.statusCode).toBe(200);
      expect(res.json().summary).toMatchObject({ average: 5, count: 1 });
      expect(res.json().items).toMatchObject([
        { id: reviews[1]?.id, hidden: { reason: 'Spam link' }, course: { id: course.id, slug: course.slug } },
        { id: reviews[0]?.id, hidden: null },
      ]);
      expect(res.json().items[0]).not.toHaveProperty('authorEmail');
    }
  });
});

describe('PUT and DELETE /api/studio/reviews/:id/reply', () => {
  it('return 401 without a session, 404 to another instructor or for no such review, 400 for an empty reply', async () => {
    const { reviews, teacher } = await reviewedCourse([3]);
    const url = `/api/studio/reviews/${reviews[0]?.id}/reply`;
    expect((await new Client(t.app).request('PUT', url, { body: 'Thanks' })).statusCode).toBe(401);
    const stranger = (await signedIn(t, 'instructor')).client;
    expect((await stranger.request('PUT', url, { body: 'Thanks' })).statusCode).toBe(404);
    expect((await stranger.delete(url)).statusCode).toBe(404);
    expect((await (await student(t)).client.request('PUT', url, { body: 'Thanks' })).statusCode).toBe(404);
    expect(
      (await teacher.request('PUT', `/api/studio/reviews/${UNKNOWN}/reply`, { body: 'Thanks' })).statusCode,
    ).toBe(404);
    expect((await teacher.request('PUT', url, { body: '   ' })).statusCode).toBe(400);
  });
  it('let the course’s instructor answer, edit the answer and take it back, shown on the course page', async () => {
    const { course, instructor, reviews, teacher } = await reviewedCourse([3]);
    const url = `/api/studio/reviews/${reviews[0]?.id}/reply`;
    const res = await teacher.request('PUT', url, { body: 'Thanks! <b>Section 2</b> covers that.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().reply).toEqual({
      html: '<p>Thanks! &lt;b&gt;Section 2&lt;/b&gt; covers that.</p>',
      text: 'Thanks! <b>Section 2</b> covers that.',
      repliedAt: clock.now().toISOString(),
      authorName: instructor.name,
    });
    expect((await publicList(course.slug)).items[0].reply.html).toBe(res.json().reply.html);
    const edited = await teacher.request('PUT', url, { body: 'Updated answer' });
    expect(edited.json().reply.html).toBe('<p>Updated answer</p>');
    const removed = await teacher.delete(url);
    expect([removed.statusCode, removed.json().reply]).toEqual([200, null]);
    expect((await publicList(course.slug)).items[0].reply).toBeNull();
  });
});

describe('GET /api/admin/reviews', () => {
  it('returns 401 without a session, 404 to an instructor, 400 for a bad filter', async () => {
    expect((await new Client(t.app).get('/api/admin/reviews')).statusCode).toBe(401);
    expect((await (await signedIn(t, 'instructor')).client.get('/api/admin/reviews')).statusCode).toBe(404);
    expect((await (await signedIn(t, 'admin')).client.get('/api/admin/reviews?status=gone')).statusCode).toBe(
      400,
    );
  });
  it('lists reviews across courses with the course and the reviewer’s address, searchable and filtered', async () => {
    const { course, reviews } = await reviewedCourse([1, 5]);
    const { client } = await signedIn(t, 'admin');
    const res = await client.get(`/api/admin/reviews?q=${encodeURIComponent(course.title)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().pageInfo.total).toBe(2);
    expect(res.json().items[0]).toMatchObject({
      id: reviews[1]?.id,
      course: { id: course.id, title: course.title },
      authorEmail: expect.stringContaining('@'),
    });
    const ones = await client.get(`/api/admin/reviews?q=${encodeURIComponent(course.title)}&rating=1`);
    expect(ones.json().items.map((r: { id: string }) => r.id)).toEqual([reviews[0]?.id]);
  });
});

describe('POST /api/admin/reviews/:id/hide and /unhide', () => {
  it('return 401 without a session, 404 to a student or for no such review, 400 without a reason', async () => {
    const { reviews } = await reviewedCourse([2]);
    const url = `/api/admin/reviews/${reviews[0]?.id}/hide`;
    expect((await new Client(t.app).post(url, { reason: 'Abusive' })).statusCode).toBe(401);
    expect((await (await student(t)).client.post(url, { reason: 'Abusive' })).statusCode).toBe(404);
    const { client } = await signedIn(t, 'admin');
    expect((await client.post(`/api/admin/reviews/${UNKNOWN}/hide`, { reason: 'Abusive' })).statusCode).toBe(
      404,
    );
    expect((await client.post(url, {})).statusCode).toBe(400);
    expect((await client.post(url, { reason: 'no' })).statusCode).toBe(400);
  });
  it('take a review off the page and out of the average, and put it back, each recorded', async () => {
    const { course, reviews } = await reviewedCourse([5, 1, 4]);
    const { user: admin, client } = await signedIn(t, 'admin');
    const spam = reviews[1]?.id as string;
    expect((await publicList(course.slug)).summary).toMatchObject({ average: 3.33, count: 3 });

    const hidden = await client.post(`/api/admin/reviews/${spam}/hide`, { reason: 'Off-topic advertising' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().hidden).toEqual({ at: clock.now().toISOString(), reason: 'Off-topic advertising' });
    const page = await publicList(course.slug);
    expect(page.items.map((r: { id: string }) => r.id)).not.toContain(spam);
    expect(page.summary).toEqual({ average: 4.5, count: 2, histogram: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } });
    const detail = (await new Client(t.app).get(`/api/courses/${course.slug}`)).json();
    expect([detail.ratingAvg, detail.ratingCount]).toEqual([4.5, 2]);
    const twice = await client.post(`/api/admin/reviews/${spam}/hide`, { reason: 'Again' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'review_hidden']);
    const hiddenOnly = await client.get(
      `/api/admin/reviews?status=hidden&q=${encodeURIComponent(course.title)}`,
    );
    expect(hiddenOnly.json().items.map((r: { id: string }) => r.id)).toEqual([spam]);

    clock.advance(60_000);
    const shown = await client.post(`/api/admin/reviews/${spam}/unhide`, { reason: 'Appeal: not spam' });
    expect([shown.statusCode, shown.json().hidden]).toEqual([200, null]);
    expect((await publicList(course.slug)).summary).toMatchObject({ average: 3.33, count: 3 });
    const again = await client.post(`/api/admin/reviews/${spam}/unhide`, { reason: 'Again' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'review_not_hidden']);

    const { rows } = await t.platform.database.raw.query<{ action: string; actor_id: string }>(
      `select action, actor_id from course_audit where course_id = $1 and action like 'review.%' order by created_at`,
      [course.id],
    );
    expect(rows).toEqual([
      { action: 'review.hidden', actor_id: admin.id },
      { action: 'review.unhidden', actor_id: admin.id },
    ]);
  });
  it('keep a hidden review hidden when its author edits it, and show the author it is hidden', async () => {
    const c = await freeCourse(t);
    const s = await student(t);
    await enroll(s.client, c.course.slug);
    const review = (
      await s.client.post(`/api/learning/courses/${c.course.slug}/review`, { rating: 1 })
    ).json();
    const { client } = await signedIn(t, 'admin');
    await client.post(`/api/admin/reviews/${review.id}/hide`, { reason: 'Abusive language' });
    const edited = await s.client.patch(`/api/learning/courses/${c.course.slug}/review`, { rating: 5 });
    expect(edited.json().hiddenAt).not.toBeNull();
    expect((await publicList(c.course.slug)).summary.count).toBe(0);
  });
});
