import { fileTypeFromBuffer } from 'file-type';
import { badRequest } from '../../../http/errors.ts';

/** What a product's downloadable file may be, by its bytes: the storage extension and served type. */
const FORMATS: Record<string, { ext: string; mime: string }> = Object.fromEntries(
  (
    [
      ['pdf', 'application/pdf'],
      ['zip', 'application/zip'],
      ['epub', 'application/epub+zip'],
      ['mp3', 'audio/mpeg'],
      ['m4a', 'audio/x-m4a'],
      ['m4a', 'audio/mp4'],
      ['ogg', 'audio/ogg'],
      ['opus', 'audio/opus'],
      ['wav', 'audio/wav'],
      ['flac', 'audio/x-flac'],
      ['flac', 'audio/flac'],
      ['mp4', 'video/mp4'],
      ['m4v', 'video/x-m4v'],
      ['webm', 'video/webm'],
      ['png', 'image/png'],
      ['jpg', 'image/jpeg'],
      ['webp', 'image/webp'],
      ['gif', 'image/gif'],
    ] as const
  ).map(([ext, mime]) => [mime, { ext, mime }]),
);

const SAMPLE_BYTES = 64 * 1024;

/**
 * Decide what a product file is by its first bytes (`file-type`), never by its name or declared type:
 * PDF, ZIP, EPUB, audio, video or a raster image. Anything else — executables, HTML, SVG, scripts,
 * plain text (which is where markup hides) — is refused with 400 `invalid_file_type` before a byte is
 * stored. Returns the same bytes from the first, to stream on to storage.
 */
export async function checkProductFile(
  source: AsyncIterable<Buffer>,
): Promise<{ ext: string; mime: string; chunks: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SAMPLE_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const sample = Buffer.concat(head);
  const detected = sample.length > 0 ? await fileTypeFromBuffer(sample) : undefined;
  const format = detected ? FORMATS[detected.mime] : undefined;
  if (!format)
    throw badRequest(
      'invalid_file_type',
      'Upload a PDF, ZIP, EPUB, an audio or video file, or a PNG, JPEG, WebP or GIF image.',
    );
  async function* rest(): AsyncGenerator<Buffer> {
    yield sample;
    if (ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { ...format, chunks: rest() };
}
