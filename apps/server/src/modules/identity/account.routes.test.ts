import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, STRONG_PASSWORD, type TestApp } from '../../../test/harness.ts';
import { type Part, postMultipart } from '../../../test/multipart.ts';
import { buildUser } from '../../seed/factories.ts';
import { createPasswordHasher } from './passwords.ts';

let t: TestApp;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestApp();
  passwordHash = await createPasswordHasher(t.config.argon2).hash(STRONG_PASSWORD);
});
afterAll(async () => t?.close());

async function signedIn() {
  const user = await buildUser(t.platform.database.db, { passwordHash });
  const client = new Client(t.app);
  const res = await client.post('/api/auth/login', { email: user.email, password: STRONG_PASSWORD });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { client, user };
}

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** A PNG signature followed by `size` bytes of padding: detected as PNG, sized as we like. */
const pngOfSize = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length)]);
const file = (data: Buffer | string, filename = 'me.png', contentType = 'image/png'): Part[] => [
  { name: 'file', filename, contentType, data },
];

describe('PATCH /api/account/profile', () => {
  it('returns 401 without a session', async () => {
    expect((await new Client(t.app).patch('/api/account/profile', { name: 'X' })).statusCode).toBe(401);
  });

  it.each([
    ['a name with a control character', { name: 'Bad\u0007Name' }, 'name'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a malformed phone', { phone: 'call me maybe' }, 'phone'],
  ])('returns 400 validation_failed for %s', async (_label, body, field) => {
    const { client } = await signedIn();
    const res = await client.patch('/api/account/profile', body);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: [field] })]));
  });

  it('returns 200 with the new name and phone, and null clears the phone', async () => {
    const { client, user } = await signedIn();
    const res = await client.patch('/api/account/profile', { name: '  Grace Hopper ', phone: '+1 555 0100' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, name: 'Grace Hopper', phone: '+1 555 0100' });
    expect((await client.get('/api/auth/me')).json().user.name).toBe('Grace Hopper');

    const cleared = await client.patch('/api/account/profile', { phone: null });
    expect(cleared.json().user).toMatchObject({ name: 'Grace Hopper', phone: null });
  });
});

describe('POST /api/account/avatar', () => {
  it('returns 401 without a session', async () => {
    const res = await postMultipart(t.app, null, '/api/account/avatar', file(PNG));
    expect(res.statusCode).toBe(401);
  });

  it('accepts a PNG and serves it as image/png, nosniff, in a sandbox', async () => {
    const { client } = await signedIn();
    const res = await postMultipart(t.app, client, '/api/account/avatar', file(PNG));
    expect(res.statusCode).toBe(200);
    const { avatarUrl } = res.json().user;
    expect(avatarUrl).toMatch(/^\/api\/files\/avatars\/[0-9a-f-]{36}\.png$/);

    const served = await t.app.inject({ method: 'GET', url: avatarUrl });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toMatch(/\bsandbox\b/);
    expect(served.rawPayload.equals(PNG)).toBe(true);
  });

  it('replaces the previous avatar, which is no longer served', async () => {
    const { client } = await signedIn();
    const first = (await postMultipart(t.app, client, '/api/account/avatar', file(PNG))).json().user
      .avatarUrl;
    const second = (await postMultipart(t.app, client, '/api/account/avatar', file(PNG))).json().user
      .avatarUrl;
    expect(second).not.toBe(first);
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
  });

  it('returns 400 invalid_image for a text file named .png and sent as image/png', async () => {
    const { client } = await signedIn();
    const res = await postMultipart(t.app, client, '/api/account/avatar', file('just some text\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_image');
    expect((await client.get('/api/auth/me')).json().user.avatarUrl).toBeNull();
  });

  it('returns 400 invalid_image for an SVG carrying a script', async () => {
    const { client } = await signedIn();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    const res = await postMultipart(
      t.app,
      client,
      '/api/account/avatar',
      file(svg, 'me.svg', 'image/svg+xml'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_image');
  });

  it('accepts an image just under 2 MB', async () => {
    const { client } = await signedIn();
    const res = await postMultipart(
      t.app,
      client,
      '/api/account/avatar',
      file(pngOfSize(2 * 1024 * 1024 - 1024)),
    );
    expect(res.statusCode).toBe(200);
  });

  it('returns 413 payload_too_large for an image over 2 MB', async () => {
    const { client } = await signedIn();
    const res = await postMultipart(
      t.app,
      client,
      '/api/account/avatar',
      file(pngOfSize(2 * 1024 * 1024 + 1)),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect((await client.get('/api/auth/me')).json().user.avatarUrl).toBeNull();
  });

  it('returns 400 validation_failed when the body is not multipart', async () => {
    const { client } = await signedIn();
    const res = await client.post('/api/account/avatar', { file: 'data:image/png;base64,AAAA' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

describe('GET /api/files/avatars/:name', () => {
  it('returns 404 for a name that is not an avatar file', async () => {
    for (const name of ['..%2F..%2Fetc%2Fpasswd', 'avatar.svg', '00000000-0000-0000-0000-000000000000.png']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/files/avatars/${name}` });
      expect(res.statusCode).toBe(404);
    }
  });
});
