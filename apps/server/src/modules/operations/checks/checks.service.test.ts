import { randomBytes } from 'node:crypto';
import type { CheckState } from '@9tangle/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, uniqueEmail } from '../../../../test/harness.ts';
import { checkHistory, checkStates, jobRuns } from '../../../db/schema/index.ts';
import { manualClock } from '../../../platform/clock.ts';
import { createSecrets } from '../../../platform/crypto.ts';
import { mailRepo } from '../../notifications/mail.repo.ts';
import { createMailService } from '../../notifications/mail.service.ts';
import type { Check, CheckContext } from './check.types.ts';
import { alertRecipients, transition } from './check-runner.ts';
import { createChecksService } from './checks.service.ts';

/**
 * The rules of a run, with checks whose answer the test sets (ids unique to this run, so a shared
 * database's other rows never interfere): history only on a change, `since` kept, one mail per change
 * even when two runs race, errors and timeouts as CRIT, each run in `job_runs`.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

function controllable(id: string) {
  let next: { state: CheckState; message: string } | 'throw' | 'hang' = { state: 'ok', message: 'fine' };
  const check: Check = {
    id,
    title: `Test check ${id}`,
    schedule: 'daily',
    async run() {
      if (next === 'throw') throw new Error('the probe exploded');
      if (next === 'hang') return new Promise(() => undefined);
      return { ...next, details: { n: 1 } };
    },
  };
  return { check, set: (v: typeof next) => (next = v) };
}

function service(checks: Check[], alertTo: string, clock = manualClock(new Date('2031-03-01T10:00:00Z'))) {
  const mail = createMailService({
    database: t.platform.database,
    jobs: t.platform.jobs,
    transport: t.platform.mailTransport,
    secrets: createSecrets(t.config.secrets.session, null),
    from: 'ops@example.test',
    log: t.app.log,
    clock,
  });
  const svc = createChecksService({
    database: t.platform.database,
    clock,
    mail,
    checks,
    context: {} as Omit<CheckContext, 'now'>,
    alertEmails: [alertTo],
    operationsUrl: 'http://localhost:3000/admin/operations',
    log: t.app.log,
    timeoutMs: 200,
  });
  return { svc, clock };
}

const id = () => `test_${randomBytes(5).toString('hex')}`;
const db = () => t.platform.database.db;
const historyOf = (checkId: string) =>
  db().select().from(checkHistory).where(eq(checkHistory.checkId, checkId));
const stateOf = async (checkId: string) =>
  (await db().select().from(checkStates).where(eq(checkStates.checkId, checkId)))[0];
const mailsTo = async (to: string) =>
  (await mailRepo.list(db(), { page: 1, limit: 50, to })).items.map((m) => m.subject);

describe('a run of the checks', () => {
  it('records the first state, keeps since while it holds, and adds history only on a change', async () => {
    const c = controllable(id());
    const alertTo = uniqueEmail('alerts');
    const { svc, clock } = service([c.check], alertTo);
    const t0 = clock.now();
    await svc.run('cli');
    expect(await stateOf(c.check.id)).toMatchObject({ state: 'ok', since: t0, checkedAt: t0 });
    expect(await historyOf(c.check.id)).toHaveLength(1);
    // A first OK is recorded but not mailed: nothing is wrong.
    expect(await mailsTo(alertTo)).toEqual([]);

    clock.advance(60_000);
    c.set({ state: 'ok', message: 'still fine' });
    await svc.run('cli');
    expect(await stateOf(c.check.id)).toMatchObject({ state: 'ok', message: 'still fine', since: t0 });
    expect(await historyOf(c.check.id)).toHaveLength(1);

    clock.advance(60_000);
    const t2 = clock.now();
    c.set({ state: 'crit', message: 'broken' });
    const result = await svc.run('cli');
    expect(result.changed).toEqual([c.check.id]);
    expect(await stateOf(c.check.id)).toMatchObject({ state: 'crit', since: t2, checkedAt: t2 });
    const history = await historyOf(c.check.id);
    expect(history.map((h) => [h.previousState, h.state])).toContainEqual(['ok', 'crit']);
    expect(history).toHaveLength(2);
    expect(await mailsTo(alertTo)).toEqual([`[CRIT] Test check ${c.check.id}: OK → CRIT`]);

    // Still CRIT on the next run: no new mail, no new history, the same since.
    clock.advance(60_000);
    await svc.run('cli');
    expect(await historyOf(c.check.id)).toHaveLength(2);
    expect(await mailsTo(alertTo)).toHaveLength(1);
    expect((await stateOf(c.check.id))?.since).toEqual(t2);

    const h = await svc.history(c.check.id, 10);
    expect(h.items.map((e) => e.state)).toEqual(['crit', 'ok']);
  });

  it('alerts on the first run of a check that is not OK', async () => {
    const c = controllable(id());
    c.set({ state: 'warn', message: 'getting full' });
    const alertTo = uniqueEmail('alerts');
    await service([c.check], alertTo).svc.run('cli');
    expect(await mailsTo(alertTo)).toEqual([`[WARN] Test check ${c.check.id}: WARN`]);
  });

  it('mails once when two runs find the same change at the same time', async () => {
    const c = controllable(id());
    const alertTo = uniqueEmail('alerts');
    const { svc } = service([c.check], alertTo);
    await svc.run('cli');
    c.set({ state: 'warn', message: 'slow' });
    const [a, b] = await Promise.all([svc.run('schedule'), svc.run('admin:x')]);
    expect([...a.changed, ...b.changed]).toEqual([c.check.id]);
    expect(await mailsTo(alertTo)).toHaveLength(1);
    expect(await historyOf(c.check.id)).toHaveLength(2);
  });

  it('turns a thrown error or a check that never answers into CRIT with the reason', async () => {
    const thrower = controllable(id());
    const hanger = controllable(id());
    thrower.set('throw');
    hanger.set('hang');
    const { svc } = service([thrower.check, hanger.check], uniqueEmail('alerts'));
    const r = await svc.run('cli');
    expect(r.items.map((i) => [i.state, i.message])).toEqual([
      ['crit', 'The check failed: the probe exploded'],
      ['crit', 'The check did not answer within 0.2 s'],
    ]);
  });

  it('records each run in job_runs with its counts', async () => {
    const c = controllable(id());
    c.set({ state: 'warn', message: 'meh' });
    const { svc, clock } = service(
      [c.check],
      uniqueEmail('alerts'),
      manualClock(new Date(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 1e9) * 1000)),
    );
    await svc.run('cli');
    const runs = await db().select().from(jobRuns).where(eq(jobRuns.startedAt, clock.now()));
    const mine = runs.find((r) => r.job === 'checks' && r.trigger === 'cli');
    expect(mine).toMatchObject({
      status: 'succeeded',
      result: { ok: 0, warn: 1, crit: 0, changed: [c.check.id] },
    });
    expect(mine?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('answers 404 for the history of an unknown check', async () => {
    const { svc } = service([], uniqueEmail('alerts'));
    await expect(svc.history('nope', 5)).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });
});

describe('transition', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  const before = new Date('2029-12-31T00:00:00Z');
  it('keeps since and reports no change while the state holds', () => {
    expect(transition({ state: 'warn', since: before }, 'warn', now)).toEqual({
      since: before,
      changed: false,
      previousState: 'warn',
      alert: false,
    });
  });
  it('starts a new since and alerts on a change', () => {
    expect(transition({ state: 'ok', since: before }, 'crit', now)).toEqual({
      since: now,
      changed: true,
      previousState: 'ok',
      alert: true,
    });
  });
  it('records a first state, alerting only when it is not OK', () => {
    expect(transition(null, 'ok', now).alert).toBe(false);
    expect(transition(null, 'crit', now)).toMatchObject({ changed: true, alert: true, previousState: null });
  });
});

describe('alertRecipients', () => {
  it('prefers the configured addresses, else every admin, each once', () => {
    expect(alertRecipients(['Ops@X.test', 'ops@x.test'], ['a@x.test'])).toEqual(['ops@x.test']);
    expect(alertRecipients([], ['a@x.test', 'B@x.test', 'a@x.test'])).toEqual(['a@x.test', 'b@x.test']);
  });
});
