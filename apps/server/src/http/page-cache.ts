import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { closeStream, type OpenStream, openStream } from './open-compression.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

/** A rendered public page and its compressed forms, each made once, when first asked for. */
interface CachedPage {
  identity: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

/**
 * A page shared by every account of a role (ADR 039): the HTML up to the per-request part, kept
 * compressed and open, and what follows that part (the end of the template), sent with it.
 */
interface SharedPage {
  head: Buffer;
  end: string;
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
export function createPageCache(maxBytes = 32 * 1024 * 1024) {
  const pages = new LRUCache<string, CachedPage | SharedPage>({
    maxSize: maxBytes,
    // The identity bytes and about a fifth more for the compressed forms.
    sizeCalculation: (p) => Math.ceil(('identity' in p ? p.identity : p.head).length * 1.25) || 1,
  });
  return {
    has: (etag: string) => pages.has(etag),
    store(etag: string, html: string) {
      pages.set(etag, { identity: Buffer.from(html) });
    },
    /** The page's bytes in `encoding`, compressing once at a high quality (it is served many times). */
    async get(etag: string, encoding: Encoding): Promise<Buffer | null> {
      const page = pages.get(etag);
      if (!page || !('identity' in page)) return null;
      if (encoding === 'identity') return page.identity;
      if (encoding === 'br')
        page.br ??= brotli(page.identity, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: page.identity.length,
          },
        });
      else page.gzip ??= gz(page.identity, { level: 9 });
      return (encoding === 'br' ? page.br : page.gzip) ?? null;
    },
    /** Keeps a shared page: `head`, then a part each answer writes (`own` of `getShared`), then `end`. */
    storeShared(key: string, head: string, end: string) {
      pages.set(key, { head: Buffer.from(head), end });
    },
    /**
     * The shared page with this answer's own part (`own`, a few hundred bytes) in `encoding`: the head
     * compressed once and left open, the part and the end appended as they are.
     */
    async getShared(key: string, encoding: Encoding, own: string): Promise<Buffer | null> {
      const page = pages.get(key);
      if (!page || 'identity' in page) return null;
      const tail = Buffer.from(own + page.end);
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
