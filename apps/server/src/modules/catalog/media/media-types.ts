import { fileTypeFromBuffer } from 'file-type';
import { AppError, badRequest } from '../../../http/errors.ts';

export type MediaKind = 'video' | 'pdf' | 'resource' | 'intro_video';

/** A format accepted for a kind of file: the extension of its storage key and the type it is served as. */
interface Format {
  ext: string;
  mime: string;
}

const VIDEO: Record<string, Format> = {
  'video/mp4': { ext: 'mp4', mime: 'video/mp4' },
  'video/x-m4v': { ext: 'm4v', mime: 'video/mp4' },
  'video/webm': { ext: 'webm', mime: 'video/webm' },
  'video/ogg': { ext: 'ogv', mime: 'video/ogg' },
};
const PDF: Record<string, Format> = { 'application/pdf': { ext: 'pdf', mime: 'application/pdf' } };
const same = (ext: string, mime: string): [string, Format] => [mime, { ext, mime }];
const RESOURCE: Record<string, Format> = {
  ...PDF,
  ...Object.fromEntries([
    same('zip', 'application/zip'),
    same('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    same('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    same('pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'),
    same('odt', 'application/vnd.oasis.opendocument.text'),
    same('ods', 'application/vnd.oasis.opendocument.spreadsheet'),
    same('odp', 'application/vnd.oasis.opendocument.presentation'),
    same('epub', 'application/epub+zip'),
    same('png', 'image/png'),
    same('jpg', 'image/jpeg'),
    same('webp', 'image/webp'),
    same('gif', 'image/gif'),
  ]),
};
/**
 * Word, Excel and PowerPoint before 2007 share one container format (OLE, "CFB") with other things,
 * installers among them, so the bytes alone cannot tell them apart: a CFB file is accepted only under
 * one of these names, and is always served as a download.
 */
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const ACCEPTED: Record<MediaKind, { formats: Record<string, Format>; message: string }> = {
  video: { formats: VIDEO, message: 'Upload an MP4, WebM or Ogg video.' },
  intro_video: { formats: VIDEO, message: 'Upload an MP4, WebM or Ogg video.' },
  pdf: { formats: PDF, message: 'Upload a PDF file.' },
  resource: {
    formats: RESOURCE,
    message:
      'Upload a PDF, a ZIP archive, an office document, a PNG, JPEG, WebP or GIF image, or a plain text file.',
  },
};

/** Enough of the start of a file for every format above (office documents name their parts early). */
const SAMPLE_BYTES = 64 * 1024;
/** Plain text resources are notes and data files; larger text is better zipped. */
export const TEXT_MAX_BYTES = 2 * 1024 * 1024;

export interface CheckedUpload {
  ext: string;
  mime: string;
  /** The same bytes, from the first: the text check, when it applies, runs to the last byte. */
  chunks: AsyncIterable<Buffer>;
}

/**
 * Decide what an upload is by its bytes (magic numbers, `file-type`), never by its name or declared
 * type, and refuse anything outside the kind's allowlist with 400 `invalid_file_type`. Plain text has
 * no magic number: a resource that matches no format is accepted as text only when it is valid UTF-8
 * without NUL bytes, does not start like markup (`<`: HTML, SVG, XML) and stays under 2 MB. SVG and
 * HTML are never accepted, as anything: they run script when opened.
 */
export async function checkUploadContent(
  kind: MediaKind,
  fileName: string,
  source: AsyncIterable<Buffer>,
): Promise<CheckedUpload> {
  const it = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SAMPLE_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const sample = Buffer.concat(head);
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield sample;
    if (ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  };
  const refuse = () => badRequest('invalid_file_type', ACCEPTED[kind].message, { kind });
  if (sample.length === 0) throw badRequest('invalid_file_type', 'The file is empty.', { kind });

  const detected = await fileTypeFromBuffer(sample);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (detected) {
    const format = ACCEPTED[kind].formats[detected.mime];
    if (format) return { ...format, chunks: rest() };
    const legacy = LEGACY_OFFICE[ext];
    if (kind === 'resource' && detected.mime === 'application/x-cfb' && legacy)
      return { ext, mime: legacy, chunks: rest() };
    throw refuse();
  }
  if (kind !== 'resource' || !startsLikeText(sample)) throw refuse();
  return {
    ext: ext === 'csv' ? 'csv' : 'txt',
    mime: ext === 'csv' ? 'text/csv' : 'text/plain',
    chunks: checkedText(rest(), refuse),
  };
}

/** Valid UTF-8 so far (a character cut at the end of the sample is fine), no NUL, not markup. */
function startsLikeText(sample: Buffer): boolean {
  if (sample.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return false;
  }
  return !text
    .replace(/^\ufeff/, '')
    .trimStart()
    .startsWith('<');
}

/** The text's bytes, failing the upload on the first invalid byte or past the text limit. */
async function* checkedText(chunks: AsyncIterable<Buffer>, refuse: () => AppError): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > TEXT_MAX_BYTES)
      throw new AppError('payload_too_large', 413, 'A plain text file may be at most 2 MB; zip it instead.', {
        maxBytes: TEXT_MAX_BYTES,
      });
    if (chunk.includes(0)) throw refuse();
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      throw refuse();
    }
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw refuse();
  }
}
