import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, uniqueWord } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { FILES, upload } from '../../../../test/media.ts';

// The team and the FAQ are site-wide lists: assertions look only at the rows this file made. The two
// reorder tests list every row first, as the admin page does.
let t: TestApp;
let admin: Client;
let student: Client;
let instructor: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, 'admin')).client;
  student = (await signedIn(t, 'student')).client;
  instructor = (await signedIn(t, 'instructor')).client;
});
afterAll(async () => t?.close());

const visitor = () => new Client(t.app);
const member = (o: Record<string, unknown> = {}) => ({
  name: `Ayesha ${uniqueWord()}`,
  role: 'Lead instructor',
  ...o,
});
const faq = (o: Record<string, unknown> = {}) => ({
  question: `How do I pay ${uniqueWord()}?`,
  answerHtml: '<p>By card, JazzCash or bank transfer.</p>',
  category: 'Payments',
  ...o,
});

describe('the admin team and FAQ routes', () => {
  it('answer 401 to a visitor and 404 to a student or an instructor', async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/team'],
      ['POST', '/api/admin/team', member()],
      ['POST', '/api/admin/team/reorder', { ids: [crypto.randomUUID()] }],
      ['GET', '/api/admin/faq'],
      ['POST', '/api/admin/faq', faq()],
      ['POST', '/api/admin/faq/reorder', { ids: [crypto.randomUUID()] }],
    ];
    for (const [method, url, body] of calls) {
      expect((await visitor().request(method, url, body)).statusCode, url).toBe(401);
      expect((await student.request(method, url, body)).statusCode, url).toBe(404);
      expect((await instructor.request(method, url, body)).statusCode, url).toBe(404);
    }
  });
});

describe('/api/admin/team', () => {
  it('refuses a body with a missing name, an unknown field or an http link with 400', async () => {
    for (const body of [
      { role: 'x' },
      member({ salary: 1 }),
      member({ links: [{ label: 'Site', url: 'http://x.pk' }] }),
    ]) {
      const res = await admin.post('/api/admin/team', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await admin.patch(`/api/admin/team/${crypto.randomUUID()}`, { role: 'x' })).statusCode).toBe(404);
  });

  it('adds members at the end, edits, hides and deletes them; the public list shows only the visible', async () => {
    const a = (
      await admin.post(
        '/api/admin/team',
        member({
          bio: 'Ten years of teaching.',
          links: [{ label: 'LinkedIn', url: 'https://linkedin.com/in/a' }],
        }),
      )
    ).json();
    const b = (await admin.post('/api/admin/team', member())).json();
    expect(b.position).toBeGreaterThan(a.position);
    const edited = await admin.patch(`/api/admin/team/${b.id}`, { role: 'Founder', isVisible: false });
    expect(edited.json()).toMatchObject({ role: 'Founder', isVisible: false });
    const pub = (await visitor().get('/api/team')).json().items as { id: string }[];
    expect(pub.some((m) => m.id === a.id)).toBe(true);
    expect(pub.some((m) => m.id === b.id)).toBe(false);
    expect(pub.find((m) => m.id === a.id)).toMatchObject({ bio: 'Ten years of teaching.', photoUrl: null });
    expect((await admin.delete(`/api/admin/team/${b.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/admin/team/${b.id}`)).statusCode).toBe(404);
  });

  it('sets a photo checked by its bytes, serves it, replaces and removes it', async () => {
    const m = (await admin.post('/api/admin/team', member())).json();
    const bad = await upload(t, admin, `/api/admin/team/${m.id}/photo`, FILES.svg, 'me.png');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_image');
    const set = await upload(t, admin, `/api/admin/team/${m.id}/photo`, FILES.png, 'me.png');
    expect(set.statusCode).toBe(200);
    const first = set.json().photoUrl as string;
    expect((await visitor().get(first)).statusCode).toBe(200);
    const again = (await upload(t, admin, `/api/admin/team/${m.id}/photo`, FILES.png, 'me2.png')).json();
    expect(again.photoUrl).not.toBe(first);
    expect((await visitor().get(first)).statusCode).toBe(404); // the replaced file is gone
    const cleared = await admin.delete(`/api/admin/team/${m.id}/photo`);
    expect(cleared.json().photoUrl).toBeNull();
    expect((await visitor().get(again.photoUrl)).statusCode).toBe(404);
  });

  it('reorders when every member is listed once, and refuses a partial list', async () => {
    await admin.post('/api/admin/team', member());
    const ids = ((await admin.get('/api/admin/team')).json().items as { id: string }[]).map((m) => m.id);
    const reversed = [...ids].reverse();
    const res = await admin.post('/api/admin/team/reorder', { ids: reversed });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((m: { id: string }) => m.id)).toEqual(reversed);
    const partial = await admin.post('/api/admin/team/reorder', { ids: reversed.slice(1) });
    expect(partial.statusCode).toBe(400);
  });
});

describe('/api/admin/faq', () => {
  it('refuses a short question, an unknown field and an answer that is only a script', async () => {
    for (const body of [
      faq({ question: 'Hi' }),
      faq({ votes: 3 }),
      faq({ answerHtml: '<script>alert(1)</script>' }),
    ]) {
      const res = await admin.post('/api/admin/faq', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('creates sanitised entries and shows only published ones, grouped by category', async () => {
    const word = uniqueWord();
    const pay = (
      await admin.post(
        '/api/admin/faq',
        faq({ category: `Pay ${word}`, answerHtml: '<p onclick="x()">Card.</p><script>bad()</script>' }),
      )
    ).json();
    expect(pay.answerHtml).toBe('<p>Card.</p>');
    const cert = (await admin.post('/api/admin/faq', faq({ category: `Cert ${word}` }))).json();
    const hidden = (
      await admin.post('/api/admin/faq', faq({ category: `Pay ${word}`, isPublished: false }))
    ).json();
    const groups = (await visitor().get('/api/faq')).json().categories as {
      category: string;
      entries: { id: string }[];
    }[];
    const mine = groups.filter((g) => g.category.endsWith(word));
    expect(mine.map((g) => g.category)).toEqual([`Pay ${word}`, `Cert ${word}`]);
    expect(mine[0]?.entries.map((e) => e.id)).toEqual([pay.id]);
    expect(mine[1]?.entries.map((e) => e.id)).toEqual([cert.id]);
    const published = await admin.patch(`/api/admin/faq/${hidden.id}`, {
      isPublished: true,
      answerHtml: '<p>Yes<iframe src="x"></iframe></p>',
    });
    expect(published.json()).toMatchObject({ isPublished: true, answerHtml: '<p>Yes</p>' });
    const after = (await visitor().get('/api/faq')).json().categories as {
      category: string;
      entries: { id: string }[];
    }[];
    expect(after.find((g) => g.category === `Pay ${word}`)?.entries.map((e) => e.id)).toEqual([
      pay.id,
      hidden.id,
    ]);
    expect((await admin.delete(`/api/admin/faq/${cert.id}`)).statusCode).toBe(204);
    expect((await admin.patch(`/api/admin/faq/${cert.id}`, { category: 'x' })).statusCode).toBe(404);
  });

  it('reorders every entry and changes the public ETag', async () => {
    await admin.post('/api/admin/faq', faq());
    const before = await visitor().get('/api/faq');
    const ids = ((await admin.get('/api/admin/faq')).json().items as { id: string }[]).map((e) => e.id);
    const moved = [ids[ids.length - 1] as string, ...ids.slice(0, -1)];
    const res = await admin.post('/api/admin/faq/reorder', { ids: moved });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual(moved);
    const after = await visitor().request('GET', '/api/faq', undefined, {
      'if-none-match': before.headers.etag as string,
    });
    expect(after.statusCode).toBe(200);
    expect((await admin.post('/api/admin/faq/reorder', { ids: [...moved, moved[0]] })).statusCode).toBe(400);
  });
});
