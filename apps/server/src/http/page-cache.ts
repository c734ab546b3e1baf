import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, gzip } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { closeStream, type OpenStream, openStream, pageBrotliParams } from './open-compression.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * A rendered public page and its compressed forms, each made once, when first asked for. Once the
 * brotli form exists the page is kept as that alone (a ninth of the bytes): the rare answer without
 * brotli is decompressed from it.
 */
interface CachedPage {
  identity?: Buffer;
  br?: Promise<Buffer>;
  brBytes?: Buffer;
  gzip?: Promise<Buffer>;
}

/**
 * A page shared by every account of a role (ADR 039): the HTML up to the per-request part, kept
 * compressed and open, and what follows that part (the end of the template), sent with it.
 */
interface SharedPage {
  head: Buffer;
  /** Bytes, not a slice of the rendered page's string (a slice would keep the whole page alive). */
  end: Buffer;
  br?: Promise<OpenStream>;
  gzip?: Promise<OpenStream>;
}

/** The best encoding the request accepts of ours: brotli, then gzip (a `q=0` refuses one). */
export function acceptedEncoding(req: FastifyRequest): Encoding {
  const header = String(req.headers['accept-encoding'] ?? '').toLowerCase();
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

/**
 * Rendered public pages by ETag (ADR 037). The ETag of a public page names everything it shows — the
 * build, the shared catalog version, the guest banners, the language and the URL — so an entry is never
 * stale: a change makes a new ETag and the old entry simply stops being asked for. Each instance keeps
 * its own; the version they share (Redis) is what keeps them right.
 */
export function createPageCache(maxBytes = 16 * 1024 * 1024) {
  const pages = new LRUCache<string, CachedPage | SharedPage>({
    maxSize: maxBytes,
    sizeCalculation: sizeOf,
  });
  const identityOf = (page: CachedPage): Buffer =>
    page.identity ?? brotliDecompressSync(page.brBytes as Buffer);
  return {
    has: (etag: string) => pages.has(etag),
    /**
     * Keeps a rendered page. An ETag names everything the page shows, so a page stored already (by a
     * request that rendered it at the same time) is kept with whatever was compressed of it.
     */
    store(etag: string, html: string) {
      if (!pages.has(etag)) pages.set(etag, { identity: Buffer.from(html) });
    },
    /** The page's bytes in `encoding`, compressing once at a high quality (it is served many times). */
    async get(etag: string, encoding: Encoding): Promise<Buffer | null> {
      const page = pages.get(etag);
      if (!page || 'head' in page) return null;
      if (encoding === 'identity') return identityOf(page);
      if (encoding === 'gzip') {
        page.gzip ??= gz(identityOf(page), { level: 9 });
        return page.gzip;
      }
      if (!page.br) {
        const identity = identityOf(page);
        page.br = brotli(identity, { params: pageBrotliParams(identity.length) }).then((br) => {
          page.brBytes = br;
          page.identity = undefined;
          // Counted again at its new size, if it is still kept (lru-cache sizes an entry when it is
          // set, and setting the same value again changes nothing).
          if (pages.peek(etag) === page) {
            pages.delete(etag);
            pages.set(etag, page);
          }
          return br;
        });
      }
      return page.br;
    },
    /** Keeps a shared page: `head`, then a part each answer writes (`own` of `getShared`), then `end`. */
    storeShared(key: string, head: string, end: string) {
      if (!pages.has(key)) pages.set(key, { head: Buffer.from(head), end: Buffer.from(end) });
    },
    /**
     * The shared page with this answer's own part (`own`, a few hundred bytes) in `encoding`: the head
     * compressed once and left open, the part and the end appended as they are.
     */
    async getShared(key: string, encoding: Encoding, own: string): Promise<Buffer | null> {
      const page = pages.get(key);
      if (!page || !('head' in page)) return null;
      const tail = Buffer.concat([Buffer.from(own), page.end]);
      if (encoding === 'identity') return Buffer.concat([page.head, tail]);
      if (encoding === 'br') page.br ??= openStream(page.head, 'br');
      else page.gzip ??= openStream(page.head, 'gzip');
      const open = encoding === 'br' ? page.br : page.gzip;
      if (!open) return null;
      return closeStream(await open, encoding, tail);
    },
  };
}
export type PageCache = ReturnType<typeof createPageCache>;

/** What an entry holds: its bytes, and about a fifth more while its compressed forms are still to come. */
function sizeOf(page: CachedPage | SharedPage): number {
  if ('head' in page) return Math.ceil((page.head.length + page.end.length) * 1.25) || 1;
  if (page.identity) return Math.ceil(page.identity.length * 1.25) || 1;
  return (page.brBytes?.length ?? 0) * 2 || 1;
}
