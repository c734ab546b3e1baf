import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, registerUser, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { CORS_ORIGINS: 'https://app.partner.example', BODY_LIMIT_BYTES: '4096' } });
});
afterAll(async () => t?.close());

describe('security headers', () => {
  it('sends a CSP without inline scripts, nosniff, frame-ancestors none and no HSTS over http', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when the public URL is https', async () => {
    const s = await createTestApp({ env: { PUBLIC_URL: 'https://academy.example' } });
    try {
      const res = await s.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await s.close();
    }
  });
});

describe('CORS', () => {
  it('allows the configured origin with credentials', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://app.partner.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBe('https://app.partner.example');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });
  it('does not allow other origins', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('bad requests', () => {
  it('answers a body over the limit with 413 payload_too_large', async () => {
    const res = await new Client(t.app).post('/api/auth/login', {
      email: 'a@b.example',
      password: 'x'.repeat(5000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });
  it('refuses NUL characters in bodies, queries and nested values with 400 (PostgreSQL text cannot hold them)', async () => {
    const { client } = await registerUser(t, { verify: true });
    const body = await client.request('PATCH', '/api/account/profile', { name: 'Nul\u0000name' });
    expect(body.statusCode).toBe(400);
    expect(body.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: ['body', 'name'] }],
    });
    const query = await t.app.inject({ method: 'GET', url: '/api/courses?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details[0].path).toEqual(['query', 'q']);
    const nested = await client.post('/api/auth/login', {
      email: 'a@b.example',
      password: 'x',
      extra: [{ k: '\u0000' }],
    });
    expect(nested.statusCode).toBe(400);
    expect((await client.request('PATCH', '/api/account/profile', { name: 'Fine name' })).statusCode).toBe(
      200,
    );
  });
  it('refuses a lone surrogate in a body or key with 400 and keeps paired ones (jsonb refused it: a lost audit entry, found by the fuzzer)', async () => {
    const { client } = await registerUser(t, { verify: true });
    // JSON.stringify writes a lone surrogate as the escape `\ud800`, which JSON.parse accepts.
    for (const [body, path] of [
      [{ name: 'Lone \ud800 high' }, ['body', 'name']],
      [{ name: 'Lone \udfff low' }, ['body', 'name']],
      [{ name: 'Fine', ['k\ud800']: 1 }, ['body', 'k\ud800']],
    ] as const) {
      const res = await client.request('PATCH', '/api/account/profile', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation_failed',
        message: 'Text must be well-formed Unicode',
        details: [{ path }],
      });
    }
    // A pair (an emoji, as the escapes a client may send) is text like any other.
    const emoji = await client.request('PATCH', '/api/account/profile', { name: 'Smile \ud83d\ude00' });
    expect(emoji.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().user.name).toBe('Smile 😀');
  });
  it('refuses a body nested deeper than 64 levels with 400, not a stack overflow (found by the fuzzer)', async () => {
    for (const payload of [
      `${'['.repeat(1900)}${']'.repeat(1900)}`,
      `${'{"a":'.repeat(600)}1${'}'.repeat(600)}`,
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation_failed',
        message: expect.stringMatching(/nested/),
      });
    }
    const shallow = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.example', password: 'x', extra: [[[[{ a: [1] }]]]] }),
    });
    expect(shallow.json().error.message).not.toMatch(/nested/);
  });
  it("answers a malformed or over-long path in the error envelope, not Fastify's own (found by the fuzzer)", async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/courses/%ff' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', requestId: expect.any(String) });
    const long = await t.app.inject({ method: 'GET', url: `/api/courses/${'x'.repeat(250)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json().error).toMatchObject({ code: 'validation_failed', requestId: expect.any(String) });
  });
  it('answers a wrong content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });
  it('lists the failing fields of a validation error', async () => {
    const res = await new Client(t.app).post('/api/auth/register', {
      name: '',
      email: 'nope',
      password: 'short',
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details as { path: string[] }[]).map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'password']));
  });
});

describe('request ids', () => {
  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(given.headers['x-request-id']).toBe('trace-12345678');
    expect(given.json().error.requestId).toBe('trace-12345678');
    const made = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'bad id\n' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('rate limits', () => {
  it('limits anonymous /api calls per IP with 429 rate_limited and leaves health alone', async () => {
    const s = await createTestApp({ env: { RATE_LIMIT_API_MAX: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await s.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const limited = await s.app.inject({ method: 'GET', url: '/api/auth/me' });
      expect(limited.json().error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await s.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
  it('applies the stricter limit to credential routes', async () => {
    const s = await createTestApp({ env: { RATE_LIMIT_AUTH_MAX: '2' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        codes.push(
          (await new Client(s.app).post('/api/auth/password/forgot', { email: 'x@example.test' })).statusCode,
        );
      }
      expect(codes).toEqual([202, 202, 429]);
    } finally {
      await s.close();
    }
  });
});

describe('logs', () => {
  it('never contain cookies, bearer tokens or sensitive query values', async () => {
    const { client } = await registerUser(t);
    await client.get('/api/auth/me');
    await t.app.inject({
      method: 'GET',
      url: '/api/nope?token=supersecretvalue123&page=2',
      headers: { authorization: 'Bearer abcdefghijklmnopqrstuvwxyz' },
    });
    const logs = t.logs.join('');
    const sessionCookie = [...client.cookies.values()];
    for (const v of sessionCookie) expect(logs).not.toContain(v);
    expect(logs).not.toContain('supersecretvalue123');
    expect(logs).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(logs).toContain('token=%5BREDACTED%5D');
  });
});

describe('GET /api/docs', () => {
  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/register', '/api/admin/health']),
    );
    expect(doc.paths['/api/auth/register'].post.requestBody).toBeTruthy();
  });
});
