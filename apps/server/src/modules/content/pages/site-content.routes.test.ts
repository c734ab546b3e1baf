import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { FILES, upload } from '../../../../test/media.ts';

// site_content holds one row per key for the whole site: only this file writes these keys (the
// contact test owns `contact.details`), and each test reads back what it has just written.
let t: TestApp;
let admin: Client;
let adminId: string;
let student: Client;
let instructor: Client;
beforeAll(async () => {
  t = await createTestApp();
  const a = await signedIn(t, 'admin');
  admin = a.client;
  adminId = a.user.id;
  student = (await signedIn(t, 'student')).client;
  instructor = (await signedIn(t, 'instructor')).client;
});
afterAll(async () => t?.close());

const hero = (o: Record<string, unknown> = {}) => ({
  eyebrow: 'Learn from practitioners',
  title: 'Skills for Pakistan’s digital economy',
  subtitle: 'Live and recorded courses in English and Urdu.',
  ctas: [{ label: 'Browse courses', href: '/courses' }],
  imageKey: null,
  ...o,
});
const put = (c: Client, key: string, value: unknown) =>
  c.request('PUT', `/api/admin/content/${key}`, { value });

describe('PUT /api/admin/content/:key', () => {
  it('returns 401 to a visitor and 404 to a student or an instructor', async () => {
    expect(
      (await new Client(t.app).request('PUT', '/api/admin/content/home.hero', { value: hero() })).statusCode,
    ).toBe(401);
    expect((await put(student, 'home.hero', hero())).statusCode).toBe(404);
    expect((await put(instructor, 'home.hero', hero())).statusCode).toBe(404);
  });

  it('refuses an unknown key, an unknown field, a third CTA and an unsafe link with 400', async () => {
    expect((await put(admin, 'home.nope', hero())).statusCode).toBe(400);
    const cases = [
      hero({ colour: 'red' }),
      hero({ ctas: [1, 2, 3].map((n) => ({ label: `B${n}`, href: '/courses' })) }),
      hero({ ctas: [{ label: 'Go', href: 'javascript:alert(1)' }] }),
      hero({ ctas: [{ label: 'Go', href: '//evil.example/x' }] }),
      hero({ ctas: [{ label: 'Go', href: 'http://plain.example' }] }),
      hero({ imageKey: '../../etc/passwd' }),
    ];
    for (const value of cases) {
      const res = await put(admin, 'home.hero', value);
      expect(res.statusCode, JSON.stringify(value)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const extra = await admin.request('PUT', '/api/admin/content/home.hero', { value: hero(), other: 1 });
    expect(extra.statusCode).toBe(400);
  });

  it('refuses an image key that names no uploaded image', async () => {
    const res = await put(admin, 'home.hero', hero({ imageKey: '00000000-0000-4000-8000-000000000000.png' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_image');
  });

  it('saves the hero, serves it publicly, and records the change with before and after', async () => {
    const res = await put(admin, 'home.hero', hero({ title: 'First title' }));
    expect(res.statusCode).toBe(200);
    const second = await put(
      admin,
      'home.hero',
      hero({ title: 'Second title', ctas: [{ label: 'Shop', href: 'https://shop.example.pk/x' }] }),
    );
    expect(second.json()).toMatchObject({ key: 'home.hero', isSet: true, value: { title: 'Second title' } });
    const pub = await new Client(t.app).get('/api/content/home.hero');
    expect(pub.statusCode).toBe(200);
    expect(pub.json().value).toMatchObject({
      title: 'Second title',
      ctas: [{ href: 'https://shop.example.pk/x' }],
    });
    const { rows } = await t.platform.database.raw.query<{
      action: string;
      before: { title: string };
      after: { title: string };
    }>(
      `select action, before, after from audit_log where actor_id = $1 and target_id = 'home.hero' order by created_at desc limit 1`,
      [adminId],
    );
    expect(rows[0]).toMatchObject({
      action: 'content.updated',
      before: { title: 'First title' },
      after: { title: 'Second title' },
    });
  });

  it('strips a script and an event handler from legal and About text', async () => {
    const html =
      '<h2>Your data</h2><p onclick="steal()">We keep little.</p><script>alert(1)</script><a href="javascript:x()">x</a>';
    const res = await put(admin, 'legal.privacy', {
      title: 'Privacy policy',
      html,
      effectiveDate: '2026-01-15',
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json().value.html as string;
    expect(saved).toContain('<h2>Your data</h2>');
    expect(saved).toContain('We keep little.');
    expect(saved).not.toMatch(/script|onclick|javascript|alert/);
    const about = await put(admin, 'about.intro', {
      title: 'About us',
      html: '<p>Hi<img src=x onerror=alert(1)></p>',
    });
    expect(about.json().value.html).toBe('<p>Hi</p>');
    expect(
      (await put(admin, 'legal.terms', { title: 'T', html: '', effectiveDate: '15/01/2026' })).statusCode,
    ).toBe(400);
  });
});

describe('GET /api/admin/content and GET /api/content/:key', () => {
  it('lists every key for an admin, with defaults for keys never saved', async () => {
    expect((await new Client(t.app).get('/api/admin/content')).statusCode).toBe(401);
    expect((await student.get('/api/admin/content')).statusCode).toBe(404);
    const res = await admin.get('/api/admin/content');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { key: string }) => i.key)).toEqual([
      'home.hero',
      'page_headers',
      'contact.details',
      'about.intro',
      'legal.privacy',
      'legal.terms',
    ]);
  });

  it('answers 400 for an unknown public key and caches a known one with an ETag that changes on edit', async () => {
    const visitor = new Client(t.app);
    expect((await visitor.get('/api/content/secrets')).statusCode).toBe(400);
    const first = await visitor.get('/api/content/legal.terms');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\//);
    const again = await visitor.request('GET', '/api/content/legal.terms', undefined, {
      'if-none-match': etag,
    });
    expect(again.statusCode).toBe(304);
    await put(admin, 'legal.terms', {
      title: 'Terms of use',
      html: '<p>Be kind.</p>',
      effectiveDate: '2026-02-01',
    });
    const after = await visitor.request('GET', '/api/content/legal.terms', undefined, {
      'if-none-match': etag,
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json().value).toMatchObject({ title: 'Terms of use', html: '<p>Be kind.</p>' });
  });
});

describe('POST /api/admin/content/images and GET /api/files/content/:key', () => {
  it('returns 401 to a visitor and 404 to a student', async () => {
    expect((await upload(t, null, '/api/admin/content/images', FILES.png, 'a.png')).statusCode).toBe(401);
    expect((await upload(t, student, '/api/admin/content/images', FILES.png, 'a.png')).statusCode).toBe(404);
  });

  it('refuses SVG, HTML and a renamed executable by their bytes', async () => {
    for (const [data, name] of [
      [FILES.svg, 'a.png'],
      [FILES.html, 'b.jpg'],
      [FILES.exe, 'c.webp'],
    ] as const) {
      const res = await upload(t, admin, '/api/admin/content/images', data, name);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_image');
    }
  });

  it('stores a PNG under a random name, serves it with safe long-cached headers, and lets a page header use it', async () => {
    const res = await upload(t, admin, '/api/admin/content/images', FILES.png, 'header.png');
    expect(res.statusCode).toBe(201);
    const { key, url } = res.json() as { key: string; url: string };
    expect(key).toMatch(/^[0-9a-f-]{36}\.png$/);
    const file = await new Client(t.app).get(url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(file.headers['content-security-policy']).toContain("default-src 'none'");
    expect(file.rawPayload.equals(FILES.png)).toBe(true);
    expect((await new Client(t.app).get('/api/files/content/..%2F..%2Fsecret.png')).statusCode).toBe(404);
    const none = { imageKey: null };
    const headers = {
      about: { imageKey: key, title: 'Who we are' },
      contact: none,
      faq: none,
      privacy: none,
      terms: none,
    };
    const saved = await put(admin, 'page_headers', headers);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().value.about).toEqual({ imageKey: key, title: 'Who we are' });
  });
});
