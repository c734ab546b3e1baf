import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, studioCourse } from '../../../../test/catalog.ts';
import { Client, createTestApp, registerUser, type TestApp } from '../../../../test/harness.ts';
import { enrollments } from '../../../../test/media.ts';
import { manualClock } from '../../../platform/clock.ts';

const clock = manualClock(new Date('2026-03-01T20:30:00Z'));
let t: TestApp;
beforeAll(async () => {
  // The academy's calendar, not the server's: 20:30 UTC is already 2 March in Karachi.
  t = await createTestApp({ clock, env: { SITE_TIME_ZONE: 'Asia/Karachi' } });
});
afterAll(async () => t?.close());

/** A course with videos yesterday, twice today and tomorrow (Karachi days), and an enrolled student. */
async function courseWithVideos() {
  const owner = await signedIn(t, 'instructor');
  const { course } = await studioCourse(owner.client);
  const base = `/api/studio/courses/${course.id}/daily-videos`;
  for (const [day, title] of [
    ['2026-03-01', 'Yesterday'],
    ['2026-03-02', 'Today, part one'],
    ['2026-03-02', 'Today, part two'],
    ['2026-03-03', 'Tomorrow'],
  ] as const) {
    const res = await owner.client.post(base, {
      day,
      title,
      url: `https://vimeo.com/${day.replace(/-/g, '')}`,
    });
    expect(res.statusCode).toBe(201);
  }
  const student = await registerUser(t, { verify: true });
  await enrollments(t).grantAccess(t.platform.database.db, student.user.id, course.id, 'admin');
  return { course, student };
}

describe('GET /api/learning/courses/:slug/daily-videos', () => {
  it('answers 401 without a session, 403 to an unverified account, 404 when not enrolled', async () => {
    const { course } = await courseWithVideos();
    const url = `/api/learning/courses/${course.slug}/daily-videos`;
    expect((await new Client(t.app).get(url)).statusCode).toBe(401);
    const unverified = await registerUser(t);
    expect((await unverified.client.get(url)).json().error.code).toBe('email_not_verified');
    const stranger = await registerUser(t, { verify: true });
    expect((await stranger.client.get(url)).statusCode).toBe(404);
    expect((await stranger.client.get('/api/learning/courses/no-such-course/daily-videos')).statusCode).toBe(
      404,
    );
    expect(
      (await stranger.client.get(`/api/learning/courses/${'x'.repeat(200)}/daily-videos`)).statusCode,
    ).toBe(400);
  });

  it('shows an enrolled student today’s videos and the earlier ones, never a later one', async () => {
    const { course, student } = await courseWithVideos();
    const res = await student.client.get(`/api/learning/courses/${course.slug}/daily-videos`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      today: '2026-03-02',
      timeZone: 'Asia/Karachi',
      course: { slug: course.slug },
    });
    expect(body.todays.map((v: { title: string }) => v.title).sort()).toEqual([
      'Today, part one',
      'Today, part two',
    ]);
    expect(body.earlier.map((v: { title: string }) => v.title)).toEqual(['Yesterday']);
    expect(res.body).not.toContain('Tomorrow');

    // At midnight in Karachi, tomorrow's video becomes today's.
    clock.set(new Date('2026-03-02T19:00:00Z'));
    try {
      const next = (await student.client.get(`/api/learning/courses/${course.slug}/daily-videos`)).json();
      expect(next.todays.map((v: { title: string }) => v.title)).toEqual(['Tomorrow']);
      expect(next.earlier).toHaveLength(3);
    } finally {
      clock.set(new Date('2026-03-01T20:30:00Z'));
    }
  });

  it('stops with the enrollment: 404 once revoked', async () => {
    const { course, student } = await courseWithVideos();
    await enrollments(t).revokeAccess(t.platform.database.db, student.user.id, course.id, 'refund');
    expect((await student.client.get(`/api/learning/courses/${course.slug}/daily-videos`)).statusCode).toBe(
      404,
    );
  });
});

describe('GET /api/learning/daily-videos/today', () => {
  it('answers 401 without a session', async () => {
    expect((await new Client(t.app).get('/api/learning/daily-videos/today')).statusCode).toBe(401);
  });

  it('lists today’s videos of the student’s active courses only', async () => {
    const { course, student } = await courseWithVideos();
    const { course: other } = await courseWithVideos();
    const res = await student.client.get('/api/learning/daily-videos/today');
    expect(res.statusCode).toBe(200);
    expect(res.json().today).toBe('2026-03-02');
    expect(res.json().items).toEqual([
      {
        courseId: course.id,
        courseSlug: course.slug,
        videos: [
          { id: expect.any(String), title: 'Today, part one' },
          { id: expect.any(String), title: 'Today, part two' },
        ],
      },
    ]);
    expect(res.body).not.toContain(other.id);
    await enrollments(t).revokeAccess(t.platform.database.db, student.user.id, course.id, 'refund');
    expect((await student.client.get('/api/learning/daily-videos/today')).json().items).toEqual([]);
  });
});
