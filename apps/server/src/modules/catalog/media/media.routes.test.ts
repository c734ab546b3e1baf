import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { FILES, storageKeyOf, upload } from '../../../../test/media.ts';
import { postMultipart } from '../../../../test/multipart.ts';
import { auditActions, filesOf, lessonOf } from '../../../../test/studio-media.ts';

let t: TestApp;
beforeAll(async () => {
  // Small limits, so "too large" needs only a few kilobytes.
  t = await createTestApp({
    env: { UPLOAD_VIDEO_MAX_BYTES: '4096', UPLOAD_PDF_MAX_BYTES: '2048', UPLOAD_RESOURCE_MAX_BYTES: '4096' },
  });
});
afterAll(async () => t?.close());

describe('studio media routes: who may call them', () => {
  it('answers 401 without a session, and 404 to a student and to another instructor, storing nothing', async () => {
    const { owner, course, lesson } = await lessonOf(t, 'video');
    const added = await upload(
      t,
      owner.client,
      `/api/studio/lessons/${lesson.id}/resources`,
      FILES.pdf,
      'a.pdf',
    );
    const resourceId = added.json().resources[0].id as string;
    const student = await signedIn(t, 'student');
    const other = await signedIn(t, 'instructor');
    const before = filesOf(t, course.id);
    const uploads = [
      `/api/studio/lessons/${lesson.id}/file`,
      `/api/studio/lessons/${lesson.id}/resources`,
      `/api/studio/courses/${course.id}/intro-video`,
    ];
    for (const url of uploads) {
      expect((await upload(t, null, url, FILES.mp4, 'v.mp4')).statusCode, url).toBe(401);
      expect((await upload(t, student.client, url, FILES.mp4, 'v.mp4')).statusCode, url).toBe(404);
      const res = await upload(t, other.client, url, FILES.mp4, 'v.mp4');
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/studio/lessons/${lesson.id}/media`],
      ['DELETE', `/api/studio/lessons/${lesson.id}/file`],
      ['POST', `/api/studio/lessons/${lesson.id}/resources/reorder`, { ids: [resourceId] }],
      ['PATCH', `/api/studio/resources/${resourceId}`, { title: 'Mine now' }],
      ['DELETE', `/api/studio/resources/${resourceId}`],
      ['DELETE', `/api/studio/courses/${course.id}/intro-video`],
    ];
    for (const [method, url, body] of calls) {
      expect((await new Client(t.app).request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await student.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      expect((await other.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect(filesOf(t, course.id)).toEqual(before);
    const media = (await owner.client.get(`/api/studio/lessons/${lesson.id}/media`)).json();
    expect(media.resources.map((r: { title: string }) => r.title)).toEqual(['a.pdf']);
  });

  it('answers 400 to an id that is not one, on every route', async () => {
    const owner = await signedIn(t, 'instructor');
    for (const [method, url] of [
      ['GET', '/api/studio/lessons/x/media'],
      ['POST', '/api/studio/lessons/x/file'],
      ['DELETE', '/api/studio/lessons/x/file'],
      ['POST', '/api/studio/lessons/x/resources'],
      ['POST', '/api/studio/lessons/x/resources/reorder'],
      ['PATCH', '/api/studio/resources/x'],
      ['DELETE', '/api/studio/resources/x'],
      ['POST', '/api/studio/courses/x/intro-video'],
      ['DELETE', '/api/studio/courses/x/intro-video'],
    ] as const) {
      const res = await owner.client.request(
        method,
        url,
        method === 'DELETE' || method === 'GET' ? undefined : {},
      );
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('tells instructors the upload limits, and nobody else', async () => {
    const owner = await signedIn(t, 'instructor');
    const res = await owner.client.get('/api/studio/upload-limits');
    expect(res.json()).toEqual({
      videoMaxBytes: 4096,
      pdfMaxBytes: 2048,
      resourceMaxBytes: 4096,
      textMaxBytes: 4096,
    });
    expect((await new Client(t.app).get('/api/studio/upload-limits')).statusCode).toBe(401);
    expect((await (await signedIn(t, 'student')).client.get('/api/studio/upload-limits')).statusCode).toBe(
      404,
    );
  });

  it('lets an admin manage any course’s files', async () => {
    const { lesson } = await lessonOf(t, 'pdf');
    const admin = await signedIn(t, 'admin');
    const res = await upload(
      t,
      admin.client,
      `/api/studio/lessons/${lesson.id}/file`,
      FILES.pdf,
      'notes.pdf',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().file).toMatchObject({ kind: 'pdf', mime: 'application/pdf' });
  });
});

describe('POST and DELETE /api/studio/lessons/:id/file', () => {
  it('stores a video lesson’s video, replaces it (removing the old bytes) and removes it, audited', async () => {
    const { owner, course, lesson } = await lessonOf(t, 'video');
    const url = `/api/studio/lessons/${lesson.id}/file`;
    const first = await upload(t, owner.client, url, FILES.mp4, '../../Week 1\u202e4pm.exe.mp4');
    expect(first.statusCode).toBe(200);
    const file = first.json().file;
    expect(file).toMatchObject({
      kind: 'video',
      mime: 'video/mp4',
      sizeBytes: FILES.mp4.length,
      fileName: 'Week 14pm.exe.mp4',
      url: `/api/files/media/${file.id}`,
    });
    expect(first.json().limits).toMatchObject({ videoMaxBytes: 4096, pdfMaxBytes: 2048 });
    const firstKey = await storageKeyOf(t, file.id);
    expect(firstKey).toMatch(new RegExp(`^media/${course.id}/[0-9a-f-]{36}\\.mp4$`));
    expect(await t.platform.storage.stat(firstKey)).toEqual({ size: FILES.mp4.length });

    const second = await upload(t, owner.client, url, FILES.webm, 'take2.webm');
    expect(second.statusCode).toBe(200);
    expect(second.json().file).toMatchObject({ mime: 'video/webm', fileName: 'take2.webm' });
    expect(await t.platform.storage.stat(firstKey)).toBeNull();
    expect(filesOf(t, course.id)).toHaveLength(1);
    expect((await owner.client.get(`/api/studio/lessons/${lesson.id}/media`)).json().file.id).toBe(
      second.json().file.id,
    );

    const removed = await owner.client.delete(url);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().file).toBeNull();
    expect(filesOf(t, course.id)).toEqual([]);
    expect((await owner.client.delete(url)).statusCode).toBe(404);
    const actions = await auditActions(owner.client, course.id);
    expect(actions.filter((a) => a.startsWith('lesson.file_'))).toEqual([
      'lesson.file_removed',
      'lesson.file_uploaded',
      'lesson.file_uploaded',
    ]);
  });

  it('refuses files whose bytes are not a video, whatever their name says, and stores nothing', async () => {
    const { owner, course, lesson } = await lessonOf(t, 'video');
    const url = `/api/studio/lessons/${lesson.id}/file`;
    for (const [data, name] of [
      [FILES.pdf, 'lecture.mp4'],
      [FILES.html, 'lecture.mp4'],
      [FILES.svg, 'lecture.webm'],
      [FILES.exe, 'lecture.mp4'],
      [FILES.png, 'lecture.mp4'],
      [Buffer.alloc(0), 'empty.mp4'],
    ] as const) {
      const res = await upload(t, owner.client, url, data, name);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.code).toBe('invalid_file_type');
    }
    expect(filesOf(t, course.id)).toEqual([]);
  });

  it('takes only a PDF for a PDF lesson, and answers 409 for a lesson type without a file', async () => {
    const pdf = await lessonOf(t, 'pdf');
    const url = `/api/studio/lessons/${pdf.lesson.id}/file`;
    expect((await upload(t, pdf.owner.client, url, FILES.mp4, 'x.pdf')).json().error.code).toBe(
      'invalid_file_type',
    );
    expect((await upload(t, pdf.owner.client, url, FILES.pdf, 'x.pdf')).json().file.mime).toBe(
      'application/pdf',
    );
    const text = await lessonOf(t, 'text');
    const res = await upload(t, text.owner.client, `/api/studio/lessons/${text.lesson.id}/file`, FILES.pdf);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('wrong_lesson_type');
  });

  it('answers 413 past the configured limit, whether or not the size was declared, storing nothing', async () => {
    const { owner, course, lesson } = await lessonOf(t, 'pdf');
    const url = `/api/studio/lessons/${lesson.id}/file`;
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(3000, 0x20)]);
    const res = await upload(t, owner.client, url, big, 'big.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', details: { maxBytes: 2048 } });
    const huge = await upload(
      t,
      owner.client,
      url,
      Buffer.concat([FILES.pdf, Buffer.alloc(200_000)]),
      'h.pdf',
    );
    expect(huge.statusCode).toBe(413);
    expect(filesOf(t, course.id)).toEqual([]);
  });

  it('answers 400 to a body that is not a multipart file field', async () => {
    const { owner, lesson } = await lessonOf(t, 'video');
    const url = `/api/studio/lessons/${lesson.id}/file`;
    expect((await owner.client.post(url, { file: 'nope' })).statusCode).toBe(400);
    const wrongField = await postMultipart(t.app, owner.client, url, [
      { name: 'video', filename: 'v.mp4', data: FILES.mp4 },
    ]);
    expect(wrongField.statusCode).toBe(400);
    expect((await owner.client.get('/api/studio/lessons/not-a-uuid/media')).statusCode).toBe(400);
  });
});
