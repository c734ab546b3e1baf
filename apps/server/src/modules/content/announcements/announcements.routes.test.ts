import { randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { standInWebDist } from '../../../../test/web-dist.ts';
import { announcements } from '../../../db/schema/index.ts';
import { manualClock } from '../../../platform/clock.ts';
import { buildUser } from '../../../seed/factories.ts';

// A stand-in for the built web app whose render prints the banners it was given, so the test can see
// what the server rendered into the page (the browser test renders the real one).
const webDist = standInWebDist({
  template:
    '<!doctype html><html lang="en" dir="ltr"><head><!--app-head--></head><body><!--app-html--><!--app-state--></body></html>',
  serverEntry: `export async function render(url, state) {
    const q = state.queries.find((q) => q.key[0] === 'announcements');
    const titles = q ? q.data.items.map((a) => '<p role="status">' + a.title + '</p>').join('') : '';
    return { html: '<main>' + titles + '</main>', head: '<title>t</title>', status: 200, lang: state.lang, dir: 'ltr' };
  }`,
});

// The database may be shared: the clock runs in a year of this file's own, far ahead, where only the
// windows this file makes open and close; its rows are deleted afterwards.
const start = new Date(Date.UTC(randomInt(2200, 2900), randomInt(0, 12), 1, 9));
const clock = manualClock(start);
const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString();
const made: string[] = [];

let t: TestApp;
let admin: Client;
let adminId: string;
const viewers: Record<'guests' | 'students' | 'instructors' | 'admins', Client> = {} as never;
beforeAll(async () => {
  t = await createTestApp({ clock, webDist });
  const db = t.platform.database.db;
  const a = await buildUser(db, { role: 'admin' });
  adminId = a.id;
  admin = await signInAs(t, a);
  viewers.admins = admin;
  viewers.guests = new Client(t.app);
  viewers.students = await signInAs(t, await buildUser(db, { role: 'student' }));
  viewers.instructors = await signInAs(t, await buildUser(db, { role: 'instructor' }));
});
afterAll(async () => {
  if (made.length) await t.platform.database.db.delete(announcements).where(inArray(announcements.id, made));
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

async function create(body: Record<string, unknown>) {
  const res = await admin.post('/api/admin/announcements', {
    title: `Notice ${randomInt(1e9)}`,
    message: 'Classes resume on Monday.',
    startsAt: later(-60),
    endsAt: later(24 * 60),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  made.push(res.json().id);
  return res.json() as { id: string; title: string; status: string; updatedAt: string };
}
const titlesFor = async (c: Client) =>
  ((await c.get('/api/announcements')).json().items as { title: string }[]).map((a) => a.title);
const auditOf = async (id: string) =>
  (await admin.get(`/api/admin/audit?targetId=${id}`)).json().items as {
    action: string;
    before: unknown;
    after: unknown;
  }[];

describe('/api/admin/announcements', () => {
  it('returns 401 signed out and 404 to students and instructors on every route', async () => {
    const id = (await create({})).id;
    const routes = [
      ['GET', '/api/admin/announcements'],
      ['POST', '/api/admin/announcements'],
      ['GET', `/api/admin/announcements/${id}`],
      ['PATCH', `/api/admin/announcements/${id}`],
      ['POST', `/api/admin/announcements/${id}/activate`],
      ['POST', `/api/admin/announcements/${id}/deactivate`],
      ['DELETE', `/api/admin/announcements/${id}`],
    ] as const;
    for (const [method, url] of routes) {
      expect((await viewers.guests.request(method, url, method === 'GET' ? undefined : {})).statusCode).toBe(
        401,
      );
      for (const c of [viewers.students, viewers.instructors])
        expect((await c.request(method, url, method === 'GET' ? undefined : {})).statusCode).toBe(404);
    }
  });

  it('refuses a bad body with 400 and its code', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ title: 'x'.repeat(121), message: 'm' }, 'validation_failed'],
      [{ title: 'T', message: 'm'.repeat(1001) }, 'validation_failed'],
      [{ title: '   ', message: 'm' }, 'validation_failed'],
      [{ title: 'T', message: 'm', type: 'danger' }, 'validation_failed'],
      [{ title: 'T', message: 'm', audience: 'staff' }, 'validation_failed'],
      [{ title: 'T', message: 'm', startsAt: 'tomorrow' }, 'validation_failed'],
      [{ title: 'T', message: 'm', html: '<b>x</b>' }, 'validation_failed'],
      [{ title: 'T', message: 'm', startsAt: later(60), endsAt: later(60) }, 'invalid_announcement_window'],
      [{ title: 'T', message: 'm', startsAt: later(60), endsAt: later(0) }, 'invalid_announcement_window'],
    ];
    for (const [body, code] of bad) {
      const res = await admin.post('/api/admin/announcements', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
  });

  it('creates an announcement with defaults, lists it with its status and audits it', async () => {
    const res = await admin.post('/api/admin/announcements', {
      title: '  Eid holidays  ',
      message: 'The office is closed <b>Friday</b>.',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    made.push(a.id);
    expect(a).toMatchObject({
      title: 'Eid holidays',
      message: 'The office is closed <b>Friday</b>.',
      type: 'info',
      audience: 'everyone',
      startsAt: null,
      endsAt: null,
      isActive: true,
      dismissible: true,
      status: 'active',
      createdBy: { id: adminId },
    });
    const list = (await admin.get('/api/admin/announcements?status=active&limit=100')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(a.id);
    expect(list.counts.active).toBeGreaterThanOrEqual(1);
    expect((await admin.get('/api/admin/announcements?status=gone')).statusCode).toBe(400);
    expect((await auditOf(a.id))[0]).toMatchObject({ action: 'announcement.created', after: { id: a.id } });
    await admin.post(`/api/admin/announcements/${a.id}/deactivate`);
  });

  it('edits some fields, checks the window as it will be, and audits before and after', async () => {
    const a = await create({ endsAt: later(120) });
    const refused = await admin.patch(`/api/admin/announcements/${a.id}`, { startsAt: later(180) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_announcement_window');
    expect((await admin.patch(`/api/admin/announcements/${a.id}`, { type: 'alert' })).statusCode).toBe(400);

    clock.advance(1000);
    const res = await admin.patch(`/api/admin/announcements/${a.id}`, { type: 'warning', endsAt: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'warning', endsAt: null, title: a.title });
    expect(res.json().updatedAt).not.toBe(a.updatedAt);
    expect((await auditOf(a.id))[0]).toMatchObject({
      action: 'announcement.updated',
      before: { type: 'info' },
      after: { type: 'warning', endsAt: null },
    });
    const missing = await admin.patch('/api/admin/announcements/00000000-0000-4000-8000-000000000000', {
      type: 'info',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('turns an announcement off and on, and deletes it', async () => {
    const a = await create({});
    const off = await admin.post(`/api/admin/announcements/${a.id}/deactivate`);
    expect(off.json()).toMatchObject({ isActive: false, status: 'inactive' });
    expect(await titlesFor(viewers.guests)).not.toContain(a.title);
    const on = await admin.post(`/api/admin/announcements/${a.id}/activate`);
    expect(on.json()).toMatchObject({ isActive: true, status: 'active' });
    expect(await titlesFor(viewers.guests)).toContain(a.title);
    expect((await auditOf(a.id)).map((e) => e.action).slice(0, 2)).toEqual([
      'announcement.activated',
      'announcement.deactivated',
    ]);

    expect((await admin.delete(`/api/admin/announcements/${a.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/admin/announcements/${a.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/admin/announcements/${a.id}`)).statusCode).toBe(404);
    expect(await titlesFor(viewers.guests)).not.toContain(a.title);
    expect((await auditOf(a.id))[0]).toMatchObject({ action: 'announcement.deleted', before: { id: a.id } });
  });
});

describe('GET /api/announcements', () => {
  it('shows each viewer the announcements for everyone and for their own audience only', async () => {
    const byAudience = {
      everyone: await create({ audience: 'everyone', startsAt: later(-30) }),
      guests: await create({ audience: 'guests', startsAt: later(-29) }),
      students: await create({ audience: 'students', startsAt: later(-28) }),
      instructors: await create({ audience: 'instructors', startsAt: later(-27) }),
      admins: await create({ audience: 'admins', startsAt: later(-26) }),
    };
    for (const [viewer, client] of Object.entries(viewers)) {
      const titles = await titlesFor(client);
      for (const [audience, a] of Object.entries(byAudience))
        expect(titles.includes(a.title), `${viewer} / ${audience}`).toBe(
          audience === 'everyone' || audience === viewer,
        );
    }
    for (const a of Object.values(byAudience))
      await admin.post(`/api/admin/announcements/${a.id}/deactivate`);
  });

  it('shows an announcement only inside its window, and at most three, newest first', async () => {
    const soon = await create({ audience: 'guests', startsAt: later(10), endsAt: later(20) });
    expect((await admin.get(`/api/admin/announcements/${soon.id}`)).json().status).toBe('scheduled');
    expect(await titlesFor(viewers.guests)).not.toContain(soon.title);
    clock.set(new Date(later(10)));
    expect((await titlesFor(viewers.guests))[0]).toBe(soon.title);
    clock.set(new Date(later(20)));
    expect(await titlesFor(viewers.guests)).not.toContain(soon.title);
    expect((await admin.get(`/api/admin/announcements/${soon.id}`)).json().status).toBe('expired');

    const four = [];
    for (const m of [21, 22, 23, 24]) {
      clock.set(new Date(later(m)));
      four.push(await create({ audience: 'guests', startsAt: later(-40) }));
    }
    clock.set(new Date(later(25)));
    const shown = (await viewers.guests.get('/api/announcements')).json().items;
    expect(shown).toHaveLength(3);
    expect(shown[0]).toEqual({
      id: four[3]?.id,
      title: four[3]?.title,
      message: 'Classes resume on Monday.',
      type: 'info',
      dismissible: true,
      updatedAt: four[3]?.updatedAt,
    });
    for (const a of four) await admin.post(`/api/admin/announcements/${a.id}/deactivate`);
  });
});

describe('announcements on the server-rendered pages', () => {
  const page = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('renders the banners into the HTML, for signed-out and signed-in readers', async () => {
    const a = await create({ audience: 'everyone', title: `Banner <script>${randomInt(1e9)}</script>` });
    const res = await page('/');
    expect(res.statusCode).toBe(200);
    // The state block escapes `<`: the title is data, never markup.
    expect(res.body).toContain(JSON.stringify(a.title).replace(/</g, '\\u003c'));
    expect(res.body).toContain(`"key":["announcements","guests"]`);
    const signedIn = await viewers.students.get('/courses');
    expect(signedIn.body).toContain(`"key":["announcements","students"]`);
    expect(signedIn.body).toContain(JSON.stringify(a.title).replace(/</g, '\\u003c'));
    await admin.post(`/api/admin/announcements/${a.id}/deactivate`);
  });

  it('changes the public ETag on each write and when a window opens or closes', async () => {
    const etag = async () => {
      const res = await page('/courses');
      expect(res.statusCode).toBe(200);
      return res.headers.etag as string;
    };
    const first = await etag();
    expect(await etag()).toBe(first);
    expect((await page('/courses', { 'if-none-match': first })).statusCode).toBe(304);

    const a = await create({ audience: 'guests', startsAt: later(30), endsAt: later(40) });
    const afterWrite = await etag();
    expect(afterWrite).not.toBe(first);

    clock.set(new Date(later(30))); // no write: the window opens
    const opened = await etag();
    expect(opened).not.toBe(afterWrite);
    expect((await page('/courses', { 'if-none-match': afterWrite })).statusCode).toBe(200);
    clock.set(new Date(later(40))); // and closes
    expect(await etag()).not.toBe(opened);

    // An announcement for students only changes nothing a guest sees: no new ETag but the write's.
    const quiet = await etag();
    clock.advance(1000);
    expect(await etag()).toBe(quiet);
    await admin.post(`/api/admin/announcements/${a.id}/deactivate`);
  });
});
