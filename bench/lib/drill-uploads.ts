// The drill's uploads (bench/drill.ts): what an academy's DATA_DIR/uploads holds, in the app's own key
// layout — thumbnails, avatars, lesson PDFs and videos, 5 KB – 5 MB, the same bytes on every run.
import { createCipheriv, createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { seededRandom } from '../../chaos/support/random.ts';

const uuidOf = (s: string) => {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
/** Incompressible bytes (media is already compressed): AES-CTR over zeros, keyed by the file. */
const noise = (key: string, size: number) =>
  createCipheriv('aes-128-ctr', createHash('md5').update(key).digest(), Buffer.alloc(16)).update(
    Buffer.alloc(size),
  );
/** A lesson PDF: text streams (compressible) with embedded images (not). */
function pdfLike(key: string, size: number): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let n = parts[0]?.length ?? 0;
  for (let i = 0; n < size; i++) {
    const chunk =
      i % 3 === 2
        ? noise(`${key}:${i}`, 32_768)
        : Buffer.from(
            `${i} 0 obj << /Length 4096 >> stream\nBT /F1 11 Tf 72 ${700 - (i % 50)} Td (Lesson ${key.slice(-6)}, part ${i}: the steps, one at a time) Tj ET\n`.repeat(
              40,
            ),
          );
    parts.push(chunk);
    n += chunk.length;
  }
  return Buffer.concat(parts).subarray(0, size);
}

const KINDS = [
  { kind: 'thumbnail', count: 200, min: 20_000, max: 300_000 },
  { kind: 'avatar', count: 40, min: 5_000, max: 60_000 },
  { kind: 'pdf', count: 50, min: 100_000, max: 2_000_000 },
  { kind: 'video', count: 10, min: 2_000_000, max: 5_000_000 },
] as const;

export async function writeUploads(
  dir: string,
  courseIds: string[],
): Promise<{ files: number; bytes: number }> {
  // Seeded: the same run writes the same files (sizes, names, bytes).
  const rand = seededRandom(7).next;
  let files = 0;
  let bytes = 0;
  for (const k of KINDS)
    for (let i = 0; i < k.count; i++) {
      const size = Math.round(k.min + (k.max - k.min) * rand() ** 2);
      const id = uuidOf(`${k.kind}:${i}`);
      const course = courseIds[(i * 7) % courseIds.length] ?? 'none';
      const [path, data] =
        k.kind === 'thumbnail'
          ? [
              `thumbnails/${id}.jpg`,
              Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), noise(id, size - 4)]),
            ]
          : k.kind === 'avatar'
            ? [
                `avatars/${id}.png`,
                Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), noise(id, size - 8)]),
              ]
            : k.kind === 'pdf'
              ? [`media/${course}/${id}.pdf`, pdfLike(id, size)]
              : [
                  `media/${course}/${id}.mp4`,
                  Buffer.concat([Buffer.from('\0\0\0\x20ftypisom', 'latin1'), noise(id, size - 12)]),
                ];
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), data);
      files++;
      bytes += data.length;
    }
  return { files, bytes };
}
