import { describe, expect, it } from 'vitest';
import { FILES } from '../../../../test/media.ts';
import { AppError } from '../../../http/errors.ts';
import { checkUploadContent, type MediaKind, TEXT_MAX_BYTES } from './media-types.ts';

async function* chunksOf(data: Buffer, size = 1000) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}
/** Check a file and read it through to the end, as storing it does. */
async function check(kind: MediaKind, data: Buffer, name = 'file') {
  const r = await checkUploadContent(kind, name, chunksOf(data));
  const out: Buffer[] = [];
  for await (const c of r.chunks) out.push(c);
  return { ext: r.ext, mime: r.mime, bytes: Buffer.concat(out) };
}
const codeOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
};

describe('checkUploadContent', () => {
  it('decides the type by the bytes and passes every byte on unchanged', async () => {
    const long = Buffer.concat([FILES.mp4, Buffer.alloc(200_000, 7)]);
    const r = await check('video', long, 'anything.bin');
    expect(r).toMatchObject({ ext: 'mp4', mime: 'video/mp4' });
    expect(r.bytes.equals(long)).toBe(true);
    expect(await check('intro_video', FILES.webm)).toMatchObject({ ext: 'webm', mime: 'video/webm' });
    expect(await check('pdf', FILES.pdf, 'x.docx')).toMatchObject({ ext: 'pdf', mime: 'application/pdf' });
    expect(await check('resource', FILES.zip)).toMatchObject({ ext: 'zip', mime: 'application/zip' });
  });

  it.each([
    ['video', FILES.pdf],
    ['video', FILES.exe],
    ['pdf', FILES.mp4],
    ['pdf', FILES.html],
    ['resource', FILES.exe],
    ['resource', FILES.svg],
    ['resource', FILES.html],
    ['resource', FILES.binaryText],
    ['video', FILES.csv],
  ] as const)('refuses for a %s lesson a file that is not one', async (kind, data) => {
    expect(await codeOf(check(kind, data, 'innocent.pdf'))).toBe('400 invalid_file_type');
  });

  it('accepts plain UTF-8 text as a resource, typed by its name only between text and CSV', async () => {
    expect(await check('resource', FILES.csv, 'scores.csv')).toMatchObject({ ext: 'csv', mime: 'text/csv' });
    const text = await check('resource', FILES.utf8, 'notes.md');
    expect(text).toMatchObject({ ext: 'txt', mime: 'text/plain' });
    expect(text.bytes.equals(FILES.utf8)).toBe(true);
  });

  it('refuses text that turns invalid after the sample, and text past 2 MB', async () => {
    const late = Buffer.concat([Buffer.alloc(100_000, 0x61), Buffer.from([0xc3, 0x28])]);
    expect(await codeOf(check('resource', late, 'a.txt'))).toBe('400 invalid_file_type');
    const lateNul = Buffer.concat([Buffer.alloc(100_000, 0x61), Buffer.from([0])]);
    expect(await codeOf(check('resource', lateNul, 'a.txt'))).toBe('400 invalid_file_type');
    const big = Buffer.alloc(TEXT_MAX_BYTES + 1, 0x61);
    expect(await codeOf(check('resource', big, 'a.txt'))).toBe('413 payload_too_large');
  });

  it('takes the old office formats only under their own names (their container also holds installers)', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    expect(await check('resource', cfb, 'minutes.doc')).toMatchObject({ mime: 'application/msword' });
    expect(await codeOf(check('resource', cfb, 'setup.msi'))).toBe('400 invalid_file_type');
  });
});
