import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { acceptedEncoding } from './page-cache.ts';
import { addVary } from './public-cache.ts';

const MIN_BYTES = 1024;
/** Larger answers are left to @fastify/compress, which streams them without blocking the loop. */
const MAX_BYTES = 256 * 1024;
/**
 * Brotli's quality for an answer made per request. Measured on the outline (16.7 KB) and my courses
 * (10 KB): quality 4 cost 120–160 µs of CPU and gave 2.1–2.8 KB, quality 1 costs 36–42 µs and gives
 * 2.4–3.2 KB; a tenth of a millisecond is a tenth of a signed-in call's budget, 400 bytes is nothing.
 * Pages cached per ETag (ADR 037) are compressed once, at a high quality, elsewhere.
 */
const BROTLI_QUALITY = 1;
const COMPRESSIBLE = /^(application\/(json|javascript|xml|problem\+json)|text\/|image\/svg\+xml)/;

/**
 * Compresses an answer the server already holds whole (a serialised JSON body, an HTML page) in one
 * synchronous call. @fastify/compress builds a stream pipeline per response, which cost a few tenths of
 * a millisecond per API answer, more than the compression itself (docs/performance.md). Streams
 * (files, downloads) and anything outside these bounds still go through it; an answer that already
 * names its encoding (a cached page, ADR 037) is left as it is.
 */
export function registerAnswerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.getHeader('content-encoding') || reply.statusCode < 200 || reply.statusCode === 204)
      return payload;
    if (reply.statusCode === 206 || reply.getHeader('content-range') !== undefined) return payload;
    if (req.headers['x-no-compression'] !== undefined) return payload;
    const size = Buffer.byteLength(payload);
    if (size < MIN_BYTES || size > MAX_BYTES) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? 'application/json'))) return payload;
    const encoding = acceptedEncoding(req);
    if (encoding === 'identity') return payload;
    const body =
      encoding === 'br'
        ? brotliCompressSync(payload, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: size,
            },
          })
        : gzipSync(payload, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    addVary(reply, 'Accept-Encoding');
    return body;
  });
}
