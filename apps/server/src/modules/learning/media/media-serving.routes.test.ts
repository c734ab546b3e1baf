import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader } from '../../../../test/clients.ts';
import { type Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { FILES, upload } from '../../../../test/media.ts';
import { getFile, paidCourse } from '../../../../test/media-course.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { manualClock } from '../../../platform/clock.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../../../seed/factories.ts';

const clock = manualClock(new Date('2026-05-01T09:00:00Z'));
const _DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

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

describe('GET /api/files/media/:id: ranges and headers', () => {
  it('answers byte ranges exactly: a-b, a-, -n, several (the whole file) and past the end (416)', async () => {
    const c = await paidCourse(t, clock);
    const id = c.files.preview;
    const size = c.video.length;
    const whole = await getFile(t, null, id);
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
      const res = await getFile(t, null, id, { range });
      expect(res.statusCode, range).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers['content-length']).toBe(String(end - start + 1));
      expect(res.rawPayload.equals(c.video.subarray(start, end + 1)), range).toBe(true);
    }
    const several = await getFile(t, null, id, { range: 'bytes=0-1,5-6' });
    expect(several.statusCode).toBe(200);
    expect(several.rawPayload.length).toBe(size);
    const past = await getFile(t, null, id, { range: `bytes=${size}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);
    expect(past.json().error.code).toBe('range_not_satisfiable');
  });

  it('revalidates with the ETag (304), ignores a range for another version, and answers HEAD without a body', async () => {
    const c = await paidCourse(t, clock);
    const id = c.files.preview;
    const first = await getFile(t, null, id);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f-]+-\d+"$/);
    expect((await getFile(t, null, id, { 'if-none-match': etag })).statusCode).toBe(304);
    const stale = await getFile(t, null, id, { range: 'bytes=0-9', 'if-range': '"something-else"' });
    expect(stale.statusCode).toBe(200);
    const fresh = await getFile(t, null, id, { range: 'bytes=0-9', 'if-range': etag });
    expect(fresh.statusCode).toBe(206);
    const head = await t.app.inject({ method: 'HEAD', url: `/api/files/media/${id}` });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(c.video.length));
    expect(head.rawPayload.length).toBe(0);
  });

  it('sends user content inertly: detected type, nosniff, a sandboxing CSP, private caching, a safe file name', async () => {
    const c = await paidCourse(t, clock);
    // Sent as RFC 5987 `filename*`, so the quote and semicolon reach the server as they are.
    const hostile = 'x"; name=evil.html\u202e4pm.mp4';
    const renamed = await uploadNamed(c.owner, `/api/studio/lessons/${c.lessons.preview.id}/file`, hostile);
    expect(renamed.json().file.fileName).toBe('x_; name=evil.html4pm.mp4');
    const video = await getFile(t, null, renamed.json().file.id);
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

    const resource = await getFile(t, c.owner, c.files.resource);
    expect(resource.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(resource.headers['content-disposition']).toMatch(/^attachment; filename="data\.csv"/);
    expect(resource.headers['content-security-policy']).toContain('sandbox');
    expect(resource.body).toBe(FILES.csv.toString());

    // Never compressed, even text a client would take gzipped: ranges are of the stored bytes.
    const csv = Buffer.from(`a,b\n${'1,2\n'.repeat(1000)}`);
    const added = await upload(
      t,
      c.owner,
      `/api/studio/lessons/${c.lessons.pdf.id}/resources`,
      csv,
      'big.csv',
    );
    const big = await getFile(t, c.owner, added.json().resources.at(-1).id, {
      'accept-encoding': 'gzip, br',
    });
    expect(big.headers['content-encoding']).toBeUndefined();
    expect(big.rawPayload.equals(csv)).toBe(true);
    const part = await getFile(t, c.owner, added.json().resources.at(-1).id, {
      'accept-encoding': 'gzip',
      range: 'bytes=4-7',
    });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('1,2\n');

    const pdf = await getFile(t, c.owner, c.files.pdf);
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
