import { promisify } from 'node:util';
import { brotliCompress, constants, crc32, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * A compressed page left open, so a per-request part can follow it without compressing the whole page
 * again (ADR 039). Neither format allows two compressed streams to be joined (brotli has one header
 * per stream; browsers are not required to read a second gzip member), but both can carry bytes as
 * they are inside one stream: brotli's uncompressed meta-blocks (RFC 7932 §9.2) and deflate's stored
 * blocks (RFC 1951 §3.2.4). So the shared part is compressed once, flushed to a byte boundary and not
 * finished; each answer appends its few hundred bytes stored, then the stream's end.
 */
export interface OpenStream {
  /** The compressed bytes, flushed, with no end of stream. */
  bytes: Buffer;
  /** CRC-32 and length of what they hold: the gzip trailer covers the whole page. */
  crc: number;
  length: number;
}

/**
 * Brotli's settings for a page compressed once and served many times: quality 9, in a 64 KB window.
 * The window picks the encoder's match finder: up to 16 bits a small one, about 3 MB of working
 * memory; above, a table of 2^15 × 2^8 entries, 22–25 MB for each page being compressed (four at once
 * in libuv's pool were the server's highest RSS). On our 60–80 KB pages the answer is 9 bytes longer,
 * and made in a third of the time.
 */
export function pageBrotliParams(size: number): Record<number, number> {
  return {
    [constants.BROTLI_PARAM_QUALITY]: 9,
    [constants.BROTLI_PARAM_LGWIN]: 16,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  };
}

/** `data` compressed at a high quality (it is served many times), flushed and left open. */
export async function openStream(data: Buffer, encoding: 'br' | 'gzip'): Promise<OpenStream> {
  const bytes =
    encoding === 'br'
      ? await brotli(data, {
          finishFlush: constants.BROTLI_OPERATION_FLUSH,
          params: pageBrotliParams(data.length),
        })
      : await gz(data, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return { bytes, crc: crc32(data), length: data.length };
}

const BROTLI_MAX_STORED = 1 << 16;
const DEFLATE_MAX_STORED = 0xffff;

/** The open stream, then `tail` stored as it is, then the end of the stream: one valid answer. */
export function closeStream(open: OpenStream, encoding: 'br' | 'gzip', tail: Buffer): Buffer {
  return Buffer.concat([open.bytes, ...(encoding === 'br' ? brotliTail(tail) : gzipTail(open, tail))]);
}

function brotliTail(tail: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  for (let at = 0; at < tail.length; at += BROTLI_MAX_STORED) {
    const chunk = tail.subarray(at, at + BROTLI_MAX_STORED);
    // ISLAST 0, MNIBBLES 0 (four nibbles), MLEN - 1 in 16 bits, ISUNCOMPRESSED 1, then zero bits up to
    // the byte boundary: 20 bits in three bytes, least significant first.
    const header = ((chunk.length - 1) << 3) | (1 << 19);
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), chunk);
  }
  // ISLAST 1, ISLASTEMPTY 1: the stream ends.
  parts.push(Buffer.from([0b11]));
  return parts;
}

function gzipTail(open: OpenStream, tail: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  do {
    const chunk = tail.subarray(at, at + DEFLATE_MAX_STORED);
    at += chunk.length;
    // BFINAL on the last block, BTYPE 00 (stored), padding; then LEN and its one's complement.
    const header = Buffer.alloc(5);
    header[0] = at >= tail.length ? 1 : 0;
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    parts.push(header, chunk);
  } while (at < tail.length);
  const trailer = Buffer.alloc(8);
  // An empty buffer can have no memory behind it, and zlib's crc32 answers 0 for that: keep the CRC.
  trailer.writeUInt32LE(tail.length > 0 ? crc32(tail, open.crc) : open.crc, 0);
  trailer.writeUInt32LE((open.length + tail.length) >>> 0, 4);
  parts.push(trailer);
  return parts;
}
