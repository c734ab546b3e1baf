import { randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { signInAs } from '../../test/sign-in.ts';
import { standInWebDist } from '../../test/web-dist.ts';
import { announcements, type UserRow } from '../db/schema/index.ts';
import { buildUser } from '../seed/factories.ts';

// A stand-in for the built web app whose render prints every part of the account it was given and the
// banners, and counts its renders: so a test sees exactly what went into the HTML a page keeps.
const webDist = standInWebDist({
  template:
    '<!doctype html><html lang="en" dir="ltr"><head><!--app-head--></head><body><div id="root"><!--app-html--></div><!--app-state--></body></html>',
  serverEntry: `export async function render(url, state) {
    globalThis.__sharedRenders = (globalThis.__sharedRenders ?? 0) + 1;
    const me = state.me;
    const who = me ? ['account', me.user.role, me.user.id, me.user.name, me.user.email, me.csrfToken].join('|') : 'visitor';
    const q = state.queries.find((q) => q.key[0] === 'announcements');
    const banners = q ? q.data.items.map((a) => a.title).join(',') : '';
    return { html: '<main>' + who + '</main><aside>' + banners + '</aside>', head: '<title>t</title>',
      status: 200, lang: state.lang, dir: 'ltr' };
  }`,
});
const renders = () => (globalThis as { __sharedRenders?: number }).__sharedRenders ?? 0;

interface Viewer {
  row: UserRow;
  client: Client;
}

let t: TestApp;
let admin: Viewer;
const made: string[] = [];
const PLAYER = () => `/courses/shared-${randomInt(1e9)}/learn`;

beforeAll(async () => {
  t = await createTestApp({ webDist });
  admin = await viewer('admin');
});
afterAll(async () => {
  if (made.length) await t.platform.database.db.delete(announcements).where(inArray(announcements.id, made));
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

async function viewer(role: 'student' | 'instructor' | 'admin', verified = true): Promise<Viewer> {
  const row = await buildUser(t.platform.database.db, { role, verified });
  return { row, client: await signInAs(t, row) };
}

/** The page as `v` gets it, in plain text whatever the encoding, and the state blocks it carries. */
async function page(v: Viewer, url: string, encoding = 'gzip, deflate, br') {
  const res = await v.client.request('GET', url, undefined, { 'accept-encoding': encoding });
  const raw = res.rawPayload;
  const enc = res.headers['content-encoding'];
  const html = (enc === 'br' ? brotliDecompressSync(raw) : enc === 'gzip' ? gunzipSync(raw) : raw).toString();
  const block = (id: string) => {
    const m = new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`).exec(html);
    return m ? JSON.parse(m[1] as string) : undefined;
  };
  return { res, html, state: block('__APP_STATE__'), account: block('__APP_ACCOUNT__') };
}

/** Everything that names `v`: none of it may be in a page sent to anyone else. */
const traces = (v: Viewer) => [v.row.id, v.row.name, v.row.email, v.client.csrf as string];

describe('signed-in pages shared by the accounts of a role (ADR 039)', () => {
  it('renders the player once for two students, each answer carrying only its own account', async () => {
    const url = PLAYER();
    const [a, b] = [await viewer('student'), await viewer('student')];
    const before = renders();
    const first = await page(a, url);
    const second = await page(b, url);
    expect(renders()).toBe(before + 1);
    for (const [mine, other, got] of [
      [a, b, first],
      [b, a, second],
    ] as const) {
      expect(got.res.statusCode).toBe(200);
      expect(got.res.headers['cache-control']).toBe('private, no-store');
      expect(got.res.headers.vary).toBe('Cookie, Accept-Language, Accept-Encoding');
      expect(got.account.user.email).toBe(mine.row.email);
      expect(got.account.csrfToken).toBe(mine.client.csrf);
      for (const trace of traces(other)) expect(got.html).not.toContain(trace);
      // The kept part was rendered for the role's shell: it names nobody, this account included.
      const [shared] = got.html.split('<script type="application/json" id="__APP_ACCOUNT__">');
      for (const trace of traces(mine)) expect(shared).not.toContain(trace);
      expect(got.html).toContain('<main>account|student||||</main>');
      expect(got.state.me.user).toMatchObject({ id: '', name: '', email: '', role: 'student' });
    }
  });

  it('sends the same page in brotli, gzip and plain, the account appended to the kept compressed part', async () => {
    const url = PLAYER();
    const a = await viewer('student');
    const br = await page(a, url, 'gzip, deflate, br');
    const gz = await page(a, url, 'gzip');
    const plain = await page(a, url, 'identity');
    expect(br.res.headers['content-encoding']).toBe('br');
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(gz.html).toBe(br.html);
    expect(plain.html).toBe(br.html);
    expect(br.html.endsWith('</script></body></html>')).toBe(true);
    expect(br.account.user.id).toBe(a.row.id);
  });

  it('keeps a page per role: student, instructor and admin each get their own, never another role’s', async () => {
    const url = PLAYER();
    const viewers = {
      student: await viewer('student'),
      instructor: await viewer('instructor'),
      admin,
    };
    const before = renders();
    for (const round of [1, 2]) {
      for (const [role, v] of Object.entries(viewers)) {
        const got = await page(v, url);
        expect(got.html, `${role}, round ${round}`).toContain(`<main>account|${role}||||</main>`);
        expect(got.account.user.role).toBe(role);
        expect(got.account.user.id).toBe(v.row.id);
        for (const other of Object.values(viewers).filter((o) => o !== v))
          for (const trace of traces(other)) expect(got.html).not.toContain(trace);
      }
    }
    expect(renders()).toBe(before + 3);
  });

  it('follows a role change and a sign-out on the very next request', async () => {
    const url = PLAYER();
    const s = await viewer('student');
    expect((await page(s, url)).html).toContain('<main>account|student|');
    const promoted = await admin.client.patch(`/api/admin/users/${s.row.id}`, { role: 'instructor' });
    expect(promoted.statusCode, promoted.body).toBe(200);
    const after = await page(s, url);
    expect(after.html).toContain('<main>account|instructor|');
    expect(after.account.user.role).toBe('instructor');
    expect((await s.client.post('/api/auth/logout')).statusCode).toBe(204);
    const out = await page(s, url);
    expect(out.html).toContain('<main>visitor</main>');
    expect(out.account).toBeUndefined();
    expect(out.state.me).toBeNull();
    for (const trace of traces(s).slice(0, 3)) expect(out.html).not.toContain(trace);
  });

  it('shows a role the banners meant for it, and a new one at once', async () => {
    const url = PLAYER();
    const [s, i] = [await viewer('student'), await viewer('instructor')];
    await page(s, url);
    await page(i, url);
    const title = `For students ${randomInt(1e9)}`;
    const res = await admin.client.post('/api/admin/announcements', {
      title,
      message: 'The library opens at nine.',
      audience: 'students',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    made.push(res.json().id);
    expect((await page(s, url)).html).toContain(title);
    expect((await page(i, url)).html).not.toContain(title);
  });

  it('renders per request, with the real account, whatever names the person or is not shared', async () => {
    const unverified = await viewer('student', false);
    const url = PLAYER();
    const before = renders();
    const got = await page(unverified, url);
    await page(unverified, url);
    expect(renders()).toBe(before + 2);
    expect(got.account).toBeUndefined();
    expect(got.state.me.user.email).toBe(unverified.row.email);
    expect(got.res.headers['cache-control']).toBe('private, no-store');

    const s = await viewer('student');
    for (const path of ['/profile', '/contact', '/checkout', `/certificates/c${randomInt(1e9)}`]) {
      const n = renders();
      const mine = await page(s, path);
      expect(renders(), path).toBe(n + 1);
      expect(mine.account, path).toBeUndefined();
      expect(mine.html, path).toContain(s.row.email);
    }
  });

  it('renders an impersonated session per request, naming the student it is', async () => {
    const student = await buildUser(t.platform.database.db);
    const browser = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
    expect((await browser.post(`/api/admin/users/${student.id}/impersonate`)).statusCode).toBe(200);
    const url = PLAYER();
    const n = renders();
    const got = await page({ row: student, client: browser }, url);
    expect(renders()).toBe(n + 1);
    expect(got.account).toBeUndefined();
    expect(got.state.me.impersonated).toBe(true);
    expect(got.html).toContain(student.email);
  });
});
