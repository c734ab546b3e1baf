import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { enrollments, FILES, upload } from '../../../../test/media.ts';
import { getFile, paidCourse, verifiedStudent } from '../../../../test/media-course.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { manualClock } from '../../../platform/clock.ts';
import { buildUser } from '../../../seed/factories.ts';

const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

describe('GET /api/files/media/:id: who may read a lesson file', () => {
  it('serves nothing to visitors or students who did not buy the course, except the free preview', async () => {
    const c = await paidCourse(t, clock);
    const student = await verifiedStudent(t);
    for (const who of [null, student.client]) {
      for (const id of [c.files.pdf, c.files.resource, c.files.drip, c.files.later]) {
        const res = await getFile(t, who, id);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect((await getFile(t, who, c.files.preview)).statusCode).toBe(200);
    }
    expect((await getFile(t, null, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await getFile(t, null, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('serves an enrolled student released lessons, and 403 lesson_locked for unreleased and dripped ones', async () => {
    const c = await paidCourse(t, clock);
    const student = await verifiedStudent(t);
    await enrollments(t).grantAccess(t.platform.database.db, student.user.id, c.course.id, 'purchase');
    expect((await getFile(t, student.client, c.files.pdf)).statusCode).toBe(200);
    expect((await getFile(t, student.client, c.files.resource)).statusCode).toBe(200);
    for (const id of [c.files.drip, c.files.dripResource, c.files.later]) {
      const res = await getFile(t, student.client, id);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'lesson_locked',
        details: { availableAt: expect.any(String) },
      });
    }
    clock.advance(3 * DAY + 1000);
    try {
      expect((await getFile(t, student.client, c.files.drip)).statusCode).toBe(200);
      expect((await getFile(t, student.client, c.files.later)).statusCode).toBe(403);
    } finally {
      clock.advance(-(3 * DAY + 1000));
    }
  });

  it('stops serving once the enrollment is revoked (404) or has expired (403 enrollment_expired)', async () => {
    const c = await paidCourse(t, clock);
    const db = t.platform.database.db;
    const revoked = await verifiedStudent(t);
    await enrollments(t).grantAccess(db, revoked.user.id, c.course.id, 'purchase');
    expect((await getFile(t, revoked.client, c.files.pdf)).statusCode).toBe(200);
    await enrollments(t).revokeAccess(db, revoked.user.id, c.course.id, 'refund');
    expect((await getFile(t, revoked.client, c.files.pdf)).statusCode).toBe(404);

    const expiring = await verifiedStudent(t);
    await enrollments(t).grantAccess(db, expiring.user.id, c.course.id, 'purchase', {
      expiresAt: new Date(clock.now().getTime() + DAY),
    });
    expect((await getFile(t, expiring.client, c.files.pdf)).statusCode).toBe(200);
    clock.advance(DAY);
    try {
      const res = await getFile(t, expiring.client, c.files.pdf);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('enrollment_expired');
    } finally {
      clock.advance(-DAY);
    }
  });

  it('does not count the enrollment of an unverified account', async () => {
    const c = await paidCourse(t, clock);
    const db = t.platform.database.db;
    const user = await buildUser(db, { role: 'student', verified: false });
    await enrollments(t).grantAccess(db, user.id, c.course.id, 'admin');
    expect((await getFile(t, await signInAs(t, user), c.files.pdf)).statusCode).toBe(404);
  });

  it('serves every file to the course’s instructors and admins, and nothing to another instructor', async () => {
    const c = await paidCourse(t, clock, { status: 'draft' });
    const other = await signedIn(t, 'instructor');
    const admin = await signedIn(t, 'admin');
    for (const id of Object.values(c.files)) {
      expect((await getFile(t, c.owner, id)).statusCode).toBe(200);
      expect((await getFile(t, admin.client, id)).statusCode).toBe(200);
      expect((await getFile(t, other.client, id)).statusCode).toBe(404);
    }
    // A draft course has no public preview.
    expect((await getFile(t, null, c.files.preview)).statusCode).toBe(404);
  });

  it('never serves a file once it was replaced', async () => {
    const c = await paidCourse(t, clock);
    await upload(t, c.owner, `/api/studio/lessons/${c.lessons.pdf.id}/file`, FILES.pdf, 'v2.pdf');
    expect((await getFile(t, c.owner, c.files.pdf)).statusCode).toBe(404);
  });

  it('shows the intro video to everyone once the course is published, before that to its editors only', async () => {
    const c = await paidCourse(t, clock, { status: 'draft' });
    const intro = await upload(
      t,
      c.owner,
      `/api/studio/courses/${c.course.id}/intro-video`,
      FILES.webm,
      'hi.webm',
    );
    const id = intro.json().introVideoFile.id as string;
    expect((await getFile(t, null, id)).statusCode).toBe(404);
    expect((await getFile(t, c.owner, id)).statusCode).toBe(200);
    await t.platform.database.raw.query(`update courses set status = 'published' where id = $1`, [
      c.course.id,
    ]);
    const res = await getFile(t, null, id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('video/webm');
  });
});

describe('GET /api/learning/lessons/:id with files', () => {
  it('gives enrolled students the lesson’s file and resources, and the public outline lists no files', async () => {
    const c = await paidCourse(t, clock);
    const student = await verifiedStudent(t);
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
