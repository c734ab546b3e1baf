import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, badRequest } from './errors.ts';
import { cleanFileName } from './file-names.ts';

const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', 413, `The file is larger than ${formatMiB(maxBytes)}`, { maxBytes });
const formatMiB = (bytes: number) =>
  bytes >= 1_048_576 ? `${Math.round(bytes / 1_048_576)} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * The bytes of the one file sent as multipart/form-data in field `file`, or a clear 400/413. What the
 * bytes are is checked by the service that stores them (by content, never by name or declared type).
 */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!req.isMultipart())
    throw badRequest('validation_failed', 'Send the file as multipart/form-data in field "file"');
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } }).catch(malformed);
  if (file?.fieldname !== 'file') throw badRequest('validation_failed', 'Send the file in field "file"');
  return file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    return malformed(err);
  });
}

/**
 * The multipart parser (busboy) fails a body that breaks the framing (an empty boundary, a body cut
 * short, a part without headers) with a plain `Error` and no status: that is the sender's fault, 400.
 * Errors that carry a status (the plugin's own: too many files, not multipart) keep theirs.
 */
export function malformed(err: unknown): never {
  if (err instanceof AppError || (err as { statusCode?: number }).statusCode !== undefined) throw err;
  throw badRequest('validation_failed', 'The multipart/form-data body is malformed');
}

/** A file arriving in a request, read as it comes: never held whole in memory. */
export interface IncomingFile {
  /** The uploader's name for it, cleaned (a label only, never a path). */
  fileName: string;
  /** The bytes; the iteration fails with 413 past the limit and with 408 when the sender stalls. */
  chunks: AsyncIterable<Buffer>;
  /** Stop reading (the upload was refused): the rest of the request is not waited for. */
  discard(): void;
}

/**
 * An upload the service opens once it has checked who may send it and decided the size limit, so a
 * stranger's request is refused before a byte of its body is read.
 */
export interface UploadSource {
  open(maxBytes: number): Promise<IncomingFile>;
}

/** A sender that sends nothing for this long has gone: the upload fails with 408. */
const IDLE_MS = 60_000;
/** Room for the multipart framing around the file when checking `Content-Length` against a limit. */
const FRAMING_BYTES = 64 * 1024;

/** The streamed upload of a request to a route with `config: { longUpload: true }`. */
export function uploadSource(req: FastifyRequest): UploadSource {
  return {
    async open(maxBytes) {
      if (!req.isMultipart())
        throw badRequest('validation_failed', 'Send the file as multipart/form-data in field "file"');
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes + FRAMING_BYTES) throw tooLarge(maxBytes);
      const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } }).catch(malformed);
      if (part?.fieldname !== 'file') {
        part?.file.resume();
        throw badRequest('validation_failed', 'Send the file in field "file"');
      }
      const file = part.file;
      async function* chunks(): AsyncGenerator<Buffer> {
        const it = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        let size = 0;
        for (;;) {
          const next = await withIdleTimeout(it.next(), () => file.destroy()).catch(malformed);
          if (next.done) break;
          size += next.value.length;
          if (size > maxBytes) throw tooLarge(maxBytes);
          yield next.value;
        }
        // busboy stops at the limit and ends the stream, marking it truncated.
        if (file.truncated) throw tooLarge(maxBytes);
      }
      return { fileName: cleanFileName(part.filename), chunks: chunks(), discard: () => file.destroy() };
    },
  };
}

async function withIdleTimeout<T>(p: Promise<T>, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<never>((_, fail) => {
    timer = setTimeout(() => {
      onTimeout();
      fail(new AppError('request_timeout', 408, 'The upload stalled; try again'));
    }, IDLE_MS);
  });
  try {
    return await Promise.race([p, idle]);
  } finally {
    clearTimeout(timer);
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route receives big uploads: exempt from the whole-request timeout (an idle timeout applies). */
    longUpload?: boolean;
  }
}

const LONG_UPLOAD = Symbol('longUpload');
type MarkedSocket = Socket & { [LONG_UPLOAD]?: boolean };

/**
 * `REQUEST_TIMEOUT_SECONDS` bounds the time to receive a whole request (slow-client protection), which
 * no 1 GB video could meet on an ordinary connection. Node offers no per-route timeout, so the
 * socket of a request to a `longUpload` route is marked while the request runs, and Node's timeout
 * (a `clientError`) is ignored for marked sockets; their uploads stop instead when the sender goes
 * quiet for a minute (`IDLE_MS`). A refused upload closes the connection rather than wait for the
 * rest of a body nobody will read.
 */
export function allowLongUploads(app: FastifyInstance): void {
  const original = app.server.listeners('clientError') as ((err: Error, socket: Socket) => void)[];
  app.server.removeAllListeners('clientError');
  app.server.on('clientError', (err: NodeJS.ErrnoException, socket: MarkedSocket) => {
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' && socket[LONG_UPLOAD]) return;
    for (const listener of original) listener.call(app.server, err, socket);
  });
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config.longUpload) (req.raw.socket as MarkedSocket)[LONG_UPLOAD] = true;
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.routeOptions.config.longUpload && !req.raw.readableEnded) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (req) => {
    const socket = req.raw.socket as MarkedSocket | null;
    // The next request on a kept-alive connection is timed as usual.
    if (socket && req.routeOptions.config.longUpload) delete socket[LONG_UPLOAD];
  });
}
