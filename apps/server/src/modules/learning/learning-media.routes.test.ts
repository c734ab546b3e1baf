import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/catalog.ts';
import { cookieHeader } from '../../../test/clients.ts';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { enrollments, FILES, pattern, upload } from '../../../test/media.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { manualClock } from '../../platform/clock.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../../seed/factories.ts';

const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

/**
 * A published paid course with: a released PDF lesson with a resource, a preview video lesson, a
 * lesson that drips after 3 days and one released next week (each with a file), uploaded by its
 * instructor through the studio.
 */
async function paidCourse(o: { status?: 'published' | 'draft' } = {}) {
  const db = t.platform.database.db;
  const instructor = await buildUser(db, { role: 'instructor' });
  const course = await buildCourse(db, {
    instructorId: instructor.id,
    status: o.status ?? 'published',
    priceMinor: 500_000,
  });
  const section = await buildSection(db, { courseId: course.id });
  const lesson = (
    type: 'pdf' | 'video',
    extra: Parameters<typeof buildLesson>[1] extends infer P ? Partial<P> : never,
  ) => buildLesson(db, { sectionId: section.id, type, contentHtml: null, ...extra });
  const pdf = await lesson('pdf', { title: 'Reading' });
  const preview = await lesson('video', { title: 'Welcome', isPreview: true });
  const drip = await lesson('pdf', { title: 'Week two', dripDays: 3 });
  const later = await lesson('video', {
    title: 'Next week',
    releaseAt: new Date(clock.now().getTime() + 7 * DAY),
  });
  const owner = await signInAs(t, instructor);
  const put = async (lessonId: string, data: Buffer, name: string, what: 'file' | 'resources' = 'file') => {
    const res = await upload(t, owner, `/api/studio/lessons/${lessonId}/${what}`, data, name);
    if (res.statusCode >= 300) throw new Error(`upload failed: ${res.body}`);
    const media = res.json();
    return (what === 'file' ? media.file.id : media.resources.at(-1).id) as string;
  };
  const video = Buffer.concat([FILES.mp4, pattern(3000)]);
  const files = {
    pdf: await put(pdf.id, FILES.pdf, 'reading.pdf'),
    resource: await put(pdf.id, FILES.csv, 'data.csv', 'resources'),
    preview: await put(preview.id, video, 'welcome.mp4'),
    drip: await put(drip.id, FILES.pdf, 'week2.pdf'),
    dripResource: await put(drip.id, FILES.pdf, 'week2-extra.pdf', 'resources'),
    later: await put(later.id, video, 'next.mp4'),
  };
  return { course, instructor, owner, lessons: { pdf, preview, drip, later }, files, video };
}

const get = (client: Client | null, id: string, headers: Record<string, string> = {}) =>
  client
    ? client.request('GET', `/api/files/media/${id}`, undefined, headers)
    : t.app.inject({ method: 'GET', url: `/api/files/media/${id}`, headers });

/** Upload an MP4 whose name is given as `filename*` (RFC 5987), which a browser could also send. */
function uploadNamed(client: Client, url: string, name: string) {
  const boundary = '----9tangleHostileName';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\n` +
        'Content-Type: video/mp4\r\n\r\n',
    ),
    FILES.mp4,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: cookieHeader(client),
      'x-csrf-token': client.csrf ?? '',
    },
  });
}

async function verifiedStudent() {
  const db = t.platform.database.db;
  const user = await buildUser(db, { role: 'student' });
  return { user, client: await signInAs(t, user) };
}

describe('GET /api/files/media/:id: who may read a lesson file', () => {
  it('serves nothing to visitors or students who did not buy the course, except the free preview', async () => {
    const c = await paidCourse();
    const student = await verifiedStudent();
    for (const who of [null, student.client]) {
      for (const id of [c.files.pdf, c.files.resource, c.files.drip, c.files.later]) {
        const res = await get(who, id);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect((await get(who, c.files.preview)).statusCode).toBe(200);
    }
    expect((await get(null, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get(null, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('serves an enrolled student released lessons, and 403 lesson_locked for unreleased and dripped ones', async () => {
    const c = await paidCourse();
    const student = await verifiedStudent();
    await enrollments(t).grantAccess(t.platform.database.db, student.user.id, c.course.id, 'purchase');
    expect((await get(student.client, c.files.pdf)).statusCode).toBe(200);
    expect((await get(student.client, c.files.resource)).statusCode).toBe(200);
    for (const id of [c.files.drip, c.files.dripResource, c.files.later]) {
      const res = await get(student.client, id);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'lesson_locked',
        details: { availableAt: expect.any(String) },
      });
    }
    clock.advance(3 * DAY + 1000);
    try {
      expect((await get(student.client, c.files.drip)).statusCode).toBe(200);
      expect((await get(student.client, c.files.later)).statusCode).toBe(403);
    } finally {
      clock.advance(-(3 * DAY + 1000));
    }
  });

  it('stops serving once the enrollment is revoked (404) or has expired (403 enrollment_expired)', async () => {
    const c = await paidCourse();
    const db = t.platform.database.db;
    const revoked = await verifiedStudent();
    await enrollments(t).grantAccess(db, revoked.user.id, c.course.id, 'purchase');
    expect((await get(revoked.client, c.files.pdf)).statusCode).toBe(200);
    await enrollments(t).revokeAccess(db, revoked.user.id, c.course.id, 'refund');
    expect((await get(revoked.client, c.files.pdf)).statusCode).toBe(404);

    const expiring = await verifiedStudent();
    await enrollments(t).grantAccess(db, expiring.user.id, c.course.id, 'purchase', {
      expiresAt: new Date(clock.now().getTime() + DAY),
    });
    expect((await get(expiring.client, c.files.pdf)).statusCode).toBe(200);
    clock.advance(DAY);
    try {
      const res = await get(expiring.client, c.files.pdf);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('enrollment_expired');
    } finally {
      clock.advance(-DAY);
    }
  });

  it('does not count the enrollment of an unverified account', async () => {
    const c = await paidCourse();
    const db = t.platform.database.db;
    const user = await buildUser(db, { role: 'student', verified: false });
    await enrollments(t).grantAccess(db, user.id, c.course.id, 'admin');
    expect((await get(await signInAs(t, user), c.files.pdf)).statusCode).toBe(404);
  });

  it('serves every file to the course’s instructors and admins, and nothing to another instructor', async () => {
    const c = await paidCourse({ status: 'draft' });
    const other = await signedIn(t, 'instructor');
    const admin = await signedIn(t, 'admin');
    for (const id of Object.values(c.files)) {
      expect((await get(c.owner, id)).statusCode).toBe(200);
      expect((await get(admin.client, id)).statusCode).toBe(200);
      expect((await get(other.client, id)).statusCode).toBe(404);
    }
    // A draft course has no public preview.
    expect((await get(null, c.files.preview)).statusCode).toBe(404);
  });

  it('never serves a file once it was replaced', async () => {
    const c = await paidCourse();
    await upload(t, c.owner, `/api/studio/lessons/${c.lessons.pdf.id}/file`, FILES.pdf, 'v2.pdf');
    expect((await get(c.owner, c.files.pdf)).statusCode).toBe(404);
  });

  it('shows the intro video to everyone once the course is published, before that to its editors only', async () => {
    const c = await paidCourse({ status: 'draft' });
    const intro = await upload(
      t,
      c.owner,
      `/api/studio/courses/${c.course.id}/intro-video`,
      FILES.webm,
      'hi.webm',
    );
    const id = intro.json().introVideoFile.id as string;
    expect((await get(null, id)).statusCode).toBe(404);
    expect((await get(c.owner, id)).statusCode).toBe(200);
    await t.platform.database.raw.query(`update courses set status = 'published' where id = $1`, [
      c.course.id,
    ]);
    const res = await get(null, id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('video/webm');
  });
});

describe('GET /api/files/media/:id: ranges and headers', () => {
  it('answers byte ranges exactly: a-b, a-, -n, several (the whole file) and past the end (416)', async () => {
    const c = await paidCourse();
    const id = c.files.preview;
    const size = c.video.length;
    const whole = await get(null, id);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-length']).toBe(String(size));
    expect(whole.rawPayload.equals(c.video)).toBe(true);

    const cases: [string, number, number][] = [
      ['bytes=0-9', 0, 9],
      ['bytes=100-199', 100, 199],
      ['bytes=3000-', 3000, size - 1],
      ['bytes=-16', size - 16, size - 1],
      ['bytes=10-999999', 10, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await get(null, id, { range });
      expect(res.statusCode, range).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers['content-length']).toBe(String(end - start + 1));
      expect(res.rawPayload.equals(c.video.subarray(start, end + 1)), range).toBe(true);
    }
    const several = await get(null, id, { range: 'bytes=0-1,5-6' });
    expect(several.statusCode).toBe(200);
    expect(several.rawPayload.length).toBe(size);
    const past = await get(null, id, { range: `bytes=${size}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);
    expect(past.json().error.code).toBe('range_not_satisfiable');
  });

  it('revalidates with the ETag (304), ignores a range for another version, and answers HEAD without a body', async () => {
    const c = await paidCourse();
    const id = c.files.preview;
    const first = await get(null, id);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f-]+-\d+"$/);
    expect((await get(null, id, { 'if-none-match': etag })).statusCode).toBe(304);
    const stale = await get(null, id, { range: 'bytes=0-9', 'if-range': '"something-else"' });
    expect(stale.statusCode).toBe(200);
    const fresh = await get(null, id, { range: 'bytes=0-9', 'if-range': etag });
    expect(fresh.statusCode).toBe(206);
    const head = await t.app.inject({ method: 'HEAD', url: `/api/files/media/${id}` });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(c.video.length));
    expect(head.rawPayload.length).toBe(0);
  });

  it('sends user content inertly: detected type, nosniff, a sandboxing CSP, private caching, a safe file name', async () => {
    const c = await paidCourse();
    // Sent as RFC 5987 `filename*`, so the quote and semicolon reach the server as they are.
    const hostile = 'x"; name=evil.html\u202e4pm.mp4';
    const renamed = await uploadNamed(c.owner, `/api/studio/lessons/${c.lessons.preview.id}/file`, hostile);
    expect(renamed.json().file.fileName).toBe('x_; name=evil.html4pm.mp4');
    const video = await get(null, renamed.json().file.id);
    expect(video.headers['content-type']).toBe('video/mp4');
    expect(video.headers['x-content-type-options']).toBe('nosniff');
    expect(video.headers['content-security-policy']).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'self'",
    );
    expect(video.headers['cache-control']).toBe('private, no-cache');
    expect(video.headers['set-cookie']).toBeUndefined();
    expect(video.headers['content-disposition']).toBe(
      `inline; filename="x_; name=evil.html4pm.mp4"; filename*=UTF-8''x_%3B%20name%3Devil.html4pm.mp4`,
    );

    const resource = await get(c.owner, c.files.resource);
    expect(resource.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(resource.headers['content-disposition']).toMatch(/^attachment; filename="data\.csv"/);
    expect(resource.headers['content-security-policy']).toContain('sandbox');
    expect(resource.body).toBe(FILES.csv.toString());

    const pdf = await get(c.owner, c.files.pdf);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline; /);
    expect(pdf.headers['content-security-policy']).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'self'",
    );
    const download = await c.owner.get(`/api/files/media/${c.files.pdf}?download=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="reading\.pdf"/);
    expect(download.headers['content-security-policy']).toContain('sandbox');
  });

  it('has a request budget of its own, apart from the rest of the API', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_API_MAX: '2' } });
    try {
      const db = limited.platform.database.db;
      const instructor = await buildUser(db, { role: 'instructor' });
      const course = await buildCourse(db, { instructorId: instructor.id, status: 'published' });
      const section = await buildSection(db, { courseId: course.id });
      const lesson = await buildLesson(db, { sectionId: section.id, type: 'video', isPreview: true });
      const owner = await signInAs(limited, instructor);
      const res = await upload(limited, owner, `/api/studio/lessons/${lesson.id}/file`, FILES.mp4, 'v.mp4');
      const url = `/api/files/media/${res.json().file.id}`;
      for (let i = 0; i < 6; i += 1)
        expect(
          (await limited.app.inject({ method: 'GET', url, headers: { range: `bytes=${i}-` } })).statusCode,
        ).toBe(206);
      expect((await limited.app.inject({ method: 'GET', url: '/api/categories' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('GET /api/learning/lessons/:id with files', () => {
  it('gives enrolled students the lesson’s file and resources, and the public outline lists no files', async () => {
    const c = await paidCourse();
    const student = await verifiedStudent();
    await enrollments(t).grantAccess(t.platform.database.db, student.user.id, c.course.id, 'purchase');
    const lesson = (await student.client.get(`/api/learning/lessons/${c.lessons.pdf.id}`)).json();
    expect(lesson.file).toEqual({
      id: c.files.pdf,
      fileName: 'reading.pdf',
      mime: 'application/pdf',
      sizeBytes: FILES.pdf.length,
      url: `/api/files/media/${c.files.pdf}`,
      downloadUrl: `/api/files/media/${c.files.pdf}?download=1`,
    });
    expect(lesson.resources).toEqual([
      {
        id: c.files.resource,
        title: 'data.csv',
        fileName: 'data.csv',
        mime: 'text/csv',
        sizeBytes: FILES.csv.length,
        downloadUrl: `/api/files/media/${c.files.resource}?download=1`,
      },
    ]);
    const preview = (await new Client(t.app).get(`/api/learning/lessons/${c.lessons.preview.id}`)).json();
    expect(preview.file).toMatchObject({ id: c.files.preview, mime: 'video/mp4' });

    const outline = await new Client(t.app).get(`/api/courses/${c.course.slug}`);
    expect(outline.statusCode).toBe(200);
    expect(outline.body).not.toContain('/api/files/media/');
    // A locked lesson is refused as a whole: its files are not listed either.
    expect((await student.client.get(`/api/learning/lessons/${c.lessons.drip.id}`)).statusCode).toBe(403);
  });
});
