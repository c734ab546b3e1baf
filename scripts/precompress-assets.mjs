// After `vite build`: a brotli (quality 11) and a gzip (level 9) copy beside each compressible hashed
// asset of apps/web/dist/client/assets, so the server sends them as they are (fastify-static's
// `preCompressed`) instead of compressing the same immutable bytes for every new visitor.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? new URL('../apps/web/dist/client/assets', import.meta.url).pathname;
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html|xml|webmanifest|ttf|otf)$/;
let files = 0;
let before = 0;
let after = 0;
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!COMPRESSIBLE.test(name) || statSync(path).size < 1024) continue;
  const body = readFileSync(path);
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]:
        name.endsWith('.ttf') || name.endsWith('.otf')
          ? constants.BROTLI_MODE_GENERIC
          : constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  files += 1;
  before += body.length;
  after += br.length;
}
console.log(
  `precompressed ${files} assets: ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB (brotli)`,
);
