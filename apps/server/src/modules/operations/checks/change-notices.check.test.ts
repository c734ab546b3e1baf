import { describe, expect, it } from 'vitest';
import { changeNoticesCheck } from './change-notices.check.ts';
import type { CheckContext } from './check.types.ts';

// The check reads nothing but the listeners' state; the HTTP test (checks.routes.test.ts) shows it OK
// on a real app, whose listeners are up. Here, each state a listener can be in.
const run = (listeners: CheckContext['listeners']) => changeNoticesCheck.run({ listeners } as CheckContext);

describe('change notices check', () => {
  it('is OK while every listener hears, naming them', async () => {
    const r = await run([
      { name: 'sessions', hearing: () => true },
      { name: 'catalog', hearing: () => true },
    ]);
    expect(r).toMatchObject({ state: 'ok', message: expect.stringMatching(/sessions, catalog/) });
  });

  it('warns with the listeners that do not hear, and where to look', async () => {
    let catalogUp = false;
    const listeners = [
      { name: 'sessions', hearing: () => true },
      { name: 'catalog', hearing: () => catalogUp },
    ];
    const r = await run(listeners);
    expect(r.state).toBe('warn');
    expect(r.message).toMatch(/for: catalog\. .*correct, but slower.*9tangle-listen/);
    expect(r.details).toEqual({
      listeners: [
        { name: 'sessions', hearing: true },
        { name: 'catalog', hearing: false },
      ],
    });
    // Read at each run: once the connection is back, OK again.
    catalogUp = true;
    expect((await run(listeners)).state).toBe('ok');
  });

  it('is OK when the process keeps nothing that needs them', async () => {
    expect(await run([])).toMatchObject({ state: 'ok', message: expect.stringMatching(/keeps nothing/) });
  });
});
