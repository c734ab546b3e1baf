import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, studioCourse } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { manualClock } from '../../../platform/clock.ts';

// 20:30 UTC on 1 March: already 2 March in the academy's (default) time zone, Asia/Karachi.
const clock = manualClock(new Date('2026-03-01T20:30:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

const video = (o: Record<string, unknown> = {}) => ({
  day: '2026-03-02',
  title: 'Warm-up drills',
  url: 'https://www.youtube.com/watch?v=abcdefghijk',
  ...o,
});

describe('/api/studio/courses/:id/daily-videos', () => {
  it('answers 401 without a session, 404 to a student and to another instructor', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const made = (await owner.client.post(`/api/studio/courses/${course.id}/daily-videos`, video())).json();
    const student = await signedIn(t, 'student');
    const other = await signedIn(t, 'instructor');
    const base = `/api/studio/courses/${course.id}/daily-videos`;
    const calls: [string, string, unknown?][] = [
      ['GET', base],
      ['POST', base, video()],
      ['PATCH', `${base}/${made.id}`, { title: 'Mine' }],
      ['DELETE', `${base}/${made.id}`],
    ];
    for (const [method, url, body] of calls) {
      expect((await new Client(t.app).request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await student.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      expect((await other.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    // Another course's video is not found through this course.
    const { course: second } = await studioCourse(owner.client);
    expect(
      (await owner.client.patch(`/api/studio/courses/${second.id}/daily-videos/${made.id}`, { title: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await owner.client.get(base)).json().items).toHaveLength(1);
  });

  it('refuses links that are not http(s), bad days and unknown fields with 400', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const base = `/api/studio/courses/${course.id}/daily-videos`;
    for (const body of [
      video({ url: 'javascript:alert(1)' }),
      video({ url: 'data:text/html,<script>alert(1)</script>' }),
      video({ url: 'not a link' }),
      video({ day: '2026-02-30' }),
      video({ day: 'tomorrow' }),
      video({ title: '' }),
      video({ createdBy: 'me' }),
    ]) {
      const res = await owner.client.post(base, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('creates, lists (latest day first, with today in the academy’s time zone), edits and deletes, audited', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const base = `/api/studio/courses/${course.id}/daily-videos`;
    const created = await owner.client.post(base, video({ note: 'Ten minutes, every morning.' }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      day: '2026-03-02',
      title: 'Warm-up drills',
      note: 'Ten minutes, every morning.',
    });
    await owner.client.post(base, video({ day: '2026-03-05', title: 'Later' }));
    await owner.client.post(
      base,
      video({ day: '2026-02-20', title: 'Earlier', url: 'https://vimeo.com/123' }),
    );

    const list = (await owner.client.get(base)).json();
    expect(list.today).toBe('2026-03-02');
    expect(list.timeZone).toBe('Asia/Karachi');
    expect(list.items.map((v: { title: string }) => v.title)).toEqual(['Later', 'Warm-up drills', 'Earlier']);

    const id = created.json().id as string;
    const edited = await owner.client.patch(`${base}/${id}`, {
      title: 'Drills',
      note: null,
      day: '2026-03-03',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Drills', note: null, day: '2026-03-03' });
    expect((await owner.client.patch(`${base}/${id}`, { url: 'ftp://x.example/v' })).statusCode).toBe(400);
    expect((await owner.client.delete(`${base}/${id}`)).statusCode).toBe(204);
    expect((await owner.client.delete(`${base}/${id}`)).statusCode).toBe(404);
    expect((await owner.client.get(base)).json().items).toHaveLength(2);

    const audit = (await owner.client.get(`/api/studio/courses/${course.id}/audit`)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining(['daily_video.created', 'daily_video.updated', 'daily_video.deleted']),
    );
  });
});
