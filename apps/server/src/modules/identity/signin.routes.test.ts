import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authEvents } from '../../../test/auth-events.ts';
import { cookieHeader, copyOf } from '../../../test/clients.ts';
import { Client, createTestApp, STRONG_PASSWORD, type TestApp, uniqueEmail } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { manualClock } from '../../platform/clock.ts';
import { buildUser } from '../../seed/factories.ts';
import { createPasswordHasher } from './passwords.ts';

let t: TestApp;
/** A second app with a clock the tests move and a 1.8-second sign-in lock. */
let special: TestApp;
const clock = manualClock();
let admin: Client;
let passwordHash: string;

beforeAll(async () => {
  [t, special] = await Promise.all([
    createTestApp(),
    createTestApp({ clock, env: { LOGIN_LOCK_MINUTES: '0.03' } }),
  ]);
  passwordHash = await createPasswordHasher(t.config.argon2).hash(STRONG_PASSWORD);
  admin = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
});
afterAll(async () => {
  await Promise.all([t?.close(), special?.close()]);
});

/** A verified student with STRONG_PASSWORD (one shared hash: no argon2 per user). */
const student = (app = t, o: { suspended?: boolean } = {}) =>
  buildUser(app.platform.database.db, { passwordHash, ...o });

async function login(
  app: TestApp,
  email: string,
  o: { password?: string; headers?: Record<string, string> } = {},
) {
  const client = new Client(app.app, o.headers);
  const res = await client.post('/api/auth/login', { email, password: o.password ?? STRONG_PASSWORD });
  return { client, res };
}

/** What an observer of a response sees, minus the request id that differs on every request. */
const observable = (res: LightMyRequestResponse) => {
  const body = res.json();
  if (body.error) delete body.error.requestId;
  return { status: res.statusCode, body, cookies: res.cookies.length, type: res.headers['content-type'] };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('POST /api/auth/login', () => {
  it('signs in with an HttpOnly, SameSite=Lax session cookie for path /', async () => {
    const user = await student();
    const { client, res } = await login(t, user.email);

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', user: { id: user.id, email: user.email } });
    expect(body.token).toBeUndefined();
    const session = res.cookies.find((c) => c.name === t.config.session.cookieName);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
    expect(session?.maxAge).toBe(t.config.session.absoluteMs / 1000);
    expect(res.cookies.find((c) => c.name === 'csrf_token')?.value).toBe(body.csrfToken);
    expect((await client.get('/api/auth/me')).json().user.id).toBe(user.id);
  });

  it('with returnToken gives a token that works as a Bearer token, without cookies or CSRF header', async () => {
    const user = await student();
    const res = await new Client(t.app).post('/api/auth/login', {
      email: user.email,
      password: STRONG_PASSWORD,
      returnToken: true,
    });
    const { token } = res.json();
    expect(token).toMatch(/^[\w-]{43}$/);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
  });

  it('returns 401 invalid_credentials for a wrong password and sets no cookie', async () => {
    const user = await student();
    const { client, res } = await login(t, user.email, { password: 'not the password at all' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    expect(res.cookies).toEqual([]);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers an unknown email exactly as a known email with a wrong password', async () => {
    const user = await student();
    const known = await login(t, user.email, { password: 'wrong password 1' });
    const unknown = await login(t, uniqueEmail('ghost'), { password: 'wrong password 1' });
    expect(known.res.statusCode).toBe(401);
    expect(observable(unknown.res)).toEqual(observable(known.res));
  });

  it('returns 403 account_suspended for a suspended user with the right password', async () => {
    const user = await student(t, { suspended: true });
    const { client, res } = await login(t, user.email);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_suspended');
    expect(res.cookies).toEqual([]);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('records sign_in_success, sign_in_failure and sign_in_throttled with ip and user agent', async () => {
    const user = await student();
    const headers = { 'user-agent': 'SigninEventsTest/1.0' };
    expect((await login(t, user.email, { headers })).res.statusCode).toBe(200);
    for (let i = 0; i < t.config.rateLimit.loginMaxPerAccount; i++) {
      expect((await login(t, user.email, { password: `wrong ${i}`, headers })).res.statusCode).toBe(401);
    }
    expect((await login(t, user.email, { headers })).res.statusCode).toBe(429);

    const seen = { ip: '127.0.0.1', userAgent: 'SigninEventsTest/1.0', userId: user.id };
    const success = await authEvents(admin, { type: 'sign_in_success', userId: user.id });
    const failures = await authEvents(admin, { type: 'sign_in_failure', userId: user.id });
    const throttled = await authEvents(admin, { type: 'sign_in_throttled', userId: user.id });
    expect(success).toEqual([expect.objectContaining(seen)]);
    expect(failures).toHaveLength(t.config.rateLimit.loginMaxPerAccount);
    for (const e of failures) expect(e).toMatchObject({ ...seen, email: user.email });
    expect(throttled).toEqual([expect.objectContaining({ ...seen, email: user.email })]);
  });
});

describe('sign-in throttling', () => {
  it('after 5 failures refuses the right password with 429 rate_limited, then lets it in once the lock passes', async () => {
    const user = await student(special);
    const lockMs = special.config.rateLimit.loginLockMs;
    const failures = await Promise.all(
      Array.from({ length: special.config.rateLimit.loginMaxPerAccount }, (_, i) =>
        login(special, user.email, { password: `wrong ${i}` }),
      ),
    );
    expect(failures.map((f) => f.res.statusCode)).toEqual([401, 401, 401, 401, 401]);
    const failedAt = Date.now(); // the lock runs from the first failure, so it ends before failedAt + lockMs

    const locked = await login(special, user.email);
    expect(locked.res.statusCode).toBe(429);
    expect(locked.res.json().error.code).toBe('rate_limited');
    expect(locked.res.headers['retry-after']).toBe(String(Math.ceil(lockMs / 1000)));
    // Another account is not affected: the lock is per account, not for everyone.
    expect((await login(special, (await student(special)).email)).res.statusCode).toBe(200);

    await sleep(failedAt + lockMs + 200 - Date.now());
    const after = await login(special, user.email);
    expect(after.res.statusCode).toBe(200);
    expect(after.res.json().status).toBe('ok');
  });
});

describe('POST /api/auth/logout', () => {
  it('returns 401 without a session', async () => {
    const res = await new Client(t.app).post('/api/auth/logout');
    expect(res.statusCode).toBe(401);
  });

  it('returns 204, clears the cookies, and the old cookie is refused afterwards', async () => {
    const { client } = await login(t, (await student()).email);
    const oldTab = copyOf(t.app, client);

    const res = await client.post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(client.cookies.size).toBe(0);
    const me = await oldTab.get('/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthenticated');
  });
});

describe('GET /api/auth/sessions', () => {
  it('returns 401 without a session', async () => {
    expect((await new Client(t.app).get('/api/auth/sessions')).statusCode).toBe(401);
  });

  it("lists the user's live sessions and marks the current one", async () => {
    const user = await student();
    const { client: laptop } = await login(t, user.email);
    const { client: phone } = await login(t, user.email);

    const fromLaptop = (await laptop.get('/api/auth/sessions')).json().sessions;
    const fromPhone = (await phone.get('/api/auth/sessions')).json().sessions;
    expect(fromLaptop).toHaveLength(2);
    expect(fromLaptop.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const laptopId = fromLaptop.find((s: { current: boolean }) => s.current).id;
    const phoneId = fromPhone.find((s: { current: boolean }) => s.current).id;
    expect(phoneId).not.toBe(laptopId);
    expect(fromPhone.map((s: { id: string }) => s.id).sort()).toEqual([laptopId, phoneId].sort());
  });
});

describe('DELETE /api/auth/sessions/:id', () => {
  const currentSessionId = async (c: Client) =>
    (await c.get('/api/auth/sessions')).json().sessions.find((s: { current: boolean }) => s.current).id;

  it('revokes another session of the same user: it gets 401 on its next request', async () => {
    const user = await student();
    const { client: stolen } = await login(t, user.email);
    const { client: owner } = await login(t, user.email);

    const res = await owner.delete(`/api/auth/sessions/${await currentSessionId(stolen)}`);
    expect(res.statusCode).toBe(204);
    expect((await stolen.get('/api/auth/me')).statusCode).toBe(401);
    expect((await owner.get('/api/auth/me')).statusCode).toBe(200);
  });

  it("returns 404 for another user's session, which keeps working", async () => {
    const { client: victim } = await login(t, (await student()).email);
    const { client: attacker } = await login(t, (await student()).email);

    const res = await attacker.delete(`/api/auth/sessions/${await currentSessionId(victim)}`);
    expect(res.statusCode).toBe(404);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('returns 400 for an id that is not a uuid', async () => {
    const { client } = await login(t, (await student()).email);
    expect((await client.delete('/api/auth/sessions/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('POST /api/auth/logout-all', () => {
  it('revokes every session of the user', async () => {
    const user = await student();
    const { client: one } = await login(t, user.email);
    const { client: two } = await login(t, user.email);
    const oneCopy = copyOf(t.app, one);

    expect((await one.post('/api/auth/logout-all')).statusCode).toBe(204);
    expect((await oneCopy.get('/api/auth/me')).statusCode).toBe(401);
    expect((await two.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  const logout = (cookie: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, ...headers } });

  it('refuses a cookie-authenticated POST without x-csrf-token with 403 csrf_failed', async () => {
    const { client } = await login(t, (await student()).email);
    const res = await logout(cookieHeader(client));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200); // still signed in
  });

  it("refuses another session's CSRF token with 403", async () => {
    const { client } = await login(t, (await student()).email);
    const { client: other } = await login(t, (await student()).email);
    const res = await logout(cookieHeader(client), { 'x-csrf-token': other.csrf as string });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('refuses a request from another origin with 403 even with the right token', async () => {
    const { client } = await login(t, (await student()).email);
    const token = { 'x-csrf-token': client.csrf as string };
    const evil = await logout(cookieHeader(client), { ...token, origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('csrf_failed');

    const own = await logout(cookieHeader(client), { ...token, origin: t.config.http.publicUrl.origin });
    expect(own.statusCode).toBe(204);
  });

  it('needs no CSRF token for a Bearer-authenticated POST', async () => {
    const user = await student();
    const res = await new Client(t.app).post('/api/auth/login', {
      email: user.email,
      password: STRONG_PASSWORD,
      returnToken: true,
    });
    const authorization = `Bearer ${res.json().token}`;
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } });
    expect(me.statusCode).toBe(401);
  });
});

describe('session expiry', () => {
  it('ends a session idle for longer than SESSION_IDLE_HOURS; activity keeps it alive', async () => {
    const idle = special.config.session.idleMs;
    const { client } = await login(special, (await student(special)).email);
    clock.advance(idle - 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(idle - 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);

    clock.advance(idle + 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session older than SESSION_ABSOLUTE_DAYS even while it is in use', async () => {
    const { idleMs: idle, absoluteMs: absolute } = special.config.session;
    const { client } = await login(special, (await student(special)).email);
    const step = idle - 3_600_000;
    let elapsed = 0;
    while (elapsed + step < absolute) {
      clock.advance(step);
      elapsed += step;
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    }
    clock.advance(absolute - elapsed + 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});
