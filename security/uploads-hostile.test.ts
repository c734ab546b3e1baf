import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anAccount,
  manualOrder,
  sendProof,
} from '../apps/server/src/modules/commerce/manual/manual.test-support.ts';
import { signedIn, studioCourse } from '../apps/server/test/catalog.ts';
import { type Client, createTestApp, type TestApp } from '../apps/server/test/harness.ts';
import { FILES } from '../apps/server/test/media.ts';
import { type Part, postMultipart } from '../apps/server/test/multipart.ts';

/**
 * Issue 7: hostile uploads through every upload route. A file that lies about its type, an SVG or
 * HTML page with script, polyglots, path tricks in the name, an oversized file: each is refused
 * (4xx in the error envelope), or stored and served inert: its type from its bytes, never HTML, SVG
 * or script; `nosniff`; a CSP that runs nothing; a plain file name; and nothing written outside the
 * data directory.
 */
const PNG = FILES.png;
const HOSTILE: { what: string; filename: string; contentType: string; data: Buffer }[] = [
  { what: 'HTML named .png', filename: 'photo.png', contentType: 'image/png', data: FILES.html },
  { what: 'SVG with onload', filename: 'logo.svg', contentType: 'image/svg+xml', data: FILES.svg },
  {
    what: 'SVG with script, named .png',
    filename: 'logo.png',
    contentType: 'image/png',
    data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  },
  { what: 'HTML as text/html', filename: 'page.html', contentType: 'text/html', data: FILES.html },
  { what: 'exe named .pdf', filename: 'notes.pdf', contentType: 'application/pdf', data: FILES.exe },
  {
    what: 'GIF/JavaScript polyglot',
    filename: 'x.gif',
    contentType: 'image/gif',
    data: Buffer.from('GIF89a/*\x00\x00\x00\x00*/=1;alert(1);//<script>alert(1)</script>'),
  },
  {
    what: 'PNG with HTML appended',
    filename: 'x.png',
    contentType: 'image/png',
    data: Buffer.concat([PNG, Buffer.from('<html><script>alert(1)</script></html>')]),
  },
  {
    what: 'PDF with HTML after it',
    filename: 'x.pdf',
    contentType: 'application/pdf',
    data: Buffer.concat([FILES.pdf, Buffer.from('<html><script>alert(1)</script></html>')]),
  },
  {
    what: 'traversal name',
    filename: '../../../../tmp/evil-upload.png',
    contentType: 'image/png',
    data: PNG,
  },
  {
    what: 'backslash traversal',
    filename: '..\\..\\..\\evil-upload.png',
    contentType: 'image/png',
    data: PNG,
  },
  { what: 'absolute name', filename: '/etc/evil-upload.png', contentType: 'image/png', data: PNG },
  { what: 'encoded traversal', filename: '..%2f..%2fevil-upload.png', contentType: 'image/png', data: PNG },
  { what: 'double extension', filename: 'photo.png.html', contentType: 'text/html', data: PNG },
  { what: 'RTL override name', filename: 'gpj.\u202Elmth.png', contentType: 'image/png', data: PNG },
  { what: 'quote in name', filename: 'a";x=".png', contentType: 'image/png', data: PNG },
  { what: 'long name', filename: `${'a'.repeat(1000)}.png`, contentType: 'image/png', data: PNG },
  { what: 'empty name', filename: '', contentType: 'image/png', data: PNG },
  { what: 'empty file', filename: 'empty.png', contentType: 'image/png', data: Buffer.alloc(0) },
  {
    what: 'oversized (11 MB)',
    filename: 'huge.png',
    contentType: 'image/png',
    data: Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]),
  },
];
/** Types a browser would run or render as a document. */
const ACTIVE = /html|svg|xml|javascript|ecmascript/i;

interface UploadRoute {
  name: string;
  send: (part: Part) => Promise<LightMyRequestResponse>;
}

let t: TestApp;
let admin: Client;
let routes: UploadRoute[];
beforeAll(async () => {
  t = await createTestApp({ ownDatabase: true });
  admin = (await signedIn(t, 'admin')).client;
  const { course, section } = await studioCourse(admin);
  const lesson = async (type: string) =>
    (await admin.post(`/api/studio/sections/${section.id}/lessons`, { title: `A ${type}`, type })).json() as {
      id: string;
    };
  const [video, pdf, resources] = [await lesson('video'), await lesson('pdf'), await lesson('resources')];
  const product = (
    await admin.post('/api/admin/products', {
      name: 'Upload target',
      type: 'digital',
      priceMinor: 100,
      currency: 'PKR',
    })
  ).json() as { id: string };
  const member = (await admin.post('/api/admin/team', { name: 'Upload target', role: 'Teacher' })).json() as {
    id: string;
  };
  const buyer = await manualOrder(t);
  const account = await anAccount(t, { method: 'jazzcash' });
  const as =
    (client: Client, url: string, field = 'file', fields: Record<string, string> = {}) =>
    (part: Part) =>
      postMultipart(t.app, client, url, [
        ...Object.entries(fields).map(([name, data]) => ({ name, data })),
        { ...part, name: field },
      ]);
  routes = [
    { name: 'avatar', send: as(admin, '/api/account/avatar') },
    { name: 'course thumbnail', send: as(admin, `/api/studio/courses/${course.id}/thumbnail`) },
    { name: 'video lesson file', send: as(admin, `/api/studio/lessons/${video.id}/file`) },
    { name: 'PDF lesson file', send: as(admin, `/api/studio/lessons/${pdf.id}/file`) },
    { name: 'lesson resource', send: as(admin, `/api/studio/lessons/${resources.id}/resources`) },
    { name: 'course intro video', send: as(admin, `/api/studio/courses/${course.id}/intro-video`) },
    {
      name: 'daily video',
      send: as(admin, `/api/studio/courses/${course.id}/daily-videos`, 'file', { title: 'Day', day: '1' }),
    },
    { name: 'product image', send: as(admin, `/api/admin/products/${product.id}/images`) },
    { name: 'product file', send: as(admin, `/api/admin/products/${product.id}/file`) },
    { name: 'content image', send: as(admin, '/api/admin/content/images') },
    { name: 'team photo', send: as(admin, `/api/admin/team/${member.id}/photo`) },
    {
      name: 'manual payment proof',
      send: (part) =>
        sendProof(t, buyer.client, buyer.order.number, {
          accountId: account.id,
          file: part.data as Buffer,
          fileName: part.filename,
        }),
    },
  ];
});
afterAll(async () => t?.close());

/** Every `/api/files/...` address in an answer. */
function fileUrls(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && value.startsWith('/api/files/')) found.push(value);
  else if (Array.isArray(value)) for (const v of value) fileUrls(v, found);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) fileUrls(v, found);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('hostile uploads', () => {
  it(`refuses or serves inert ${HOSTILE.length} hostile files through every upload route`, async () => {
    const problems: string[] = [];
    const tally = { refused: 0, storedInert: 0, served: 0 };
    for (const route of routes) {
      for (const h of HOSTILE) {
        const res = await route.send({
          name: 'file',
          filename: h.filename,
          contentType: h.contentType,
          data: h.data,
        });
        const label = `${route.name} / ${h.what}`;
        if (res.statusCode >= 500) problems.push(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 400) {
          tally.refused += 1;
          const e = res.json().error;
          if (typeof e?.code !== 'string') problems.push(`${label}: refusal without an error code`);
          continue;
        }
        tally.storedInert += 1;
        const body = res.body;
        if (/\.\.[/\\]|\/etc\/|[/\\]tmp[/\\]/.test(body))
          problems.push(`${label}: a path trick survived in ${body.slice(0, 200)}`);
        for (const url of fileUrls(res.json())) {
          const served = await admin.get(url);
          if (served.statusCode !== 200) continue;
          tally.served += 1;
          const type = String(served.headers['content-type'] ?? '');
          const disposition = String(served.headers['content-disposition'] ?? '');
          const csp = String(served.headers['content-security-policy'] ?? '');
          if (ACTIVE.test(type)) problems.push(`${label}: served as ${type}`);
          if (served.headers['x-content-type-options'] !== 'nosniff') problems.push(`${label}: no nosniff`);
          if (!/default-src 'none'|sandbox/.test(csp))
            problems.push(`${label}: CSP "${csp}" would run things`);
          if (/filename="[^"]*[/\\]|\.\.[/\\]/.test(disposition))
            problems.push(`${label}: disposition ${disposition}`);
          if (
            !/^(image|video|audio)\//.test(type) &&
            type !== 'application/pdf' &&
            !/attachment/.test(disposition)
          )
            problems.push(`${label}: ${type} served inline`);
        }
      }
    }
    // Nothing escaped the data directory: every stored file is inside it.
    const dataDir = realpathSync(resolve(t.config.dataDir));
    for (const f of filesUnder(dataDir))
      if (!realpathSync(f).startsWith(dataDir)) problems.push(`outside: ${f}`);
    for (const dir of ['/tmp', '/etc'])
      if (readdirSync(dir).includes('evil-upload.png')) problems.push(`written to ${dir}/evil-upload.png`);
    console.log(`uploads: ${JSON.stringify({ routes: routes.length, files: HOSTILE.length, ...tally })}`);
    expect(problems).toEqual([]);
  });
});
