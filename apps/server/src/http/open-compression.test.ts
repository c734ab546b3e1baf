import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { closeStream, openStream } from './open-compression.ts';

const page = Buffer.from(`<!doctype html><html><body>${'<p>A lesson of the course</p>'.repeat(2000)}`);
const decode = { br: brotliDecompressSync, gzip: gunzipSync };

describe('a compressed page left open, with a part appended as it is', () => {
  for (const encoding of ['br', 'gzip'] as const) {
    it(`decodes (${encoding}) to the page followed by each answer's own part`, async () => {
      const open = await openStream(page, encoding);
      expect(open.bytes.length).toBeLessThan(page.length / 10);
      for (const tail of ['', '<script>{"me":"Zoë \u2028"}</script></body></html>', 'x']) {
        const body = closeStream(open, encoding, Buffer.from(tail));
        expect(decode[encoding](body).toString()).toBe(`${page}${tail}`);
      }
    });

    it(`keeps a part larger than one stored block (${encoding}), and random bytes`, async () => {
      const open = await openStream(page, encoding);
      for (const tail of [Buffer.alloc(70_000, 'a'), Buffer.alloc(65_535, 'b'), randomBytes(131_073)]) {
        expect(decode[encoding](closeStream(open, encoding, tail)).equals(Buffer.concat([page, tail]))).toBe(
          true,
        );
      }
    });
  }

  it('is read by an independent gzip decoder, trailer (CRC and length) included', async () => {
    const body = closeStream(await openStream(page, 'gzip'), 'gzip', Buffer.from('<p>tail</p>'));
    expect(execFileSync('gzip', ['-dc'], { input: body }).toString()).toBe(`${page}<p>tail</p>`);
  });

  it('makes a gzip trailer the decoder checks: a wrong CRC is refused', async () => {
    const body = closeStream(await openStream(page, 'gzip'), 'gzip', Buffer.from('<p>tail</p>'));
    body[body.length - 8] = (body[body.length - 8] ?? 0) ^ 1;
    expect(() => gunzipSync(body)).toThrow();
  });
});
