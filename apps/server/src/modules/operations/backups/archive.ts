import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as tar from 'tar';
import { MANIFEST_ENTRY, Manifest } from './manifest.ts';

/** An archive that cannot be read whole, or whose manifest is missing or unreadable. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

/** Files being written by storage (`<name>.<hex>.tmp`) are not part of any backup. */
const IN_PROGRESS = /\.[0-9a-f]{12}\.tmp$/;

/** Every regular file under `root`, as `/`-separated paths relative to it, in a stable order. */
export async function listFiles(root: string): Promise<{ path: string; size: number }[]> {
  const out: { path: string; size: number }[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && !IN_PROGRESS.test(e.name))
        out.push({ path: relative(root, p).split(sep).join('/'), size: (await lstat(p)).size });
    }
  };
  await walk(root);
  return out;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Write `entries` (paths relative to `cwd`) into a gzip-compressed tar at `file`. Symbolic links are
 * followed (the staging directory links to the uploads), and any warning (a file vanishing mid-way)
 * fails the whole archive.
 */
export async function writeArchive(o: { file: string; cwd: string; entries: string[] }): Promise<void> {
  await tar.c(
    { file: o.file, cwd: o.cwd, gzip: { level: 6 }, follow: true, strict: true, portable: true },
    o.entries,
  );
}

/**
 * Read an archive through once, hashing every entry: its manifest and what each entry really holds.
 * A truncated or corrupted archive (a bad gzip stream, a bad tar header, a short entry) throws
 * `ArchiveError`.
 */
export async function digestArchive(
  file: string,
): Promise<{ manifest: Manifest; entries: Map<string, { size: number; sha256: string }> }> {
  const entries = new Map<string, { size: number; sha256: string }>();
  let manifestText: string | null = null;
  try {
    await tar.t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        const isManifest = entry.path === MANIFEST_ENTRY;
        entry.on('data', (c: Buffer) => {
          hash.update(c);
          size += c.length;
          if (isManifest) chunks.push(c);
        });
        entry.on('end', () => {
          if (entry.type !== 'File') return;
          entries.set(entry.path, { size, sha256: hash.digest('hex') });
          if (isManifest) manifestText = Buffer.concat(chunks).toString('utf8');
        });
      },
    });
  } catch (err) {
    throw new ArchiveError(`the archive is corrupted or truncated (${(err as Error).message})`);
  }
  return { manifest: parseManifest(manifestText), entries };
}

/** Extract the whole archive into `dir` (which must be empty); node-tar refuses paths that escape it. */
export async function extractArchive(file: string, dir: string): Promise<Manifest> {
  try {
    await tar.x({ file, cwd: dir, strict: true, preservePaths: false, noChmod: true });
  } catch (err) {
    throw new ArchiveError(`the archive is corrupted or truncated (${(err as Error).message})`);
  }
  let text: string | null = null;
  try {
    text = await readFile(join(dir, MANIFEST_ENTRY), 'utf8');
  } catch {
    text = null;
  }
  return parseManifest(text);
}

function parseManifest(text: string | null): Manifest {
  if (text === null) throw new ArchiveError('the archive has no manifest.json: it is not a 9tangle backup');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ArchiveError('the archive manifest is not valid JSON');
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success)
    throw new ArchiveError(
      `the archive manifest is not one this version reads: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}
