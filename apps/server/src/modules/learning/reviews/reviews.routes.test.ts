import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueWord } from '../../../../test/catalog.ts';
import { enroll, freeCourse, student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, registerUser, type TestApp } from '../../../../test/harness.ts';
import { manualClock } from '../../../platform/clock.ts';

const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

const reviewPath = (slug: string) => `/api/learning/courses/${slug}/review`;

/** An enrolled student's client, with the review they posted when `rating` is given. */
async function reviewer(slug: string, rating?: number, body = `Review ${uniqueWord()}`) {
  const s = await student(t);
  await enroll(s.client, slug);
  if (rating !== undefined) {
    clock.advance(1_000); // newest first needs distinct times
    const res = await s.client.post(reviewPath(slug), { rating, body });
    if (res.statusCode !== 201) throw new Error(`review failed: ${res.statusCode} ${res.body}`);
  }
  return s;
}

/** The figures kept on the course row, and what the catalog answers for the course page. */
async function figures(id: string, slug: string) {
  const { rows } = await t.platform.database.raw.query<{ avg: string | null; n: number }>(
    'select rating_avg as avg, rating_count as n from courses where id = $1',
    [id],
  );
  const detail = (await new Client(t.app).get(`/api/courses/${slug}`)).json();
  const row = rows[0];
  return {
    stored: { avg: row?.avg === null || row?.avg === undefined ? null : Number(row.avg), n: row?.n },
    catalog: { avg: detail.ratingAvg, n: detail.ratingCount },
  };
}

describe('POST /api/learning/courses/:slug/review', () => {
  it('returns 401 without a session, 403 to an unverified account', async () => {
    const { course } = await freeCourse(t);
    expect((await new Client(t.app).post(reviewPath(course.slug), { rating: 5 })).statusCode).toBe(401);
    const { client } = await registerUser(t);
    const res = await client.post(reviewPath(course.slug), { rating: 5 });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'email_not_verified']);
  });
  it('refuses a student who is not enrolled (403 enrollment_required), and an unknown course (404)', async () => {
    const { course } = await freeCourse(t);
    const { client } = await student(t);
    const res = await client.post(reviewPath(course.slug), { rating: 5, body: 'Great' });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'enrollment_required']);
    expect((await client.post(reviewPath('no-such-course'), { rating: 5 })).statusCode).toBe(404);
  });
  it('refuses a student whose access was revoked (a refund)', async () => {
    const { course } = await freeCourse(t);
    const s = await reviewer(course.slug);
    await t.platform.database.raw.query(`update enrollments set status = 'revoked' where user_id = $1`, [
      s.user.id,
    ]);
    expect((await s.client.post(reviewPath(course.slug), { rating: 4 })).statusCode).toBe(403);
  });
  it('returns 400 for stars outside 1–5, text over 2000 characters or unknown fields', async () => {
    const { course } = await freeCourse(t);
    const { client } = await reviewer(course.slug);
    for (const body of [
      {},
      { rating: 0 },
      { rating: 6 },
      { rating: 4.5 },
      { rating: '5' },
      { rating: 5, body: 'x'.repeat(2001) },
      { rating: 5, hidden: false },
    ]) {
      const res = await client.post(reviewPath(course.slug), body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([
        400,
        'validation_failed',
      ]);
    }
  });
  it('posts one review per course (201, then 409) and keeps the course’s figures exact', async () => {
    const { course } = await freeCourse(t);
    const { user, client } = await reviewer(course.slug);
    const res = await client.post(reviewPath(course.slug), {
      rating: 4,
      body: 'Clear and practical.\nRecommended.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      rating: 4,
      body: 'Clear and practical.\nRecommended.',
      bodyHtml: '<p>Clear and practical.<br />Recommended.</p>',
      author: { name: user.name, avatarUrl: null },
      reply: null,
      hiddenAt: null,
    });
    const again = await client.post(reviewPath(course.slug), { rating: 1 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'review_exists']);
    expect(await figures(course.id, course.slug)).toEqual({
      stored: { avg: 4, n: 1 },
      catalog: { avg: 4, n: 1 },
    });
  });
  it('stores hostile text as inert, escaped text', async () => {
    const { course } = await freeCourse(t);
    const { client } = await reviewer(course.slug);
    const hostile =
      '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>';
    const res = await client.post(reviewPath(course.slug), { rating: 1, body: hostile });
    const html: string = res.json().bodyHtml;
    expect(html).not.toMatch(/<(script|img|a)\b/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.json().body).toBe(hostile);
    const list = await new Client(t.app).get(`/api/courses/${course.slug}/reviews`);
    expect(list.json().items[0].bodyHtml).toBe(html);
  });
  it('counts reviews written at the same moment exactly', async () => {
    const { course } = await freeCourse(t);
    const students = await Promise.all([1, 2, 3, 4, 5, 5].map(() => reviewer(course.slug)));
    const ratings = [1, 2, 3, 4, 5, 5];
    const results = await Promise.all(
      students.map((s, i) => s.client.post(reviewPath(course.slug), { rating: ratings[i] })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await figures(course.id, course.slug)).toEqual({
      stored: { avg: 3.33, n: 6 },
      catalog: { avg: 3.33, n: 6 },
    });
  });
});

describe('GET /api/learning/courses/:slug/review', () => {
  it('returns 401 without a session and 404 for an unknown course', async () => {
    expect((await new Client(t.app).get(reviewPath('anything'))).statusCode).toBe(401);
    const { client } = await student(t);
    expect((await client.get(reviewPath('no-such-course'))).statusCode).toBe(404);
    expect((await client.get(reviewPath('x'.repeat(121)))).statusCode).toBe(400);
  });
  it('tells a visitor who is not enrolled they cannot review, and a student their review', async () => {
    const { course } = await freeCourse(t);
    const outsider = await student(t);
    expect((await outsider.client.get(reviewPath(course.slug))).json()).toEqual({
      review: null,
      canReview: false,
    });
    const s = await reviewer(course.slug);
    expect((await s.client.get(reviewPath(course.slug))).json()).toEqual({ review: null, canReview: true });
    await s.client.post(reviewPath(course.slug), { rating: 5, body: 'Loved it' });
    expect((await s.client.get(reviewPath(course.slug))).json()).toMatchObject({
      review: { rating: 5, body: 'Loved it' },
      canReview: true,
    });
  });
});

describe('PATCH and DELETE /api/learning/courses/:slug/review', () => {
  it('return 401 without a session and 404 when there is no review', async () => {
    const { course } = await freeCourse(t);
    const anon = new Client(t.app);
    expect((await anon.patch(reviewPath(course.slug), { rating: 3 })).statusCode).toBe(401);
    expect((await anon.delete(reviewPath(course.slug))).statusCode).toBe(401);
    const { client } = await reviewer(course.slug);
    expect((await client.patch(reviewPath(course.slug), { rating: 3 })).statusCode).toBe(404);
    expect((await client.delete(reviewPath(course.slug))).statusCode).toBe(404);
    expect((await client.patch(reviewPath(course.slug), { rating: 9 })).statusCode).toBe(400);
  });
  it('edit one’s own review and delete it, the average following every step', async () => {
    const { course } = await freeCourse(t);
    await reviewer(course.slug, 5);
    const me = await reviewer(course.slug, 2, 'Too fast');
    expect((await figures(course.id, course.slug)).stored).toEqual({ avg: 3.5, n: 2 });

    clock.advance(60_000);
    const edited = await me.client.patch(reviewPath(course.slug), { rating: 4 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      rating: 4,
      body: 'Too fast',
      updatedAt: clock.now().toISOString(),
    });
    expect(await figures(course.id, course.slug)).toEqual({
      stored: { avg: 4.5, n: 2 },
      catalog: { avg: 4.5, n: 2 },
    });
    const text = await me.client.patch(reviewPath(course.slug), { body: 'Fast, but worth it' });
    expect(text.json()).toMatchObject({ rating: 4, body: 'Fast, but worth it' });

    expect((await me.client.delete(reviewPath(course.slug))).statusCode).toBe(204);
    expect(await figures(course.id, course.slug)).toEqual({
      stored: { avg: 5, n: 1 },
      catalog: { avg: 5, n: 1 },
    });
    expect((await me.client.get(reviewPath(course.slug))).json().review).toBeNull();
  });
});

describe('GET /api/courses/:slug/reviews', () => {
  it('answers 404 for an unknown or unpublished course and 400 for a bad filter', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/courses/no-such-course/reviews')).statusCode).toBe(404);
    const { course } = await freeCourse(t);
    await t.platform.database.raw.query(`update courses set status = 'draft' where id = $1`, [course.id]);
    expect((await anon.get(`/api/courses/${course.slug}/reviews`)).statusCode).toBe(404);
    expect((await anon.get('/api/courses/x/reviews?rating=6')).statusCode).toBe(400);
    expect((await anon.get('/api/courses/x/reviews?limit=500')).statusCode).toBe(400);
  });
  it('lists visible reviews newest first, paged and by stars, with the summary and no addresses', async () => {
    const { course } = await freeCourse(t);
    const a = await reviewer(course.slug, 5, 'First');
    await reviewer(course.slug, 3, 'Second');
    await reviewer(course.slug, 5, 'Third');
    const anon = new Client(t.app);
    const page1 = (await anon.get(`/api/courses/${course.slug}/reviews?limit=2`)).json();
    expect(page1.summary).toEqual({ average: 4.33, count: 3, histogram: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 2 } });
    expect(page1.items.map((r: { bodyHtml: string }) => r.bodyHtml)).toEqual([
      '<p>Third</p>',
      '<p>Second</p>',
    ]);
    expect(page1.pageInfo).toEqual({ page: 1, limit: 2, total: 3, pages: 2 });
    const page2 = (await anon.get(`/api/courses/${course.slug}/reviews?limit=2&page=2`)).json();
    expect(page2.items).toMatchObject([{ bodyHtml: '<p>First</p>', author: { name: a.user.name } }]);
    expect(JSON.stringify(page2)).not.toContain(a.user.email);
    const fives = (await anon.get(`/api/courses/${course.slug}/reviews?rating=5`)).json();
    expect(fives.items).toHaveLength(2);
    expect(fives.pageInfo.total).toBe(2);
    expect(fives.summary.count).toBe(3);
  });
});

describe('ratings in the catalog', () => {
  it('filters and sorts by the averages that reviews keep', async () => {
    const word = uniqueWord();
    const good = await freeCourse(t, { title: `Good ${word}` });
    const poor = await freeCourse(t, { title: `Poor ${word}` });
    const unrated = await freeCourse(t, { title: `Unrated ${word}` });
    await reviewer(good.course.slug, 4);
    await reviewer(poor.course.slug, 2);
    const anon = new Client(t.app);
    const titles = async (qs: string) =>
      (await anon.get(`/api/courses?q=${word}&${qs}`)).json().items.map((c: { title: string }) => c.title);
    expect(await titles('minRating=4')).toEqual([`Good ${word}`]);
    expect(await titles('sort=rating')).toEqual([`Good ${word}`, `Poor ${word}`, `Unrated ${word}`]);
    // A new review moves the course at once: the cached catalog pages were invalidated.
    await reviewer(poor.course.slug, 5);
    await reviewer(poor.course.slug, 5);
    await reviewer(poor.course.slug, 5);
    expect(await titles('minRating=4&sort=newest')).toEqual([`Poor ${word}`, `Good ${word}`]);
    expect(await titles('sort=rating')).toEqual([`Poor ${word}`, `Good ${word}`, `Unrated ${word}`]);
    expect(await titles('minRating=1&sort=rating')).not.toContain(`Unrated ${word}`);
    expect(unrated.course.ratingCount).toBe(0);
  });
});
