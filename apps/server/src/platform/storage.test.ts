import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskStorage } from './storage.ts';

const root = mkdtempSync(join(tmpdir(), '9tangle-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const storage = createDiskStorage(root);

/** Every file under a directory of the root, temporary ones included. */
const filesIn = (dir: string) => readdirSync(join(root, dir), { recursive: true }).map(String);

describe('disk storage', () => {
  it('writes a stream of many chunks, then stats it and reads ranges of it', async () => {
    const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(1024, i));
    const { size } = await storage.putStream('media/a/whole.bin', Readable.from(chunks));
    expect(size).toBe(64 * 1024);
    expect(await storage.stat('media/a/whole.bin')).toEqual({ size: 64 * 1024 });
    const whole = await storage.get('media/a/whole.bin');
    expect(whole?.equals(Buffer.concat(chunks))).toBe(true);

    const range = await storage.readStream('media/a/whole.bin', { start: 1023, end: 1025 });
    const bytes: Buffer[] = [];
    for await (const b of range as Readable) bytes.push(b as Buffer);
    expect([...Buffer.concat(bytes)]).toEqual([0, 1, 1]);
    expect(filesIn('media/a')).toEqual(['whole.bin']);
  });

  it('leaves nothing behind, not even a temporary file, when the source fails half-way', async () => {
    async function* failing() {
      yield Buffer.from('the first half');
      throw new Error('upload aborted');
    }
    await expect(storage.putStream('media/b/broken.bin', failing())).rejects.toThrow('upload aborted');
    expect(await storage.stat('media/b/broken.bin')).toBeNull();
    expect(filesIn('media/b')).toEqual([]);
  });

  it('never shows a half-written file: the old bytes stay until the new ones are complete', async () => {
    await storage.put('media/c/file.txt', Buffer.from('old'));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    async function* slow() {
      yield Buffer.from('new ');
      await gate;
      yield Buffer.from('content');
    }
    const writing = storage.putStream('media/c/file.txt', slow());
    await new Promise((r) => setTimeout(r, 20));
    expect(await text((await storage.readStream('media/c/file.txt')) as Readable)).toBe('old');
    release();
    await writing;
    expect(await text((await storage.readStream('media/c/file.txt')) as Readable)).toBe('new content');
    expect(filesIn('media/c')).toEqual(['file.txt']);
  });

  it('answers null for files that do not exist, and deletes quietly', async () => {
    expect(await storage.stat('media/none/x.bin')).toBeNull();
    expect(await storage.readStream('media/none/x.bin')).toBeNull();
    expect(await storage.get('media/none/x.bin')).toBeNull();
    await storage.delete('media/none/x.bin');
  });

  it('refuses keys that could leave the root', async () => {
    for (const key of ['../x', 'media/../../x', '/etc/passwd', 'media', 'Media/x', 'media/.hidden']) {
      await expect(storage.putStream(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/unsafe/);
    }
  });
});
