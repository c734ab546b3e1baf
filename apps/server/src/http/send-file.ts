import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ByteRange } from '../platform/storage.ts';
import { parseRange } from './byte-range.ts';
import { AppError, notFound } from './errors.ts';
import { contentDisposition } from './file-names.ts';

/** A stored file on its way out: what it is, and a way to read all or a range of it. */
export interface OutgoingFile {
  /** Never changes for one stored file: replaced files get new ids. */
  etag: string;
  lastModified: Date;
  sizeBytes: number;
  mime: string;
  fileName: string;
  disposition: 'inline' | 'attachment';
  /** The Content-Security-Policy the file is served under (user content: as strict as it can be). */
  csp: string;
  read(range?: ByteRange): Promise<Readable | null>;
}

/**
 * Answer a request for a stored file with the headers user content needs (type from the stored,
 * detected format; `nosniff`; the file's CSP; `private` caching) and byte ranges as media players
 * use them: `Accept-Ranges: bytes`, 206 with `Content-Range` for one range (`a-b`, `a-`, `-n`), 416
 * for a range past the end, the whole file otherwise. `If-None-Match` answers 304; `If-Range` with
 * another validator gets the whole file. The bytes are streamed, never held in memory.
 */
export async function sendFile(req: FastifyRequest, reply: FastifyReply, f: OutgoingFile) {
  const etag = `"${f.etag}"`;
  const validators = () =>
    reply
      .header('etag', etag)
      .header('last-modified', f.lastModified.toUTCString())
      .header('cache-control', 'private, no-cache');
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return validators().code(304).send();

  const ifRange = req.headers['if-range'];
  const asked =
    ifRange && ifRange !== etag ? { kind: 'full' as const } : parseRange(req.headers.range, f.sizeBytes);
  if (asked.kind === 'unsatisfiable')
    throw new AppError(
      'range_not_satisfiable',
      416,
      'The range asked for is past the end of the file',
      undefined,
      {
        'content-range': `bytes */${f.sizeBytes}`,
        'accept-ranges': 'bytes',
      },
    );
  const range = asked.kind === 'partial' ? { start: asked.start, end: asked.end } : undefined;
  // Opened before any file header is set, so a file missing from storage is a plain 404 (and an
  // error answer never carries the file's headers). HEAD gets the headers and no file is opened.
  const stream = req.method === 'HEAD' || f.sizeBytes === 0 ? null : await f.read(range);
  if (!stream && req.method !== 'HEAD' && f.sizeBytes > 0) throw notFound('file');

  const length = range ? range.end - range.start + 1 : f.sizeBytes;
  validators()
    .header('accept-ranges', 'bytes')
    .header('content-type', f.mime.startsWith('text/') ? `${f.mime}; charset=utf-8` : f.mime)
    .header('content-length', String(length))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', f.csp)
    .header('content-disposition', contentDisposition(f.disposition, f.fileName));
  if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${f.sizeBytes}`);
  return reply.send(stream ?? (req.method === 'HEAD' ? undefined : ''));
}
