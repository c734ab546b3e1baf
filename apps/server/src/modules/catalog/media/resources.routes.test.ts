import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, studioCourse } from '../../../../test/catalog.ts';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { FILES, storageKeyOf, upload } from '../../../../test/media.ts';
import { auditActions, filesOf, lessonOf } from '../../../../test/studio-media.ts';

let t: TestApp;
beforeAll(async () => {
  // Small limits, so "too large" needs only a few kilobytes.
  t = await createTestApp({
    env: { UPLOAD_VIDEO_MAX_BYTES: '4096', UPLOAD_PDF_MAX_BYTES: '2048', UPLOAD_RESOURCE_MAX_BYTES: '4096' },
  });
});
afterAll(async () => t?.close());

describe('lesson resources', () => {
  it('uploads resources of the allowed kinds, lists, renames, reorders and deletes them', async () => {
    const { owner, course, lesson } = await lessonOf(t, 'resources');
    const url = `/api/studio/lessons/${lesson.id}/resources`;
    const accepted: [Buffer, string, string][] = [
      [FILES.pdf, 'Syllabus.pdf', 'application/pdf'],
      [FILES.png, 'diagram.png', 'image/png'],
      [FILES.zip, 'code.zip', 'application/zip'],
      [FILES.csv, 'scores.csv', 'text/csv'],
      [FILES.utf8, 'notes.txt', 'text/plain'],
    ];
    let media = { resources: [] as { id: string; title: string; mime: string; position: number }[] };
    for (const [data, name, mime] of accepted) {
      const res = await upload(t, owner.client, url, data, name);
      expect(res.statusCode, name).toBe(201);
      media = res.json();
      expect(media.resources.at(-1)).toMatchObject({ title: name, mime, kind: 'resource' });
    }
    expect(media.resources.map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);
    expect(filesOf(t, course.id)).toHaveLength(5);

    const [pdf, png, zip, csv, txt] = media.resources.map((r) => r.id) as string[];
    const renamed = await owner.client.patch(`/api/studio/resources/${pdf}`, { title: 'Course syllabus' });
    expect(renamed.json().resources[0].title).toBe('Course syllabus');
    expect((await owner.client.patch(`/api/studio/resources/${pdf}`, { title: '  ' })).statusCode).toBe(400);

    const reorder = `/api/studio/lessons/${lesson.id}/resources/reorder`;
    expect((await owner.client.post(reorder, { ids: [png, pdf] })).statusCode).toBe(400);
    const reordered = await owner.client.post(reorder, { ids: [txt, csv, zip, png, pdf] });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().resources.map((r: { id: string }) => r.id)).toEqual([txt, csv, zip, png, pdf]);

    const key = await storageKeyOf(t, zip as string);
    const deleted = await owner.client.delete(`/api/studio/resources/${zip}`);
    expect(deleted.json().resources.map((r: { position: number }) => r.position)).toEqual([0, 1, 2, 3]);
    expect(await t.platform.storage.stat(key)).toBeNull();
    expect((await owner.client.delete(`/api/studio/resources/${zip}`)).statusCode).toBe(404);
    expect(await auditActions(owner.client, course.id)).toEqual(
      expect.arrayContaining([
        'lesson.resource_added',
        'lesson.resource_renamed',
        'lesson.resources_reordered',
        'lesson.resource_deleted',
      ]),
    );
  });

  it('refuses HTML, SVG, XML, executables and text that is not UTF-8, storing nothing', async () => {
    const { owner, course, lesson } = await lessonOf(t, 'text');
    const url = `/api/studio/lessons/${lesson.id}/resources`;
    for (const [data, name] of [
      [FILES.html, 'page.txt'],
      [FILES.svg, 'logo.svg'],
      [Buffer.from('  <?xml version="1.0"?><svg/>'), 'data.csv'],
      [FILES.exe, 'setup.pdf'],
      [FILES.binaryText, 'notes.txt'],
      [Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'latin1.txt'],
    ] as const) {
      const res = await upload(t, owner.client, url, data, name);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.code).toBe('invalid_file_type');
    }
    expect(filesOf(t, course.id)).toEqual([]);
  });

  it('removes the bytes of a lesson’s files when the lesson or its section is deleted', async () => {
    const { owner, course, lesson } = await lessonOf(t, 'video');
    await upload(t, owner.client, `/api/studio/lessons/${lesson.id}/file`, FILES.mp4, 'v.mp4');
    await upload(t, owner.client, `/api/studio/lessons/${lesson.id}/resources`, FILES.pdf, 'r.pdf');
    expect(filesOf(t, course.id)).toHaveLength(2);
    expect((await owner.client.delete(`/api/studio/lessons/${lesson.id}`)).statusCode).toBe(204);
    expect(filesOf(t, course.id)).toEqual([]);

    const section = (
      await owner.client.post(`/api/studio/courses/${course.id}/sections`, { title: 'More' })
    ).json();
    const other = (
      await owner.client.post(`/api/studio/sections/${section.id}/lessons`, { title: 'Files', type: 'pdf' })
    ).json();
    await upload(t, owner.client, `/api/studio/lessons/${other.id}/file`, FILES.pdf, 'p.pdf');
    expect(filesOf(t, course.id)).toHaveLength(1);
    expect((await owner.client.delete(`/api/studio/sections/${section.id}`)).statusCode).toBe(204);
    expect(filesOf(t, course.id)).toEqual([]);
  });
});

describe('POST and DELETE /api/studio/courses/:id/intro-video', () => {
  it('uploads an intro video shown instead of the link, and removing it brings the link back', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client, { introVideoUrl: 'https://youtu.be/abcdefghijk' });
    const url = `/api/studio/courses/${course.id}/intro-video`;
    expect((await upload(t, owner.client, url, FILES.pdf, 'intro.mp4')).statusCode).toBe(400);
    const res = await upload(t, owner.client, url, FILES.webm, 'Welcome.webm');
    expect(res.statusCode).toBe(200);
    const studio = res.json();
    expect(studio.introVideoFile).toMatchObject({
      kind: 'intro_video',
      mime: 'video/webm',
      fileName: 'Welcome.webm',
    });
    expect(studio.introVideo).toEqual({
      kind: 'upload',
      url: `/api/files/media/${studio.introVideoFile.id}`,
    });
    expect(studio.introVideoUrl).toBe('https://youtu.be/abcdefghijk');
    expect((await owner.client.get(`/api/studio/courses/${course.id}`)).json().introVideoFile.id).toBe(
      studio.introVideoFile.id,
    );

    const again = await upload(t, owner.client, url, FILES.mp4, 'Welcome v2.mp4');
    expect(filesOf(t, course.id)).toHaveLength(1);
    const removed = await owner.client.delete(url);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({
      introVideoFile: null,
      introVideo: { kind: 'youtube', url: 'https://youtu.be/abcdefghijk' },
    });
    expect(filesOf(t, course.id)).toEqual([]);
    expect(again.json().introVideoFile.fileName).toBe('Welcome v2.mp4');
    expect((await owner.client.delete(url)).statusCode).toBe(404);
    expect(await auditActions(owner.client, course.id)).toEqual(
      expect.arrayContaining(['course.intro_video_uploaded', 'course.intro_video_removed']),
    );
  });
});
