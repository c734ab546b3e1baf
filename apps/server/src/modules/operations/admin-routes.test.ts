import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { buildUser } from '../../seed/factories.ts';

/**
 * Every route under `/api/admin/` — read from the app's own route table, so a new one is covered the
 * day it is added — refuses an anonymous caller (401) and hides from a student and an instructor (404),
 * whatever its method, parameters or body.
 */
let t: TestApp;
let student: Client;
let instructor: Client;
let adminRoutes: { method: string; url: string }[];
beforeAll(async () => {
  t = await createTestApp();
  student = await signInAs(t, await buildUser(t.platform.database.db, { role: 'student' }));
  instructor = await signInAs(t, await buildUser(t.platform.database.db, { role: 'instructor' }));
  adminRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/admin/'));
});
afterAll(async () => t?.close());

const ID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, ID).replace(/\*$/, 'x');

describe('the admin API', () => {
  it('has the routes the back office needs (the sweep below is not vacuous)', () => {
    expect(adminRoutes.length).toBeGreaterThan(60);
    expect(adminRoutes).toContainEqual({ method: 'GET', url: '/api/admin/audit' });
  });

  it('answers 401 to an anonymous caller on every admin route', async () => {
    const wrong: string[] = [];
    for (const r of adminRoutes) {
      const res = await new Client(t.app).request(
        r.method,
        concrete(r.url),
        r.method === 'GET' ? undefined : {},
      );
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['student', () => student],
    ['instructor', () => instructor],
  ])('answers 404 not_found to a %s on every admin route, before reading the body', async (_role, who) => {
    const wrong: string[] = [];
    for (const r of adminRoutes) {
      const res = await who().request(
        r.method,
        concrete(r.url),
        r.method === 'GET' ? undefined : { bad: true },
      );
      if (res.statusCode !== 404 || res.json().error.code !== 'not_found')
        wrong.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
