import { writeFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../apps/server/test/harness.ts';
import { bodySchemaOf, sampleOf } from './access-bodies.ts';
import { type Canaries, findLeaks, plantCanaries } from './access-leaks.ts';
import { idFieldFor, PLACEHOLDER, type Probe, paramFor, SPECIAL } from './access-requests.ts';
import { buildWorld, type World } from './access-world.ts';
import { ACTORS, type Actor, policyOf, ROUTES } from './policy/routes.ts';

/**
 * Every route of the app × every actor, against `security/policy/routes.ts`: real resources, the
 * owner's ids, valid-looking bodies, the CSRF token sent as the web app sends it.
 */
let t: TestApp;
let w: World;
let canaries: Canaries;
let doc: Parameters<typeof bodySchemaOf>[0];
const started = Date.now();

/** Routes not sent as an admin: they start real work the matrix has no business doing (each is admin-only). */
const NOT_SENT_AS_ADMIN: Record<string, string> = {
  'POST /api/admin/backups': 'starts a full backup',
  'POST /api/admin/backups/drill': 'starts a backup and restore drill',
};
/** Run at the very end: it ends every session of the caller. */
const LAST = ['POST /api/auth/logout-all'];

interface Answer {
  route: string;
  actor: Actor;
  status: number;
  code: string | undefined;
  body: string;
  placeholder: boolean;
}
const answers: Answer[] = [];

beforeAll(async () => {
  t = await createTestApp({ ownDatabase: true });
  w = await buildWorld(t);
  canaries = await plantCanaries(w);
  doc = (await t.app.inject({ url: '/api/docs/json' })).json();
  // About 30 s alone; minutes when other jobs load the machine.
}, 900_000);
afterAll(async () => {
  await t?.close();
});

const DENIED = new Set([401, 403, 404]);
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

async function send(
  route: { method: string; url: string },
  actor: Actor,
  extra?: Record<string, unknown>,
): Promise<Answer> {
  const special = SPECIAL[key(route)] ? await SPECIAL[key(route)]?.(w, actor) : {};
  const params = special?.params ?? {};
  let placeholder = false;
  const url = route.url
    .replace(/:(\w+)/g, (_, name: string) => {
      const v = params[name] ?? paramFor(w, route.url, name);
      if (v === PLACEHOLDER) placeholder = true;
      return encodeURIComponent(v);
    })
    .replace(/^\*$/, '/api/courses')
    .replace(/\*$/, 'index.css');
  const probe: Probe = { url, ...special };
  // A visitor has no cookies: each of their requests starts from a fresh client.
  const client = probe.client ?? (actor === 'anonymous' ? new Client(t.app) : w.actors[actor]);
  let res: LightMyRequestResponse;
  if (route.method === 'GET' || route.method === 'OPTIONS') {
    res = await client.request(
      route.method,
      url,
      undefined,
      route.method === 'OPTIONS'
        ? { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' }
        : {},
    );
  } else {
    const schema = bodySchemaOf(doc, route.method, route.url);
    const base = probe.body ?? (schema ? sampleOf(schema, '', idFieldFor(w)) : {});
    const body = extra && base && typeof base === 'object' ? { ...base, ...extra } : base;
    res = await client.request(route.method, url, body, probe.headers ?? {});
  }
  let code: string | undefined;
  try {
    code = res.json()?.error?.code;
  } catch {
    code = undefined;
  }
  return { route: key(route), actor, status: res.statusCode, code, body: res.body, placeholder };
}

/** Fields a browser must never set: ownership, roles, prices, money, states (issue 7). */
const SMUGGLED: Record<string, unknown> = {
  role: 'admin',
  isAdmin: true,
  emailVerified: true,
  ownerId: PLACEHOLDER,
  instructorId: PLACEHOLDER,
  userId: PLACEHOLDER,
  status: 'published',
  price: 1,
  priceCents: 1,
  priceMinor: 1,
  amount: 1,
  amountMinor: 1,
  total: 1,
  totalMinor: 1,
  currency: 'USD',
};
/** Who sends a route's mass-assignment probe: an allowed actor with a session, the owner first. */
const SENDERS: Actor[] = ['student', 'instructor', 'admin', 'unverified', 'otherStudent', 'otherInstructor'];
const massAssignment = { routes: 0, refused: 0 };

describe('mass assignment', () => {
  it('every JSON body refuses unknown fields: the schema says so (additionalProperties: false)', () => {
    const open: string[] = [];
    for (const r of t.app.routeTable) {
      const schema = bodySchemaOf(doc, r.method, r.url);
      if (!schema) continue;
      const members = schema.anyOf ?? schema.oneOf ?? [schema];
      if (members.some((m) => (m.type === 'object' || m.properties) && m.additionalProperties !== false))
        open.push(key(r));
    }
    expect(open).toEqual([]);
  });

  it('refuses ownership, role, price, money and state fields smuggled into any body (400 validation_failed)', async () => {
    const taken: string[] = [];
    for (const r of t.app.routeTable) {
      const schema = bodySchemaOf(doc, r.method, r.url);
      const policy = policyOf(r.method, r.url);
      const sender = SENDERS.find((a) => policy?.allow.includes(a));
      if (!schema || !sender) continue;
      const known = new Set(
        (schema.anyOf ?? schema.oneOf ?? [schema]).flatMap((m) => Object.keys(m.properties ?? {})),
      );
      const extra = Object.fromEntries(Object.entries(SMUGGLED).filter(([k]) => !known.has(k)));
      const a = await send(r, sender, extra);
      massAssignment.routes += 1;
      if (a.status === 400 && a.code === 'validation_failed') massAssignment.refused += 1;
      else taken.push(`${a.route} as ${sender} → ${a.status} ${a.code ?? ''}`);
    }
    expect(massAssignment.routes).toBeGreaterThan(80);
    expect(taken).toEqual([]);
  });

  it('a route that reads no body ignores one: enrolling with another user’s id enrolls the caller', async () => {
    const course = await w.freshOpenCourse();
    const res = await w.actors.student.request('POST', `/api/courses/${course.slug}/enroll`, {
      userId: w.people.otherStudent.user.id,
      status: 'active',
      priceMinor: 0,
    });
    expect(res.statusCode).toBe(201);
    const mine = (await w.actors.student.get('/api/learning/courses')).body;
    const theirs = (await w.actors.otherStudent.get('/api/learning/courses')).body;
    expect(mine).toContain(course.slug);
    expect(theirs).not.toContain(course.slug);
  });
});

describe('the route × actor matrix', () => {
  it('has a policy row for every route of the app, and no row for a route that is gone', () => {
    const missing = t.app.routeTable.filter((r) => !policyOf(r.method, r.url)).map(key);
    expect(missing).toEqual([]);
    const live = new Set(t.app.routeTable.map(key));
    expect(Object.keys(ROUTES).filter((k) => !live.has(k))).toEqual([]);
    expect(t.app.routeTable.length).toBeGreaterThan(250);
  });

  it('answers every route as every actor as the policy says', async () => {
    const routes = [...t.app.routeTable].sort((x, y) => rank(x) - rank(y));
    const wrong: string[] = [];
    for (const route of routes) {
      const policy = policyOf(route.method, route.url);
      if (!policy) continue;
      for (const actor of ACTORS) {
        if (actor === 'admin' && NOT_SENT_AS_ADMIN[key(route)]) continue;
        let a: Answer;
        try {
          a = await send(route, actor);
        } catch (e) {
          wrong.push(`${key(route)} as ${actor}: the probe failed (${(e as Error).message})`);
          continue;
        }
        answers.push(a);
        const allowed = policy.allow.includes(actor);
        const what = `${a.route} as ${actor} → ${a.status} ${a.code ?? ''}`;
        if (a.status >= 500) wrong.push(`${what} (server error)`);
        else if (
          allowed &&
          DENIED.has(a.status) &&
          !(a.placeholder && a.status === 404) &&
          !(a.code && policy.refusals?.includes(a.code))
        )
          wrong.push(`${what} (the policy allows it: ${policy.why})`);
        else if (!allowed && !DENIED.has(a.status))
          wrong.push(`${what} (the policy denies it: ${policy.why})`);
      }
    }
    writeFigures();
    expect(wrong).toEqual([]);
    // About 2 300 requests: 2½ minutes alone on 2 cores, several times that on a shared, loaded machine.
  }, 1_200_000);

  it('leaks no password hash, token, secret, answer key or other user’s email in any answer', () => {
    expect(answers.length).toBeGreaterThan(2000);
    // The detector is not blind: the canaries are in the answers of those who may read them.
    const studentEmail = canaries.emails.student as string;
    expect(
      answers.some((a) => (a.actor === 'admin' || a.actor === 'instructor') && a.body.includes(studentEmail)),
    ).toBe(true);
    expect(answers.some((a) => a.actor === 'instructor' && a.body.includes('EXPLAINSECRETqx'))).toBe(true);
    expect(findLeaks(answers, canaries)).toEqual([]);
  });
});

function rank(r: { method: string; url: string }): number {
  if (LAST.includes(key(r))) return 3;
  if (r.url.startsWith('/api/admin/')) return 2;
  return 1;
}

function writeFigures() {
  const allowed = answers.filter((a) =>
    policyOf(...(a.route.split(' ') as [string, string]))?.allow.includes(a.actor),
  );
  const figures = {
    routes: t.app.routeTable.length,
    routesSent: new Set(answers.map((a) => a.route)).size,
    actors: ACTORS.length,
    requests: answers.length,
    allowed: allowed.length,
    allowedAnswered2xx3xx: allowed.filter((a) => a.status < 400).length,
    denied: answers.length - allowed.length,
    routesOnMadeUpIds: new Set(answers.filter((a) => a.placeholder).map((a) => a.route)).size,
    placeholderRequests: answers.filter((a) => a.placeholder).length,
    massAssignmentRoutes: massAssignment.routes,
    massAssignmentRefused: massAssignment.refused,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`access matrix: ${JSON.stringify(figures)}\n`);
  if (process.env.ACCESS_FIGURES)
    writeFileSync(
      process.env.ACCESS_FIGURES,
      JSON.stringify({ figures, answers: answers.map(({ body: _b, ...x }) => x) }, null, 1),
    );
}
