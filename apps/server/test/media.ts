import type { LightMyRequestResponse } from 'fastify';
import { createCatalogCache } from '../src/modules/catalog/catalog-cache.ts';
import { createEnrollmentService } from '../src/modules/learning/enrollment.service.ts';
import type { Client, TestApp } from './harness.ts';
import { postMultipart } from './multipart.ts';

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');

/**
 * Files as their bytes say they are: enough of each format for `file-type` to recognise it, padded
 * with a recognisable pattern so range answers can be checked byte for byte.
 */
export const pattern = (n: number, seed = 0) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i + seed) % 251));
export const FILES = {
  mp4: Buffer.concat([hex('00000018 66747970 69736f6d 00000200 69736f6d 69736f32'), pattern(1000)]),
  webm: Buffer.concat([
    hex('1A45DFA3 9F 4286 81 01 42F7 81 01 42F2 81 04 42F3 81 08 4282 84 7765626D 4287 81 02 4285 81 02'),
    pattern(500),
  ]),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n'),
  png: hex(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5d6e0e00000000049454e44ae426082',
  ),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]),
  html: Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  csv: Buffer.from('name,score\nAyesha,90\nBilal,85\n'),
  utf8: Buffer.from('Notes for week one — تعارف\n'),
  binaryText: Buffer.from([0x68, 0x69, 0x00, 0x01, 0x02]),
  zip: (() => {
    const name = Buffer.from('a.txt');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(2, 18);
    header.writeUInt32LE(2, 22);
    header.writeUInt16LE(name.length, 26);
    return Buffer.concat([header, name, Buffer.from('hi'), Buffer.alloc(64)]);
  })(),
};

/** POST a file as multipart field `file`. */
export function upload(
  t: TestApp,
  client: Client | null,
  url: string,
  data: Buffer | string,
  filename = 'file.bin',
): Promise<LightMyRequestResponse> {
  return postMultipart(t.app, client, url, [
    { name: 'file', filename, contentType: 'application/octet-stream', data },
  ]);
}

/** The storage key of a media row, to see its bytes come and go. */
export async function storageKeyOf(t: TestApp, fileId: string): Promise<string> {
  const { rows } = await t.platform.database.raw.query<{ storage_key: string }>(
    'select storage_key from media_files where id = $1',
    [fileId],
  );
  const key = rows[0]?.storage_key;
  if (!key) throw new Error(`no media file ${fileId}`);
  return key;
}

/** Enroll a user as commerce would (a purchase), on the test app's database and clock. */
export function enrollments(t: TestApp) {
  return createEnrollmentService({
    database: t.platform.database,
    clock: t.platform.clock,
    courseSummaries: async () => [],
    catalogCache: createCatalogCache(t.platform.cache),
    onEnrollmentChange: async () => undefined,
  });
}
