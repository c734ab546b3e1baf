import { CERTIFICATE_CODE_PATTERN } from '@9tangle/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { completeCourse, enroll, freeCourse, student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, lastMailTo, type TestApp } from '../../../../test/harness.ts';
import { readPdf } from '../../../../test/pdf.ts';
import { manualClock } from '../../../platform/clock.ts';

const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

const sql = <R>(text: string, values: unknown[] = []) =>
  t.platform.database.raw.query<R & Record<string, unknown>>(text, values).then((r) => r.rows);
const certificatesOf = (userId: string) =>
  sql<{ code: string; course_title: string }>('select * from certificates where user_id = $1', [userId]);
const certificateMails = async (to: string) =>
  (
    await sql<{ n: number }>(
      `select count(*)::int as n from mail_messages where "to" = $1 and template = 'certificateIssued'`,
      [to],
    )
  )[0]?.n;

/** A student who completed a fresh course, with their one certificate. */
async function certified(o: { name?: string } = {}) {
  const c = await freeCourse(t, { coInstructor: true });
  const s = await student(t, o);
  await completeCourse(s.client, c);
  const list = await s.client.get('/api/learning/certificates');
  const certificate = list.json().items[0] as { id: string; code: string; pdfUrl: string };
  return { ...c, ...s, certificate };
}

describe('issuing certificates', () => {
  it('issues one certificate on completion, with a readable code, the names of the day and a mail', async () => {
    const c = await freeCourse(t, { coInstructor: true });
    const s = await student(t, { name: 'Lucía Fernández' });
    await enroll(s.client, c.course.slug);
    await s.client.post(`/api/learning/lessons/${c.lessons[0]?.id}/complete`);
    expect(await certificatesOf(s.user.id)).toEqual([]);
    await s.client.post(`/api/learning/lessons/${c.lessons[1]?.id}/complete`);

    const res = await s.client.get('/api/learning/certificates');
    expect(res.statusCode).toBe(200);
    const [cert] = res.json().items;
    expect(cert.code).toMatch(CERTIFICATE_CODE_PATTERN);
    expect(cert).toMatchObject({
      status: 'valid',
      studentName: 'Lucía Fernández',
      courseTitle: c.course.title,
      courseSlug: c.course.slug,
      instructorNames: [c.instructor.name, c.coInstructor?.name],
      completedAt: clock.now().toISOString(),
      verifyPath: `/certificates/${cert.code}`,
      pdfUrl: `/api/learning/certificates/${cert.code}/pdf`,
      revokedAt: null,
    });
    const mail = await lastMailTo(t, s.user.email);
    expect(mail.subject).toBe(`Your certificate for ${c.course.title}`);
    expect(mail.text).toContain(`http://localhost:3000/certificates/${cert.code}`);
  });

  it('issues it exactly once, however often and however concurrently the course completes', async () => {
    const c = await freeCourse(t);
    const s = await student(t);
    await enroll(s.client, c.course.slug);
    await s.client.post(`/api/learning/lessons/${c.lessons[0]?.id}/complete`);
    // The last lesson completed from several tabs at once: every recount finds the course complete.
    const results = await Promise.all(
      Array.from({ length: 6 }, () => s.client.post(`/api/learning/lessons/${c.lessons[1]?.id}/complete`)),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    // Undone and done again: still the one certificate.
    await s.client.delete(`/api/learning/lessons/${c.lessons[1]?.id}/complete`);
    await s.client.post(`/api/learning/lessons/${c.lessons[1]?.id}/complete`);
    expect(await certificatesOf(s.user.id)).toHaveLength(1);
    expect(await certificateMails(s.user.email)).toBe(1);
  });

  it('keeps what it certified when the course or the student is renamed later', async () => {
    const { user, client, course, certificate } = await certified();
    await sql('update courses set title = $1 where id = $2', ['Renamed course', course.id]);
    await sql('update users set name = $1 where id = $2', ['Renamed student', user.id]);
    const res = await client.get(`/api/certificates/${certificate.code}`);
    expect(res.json()).toMatchObject({ courseTitle: course.title, studentName: user.name });
  });

  it('issues the certificate of a course completed before certificates existed when the list is read', async () => {
    const c = await freeCourse(t);
    const s = await student(t);
    await enroll(s.client, c.course.slug);
    await sql('update enrollments set completed_at = $1, progress_percent = 100 where user_id = $2', [
      new Date('2025-01-02T03:04:05Z'),
      s.user.id,
    ]);
    const res = await s.client.get('/api/learning/certificates');
    expect(res.json().items).toMatchObject([
      { courseId: c.course.id, completedAt: '2025-01-02T03:04:05.000Z' },
    ]);
    expect((await s.client.get('/api/learning/certificates')).json().items).toHaveLength(1);
  });
});

describe('GET /api/learning/certificates', () => {
  it('returns 401 without a session', async () => {
    expect((await new Client(t.app).get('/api/learning/certificates')).statusCode).toBe(401);
  });
  it('lists only the student’s own certificates', async () => {
    await certified();
    const other = await student(t);
    expect((await other.client.get('/api/learning/certificates')).json()).toEqual({ items: [] });
  });
});

describe('GET /api/certificates/:code', () => {
  it('confirms a valid certificate to anyone, whatever the spelling of the code', async () => {
    const { user, course, instructor, certificate } = await certified();
    const res = await new Client(t.app).get(
      `/api/certificates/${certificate.code.toLowerCase().replaceAll('-', '')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: certificate.code,
      status: 'valid',
      studentName: user.name,
      courseTitle: course.title,
      revokedAt: null,
      revokeReason: null,
    });
    expect(res.json().instructorNames).toContain(instructor.name);
    expect(res.json()).not.toHaveProperty('userId');
  });
  it('answers 404 for an unknown or malformed code, and 400 for an absurd one', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/certificates/9T-2222-3333-4444')).statusCode).toBe(404);
    expect((await anon.get('/api/certificates/hello')).statusCode).toBe(404);
    const long = await anon.get(`/api/certificates/${'A'.repeat(41)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('validation_failed');
  });
  it('says a revoked certificate is revoked, when and why', async () => {
    const { certificate } = await certified();
    const admin = await signedIn(t, 'admin');
    await admin.client.post(`/api/admin/certificates/${certificate.id}/revoke`, {
      reason: 'Plagiarised work',
    });
    const res = await new Client(t.app).get(`/api/certificates/${certificate.code}`);
    expect(res.json()).toMatchObject({
      status: 'revoked',
      revokedAt: clock.now().toISOString(),
      revokeReason: 'Plagiarised work',
    });
  });
});

describe('GET /api/learning/certificates/:code/pdf', () => {
  it('returns 401 without a session', async () => {
    const { certificate } = await certified();
    expect((await new Client(t.app).get(certificate.pdfUrl)).statusCode).toBe(401);
  });
  it('returns 404 to another student (holding the code is not enough) and for an unknown code', async () => {
    const { certificate } = await certified();
    const other = await student(t);
    expect((await other.client.get(certificate.pdfUrl)).statusCode).toBe(404);
    expect((await other.client.get('/api/learning/certificates/9T-2222-3333-4444/pdf')).statusCode).toBe(404);
    expect((await other.client.get(`/api/learning/certificates/${'x'.repeat(50)}/pdf`)).statusCode).toBe(400);
  });
  it('sends the owner, and an admin, a PDF download', async () => {
    const { user, client, certificate } = await certified();
    for (const c of [client, (await signedIn(t, 'admin')).client]) {
      const res = await c.get(certificate.pdfUrl);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="certificate-${certificate.code}.pdf"`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const pdf = await readPdf(res.rawPayload);
      expect(pdf.text).toContain(certificate.code);
      expect(pdf.text).toContain(user.name);
    }
  });
  it('has no PDF for a revoked certificate (409)', async () => {
    const { client, certificate } = await certified();
    const admin = await signedIn(t, 'admin');
    await admin.client.post(`/api/admin/certificates/${certificate.id}/revoke`, {
      reason: 'Issued in error',
    });
    const res = await client.get(certificate.pdfUrl);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('certificate_revoked');
  });
});

describe('the admin’s certificates', () => {
  it('GET /api/admin/certificates: 401, 404 to a student, 400 for a bad filter', async () => {
    expect((await new Client(t.app).get('/api/admin/certificates')).statusCode).toBe(401);
    expect((await (await student(t)).client.get('/api/admin/certificates')).statusCode).toBe(404);
    const admin = await signedIn(t, 'admin');
    expect((await admin.client.get('/api/admin/certificates?status=lost')).statusCode).toBe(400);
  });
  it('finds certificates by code (any spelling), student name, course title or address, and by status', async () => {
    const { user, course, certificate } = await certified();
    const { client } = await signedIn(t, 'admin');
    for (const q of [certificate.code.toLowerCase(), user.name, course.title, user.email]) {
      const res = await client.get(`/api/admin/certificates?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: { id: string }) => i.id)).toContain(certificate.id);
    }
    const found = await client.get(
      `/api/admin/certificates?q=${encodeURIComponent(course.title)}&status=valid`,
    );
    expect(found.json()).toMatchObject({
      items: [{ userEmail: user.email, revokedBy: null }],
      pageInfo: { total: 1 },
    });
    const none = await client.get(
      `/api/admin/certificates?q=${encodeURIComponent(course.title)}&status=revoked`,
    );
    expect(none.json().pageInfo.total).toBe(0);
  });
  it('revokes and restores with a reason, once each way, and records both in the course history', async () => {
    const { course, certificate } = await certified();
    const { user: admin, client } = await signedIn(t, 'admin');
    const url = (a: string) => `/api/admin/certificates/${certificate.id}/${a}`;
    expect((await new Client(t.app).post(url('revoke'), { reason: 'Because' })).statusCode).toBe(401);
    expect((await (await student(t)).client.post(url('revoke'), { reason: 'Because' })).statusCode).toBe(404);
    expect((await client.post(url('revoke'), {})).statusCode).toBe(400);
    expect((await client.post(url('revoke'), { reason: 'ok', extra: 1 })).statusCode).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (await client.post(`/api/admin/certificates/${unknown}/revoke`, { reason: 'Because' })).statusCode,
    ).toBe(404);

    const revoked = await client.post(url('revoke'), { reason: 'Cheated on the final quiz' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      revokeReason: 'Cheated on the final quiz',
      revokedBy: { id: admin.id, name: admin.name },
    });
    const again = await client.post(url('revoke'), { reason: 'Twice' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'certificate_revoked']);

    clock.advance(60_000);
    const restored = await client.post(url('restore'), { reason: 'Appeal upheld' });
    expect(restored.json()).toMatchObject({
      status: 'valid',
      revokedAt: null,
      revokeReason: null,
      revokedBy: null,
    });
    const twice = await client.post(url('restore'), { reason: 'Appeal upheld' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'certificate_not_revoked']);

    const audit = await sql<{ action: string; actor_id: string; after: { reason: string } }>(
      `select action, actor_id, after from course_audit where course_id = $1 and action like 'certificate.%' order by created_at`,
      [course.id],
    );
    expect(audit.map((a) => [a.action, a.actor_id, a.after.reason])).toEqual([
      ['certificate.revoked', admin.id, 'Cheated on the final quiz'],
      ['certificate.restored', admin.id, 'Appeal upheld'],
    ]);
  });
});
