import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An inclusive byte range of a stored file (`{ start: 0, end: 99 }` is the first hundred bytes). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Uploaded files behind one interface: local disk under DATA_DIR/uploads today, S3-compatible later.
 * Keys are made by the server (`media/<course>/<uuid>.pdf`), never taken from a user.
 */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /**
   * Write a stream of any length without holding it in memory. Atomic: readers see the whole file or
   * none, and if the source fails (an aborted upload, a refused type) nothing is left behind.
   * Resolves with the number of bytes written.
   */
  putStream(key: string, source: Readable | AsyncIterable<Buffer>): Promise<{ size: number }>;
  /** The size of a stored file, or null when there is none. */
  stat(key: string): Promise<{ size: number } | null>;
  /** A stream of the file (or of one byte range of it), or null when there is none. */
  readStream(key: string, range?: ByteRange): Promise<Readable | null>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)+$/;

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export function createDiskStorage(root: string): Storage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    // Keys are made by the server, never taken from a user; still, nothing may escape the root.
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
    const p = resolve(join(base, key));
    if (!p.startsWith(base + sep)) throw new Error(`unsafe storage key: ${key}`);
    return p;
  };
  // A temporary name of its own per write: two writers of one key never share a half-written file.
  const tmpOf = (p: string) => `${p}.${randomBytes(6).toString('hex')}.tmp`;
  return {
    async put(key, data) {
      const p = pathOf(key);
      await mkdir(dirname(p), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const tmp = tmpOf(p);
      try {
        await writeFile(tmp, data, { flag: 'wx' });
        await rename(tmp, p);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async putStream(key, source) {
      const p = pathOf(key);
      await mkdir(dirname(p), { recursive: true });
      const tmp = tmpOf(p);
      const out = createWriteStream(tmp, { flags: 'wx' });
      try {
        await pipeline(source, out);
        await rename(tmp, p);
        return { size: out.bytesWritten };
      } catch (err) {
        // The file is opened asynchronously: a source failing at once could make rm run before the
        // open creates it. Removed only once the stream is closed, nothing is left behind.
        out.destroy();
        if (!out.closed) await new Promise<void>((r) => out.once('close', () => r()));
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async stat(key) {
      try {
        const s = await stat(pathOf(key));
        return s.isFile() ? { size: s.size } : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async readStream(key, range) {
      const p = pathOf(key);
      const stream = createReadStream(p, range ? { start: range.start, end: range.end } : {});
      // Open first, so a missing file is a null here rather than an error in the middle of a response.
      return new Promise((done, fail) => {
        stream.once('open', () => done(stream));
        stream.once('error', (err) => (isMissing(err) ? done(null) : fail(err)));
      });
    },
  };
}
