import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoManualAccounts } from './demo-manual-accounts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('seedDemoManualAccounts', () => {
  it('adds a JazzCash, an EasyPaisa and a bank account once, however often it runs', async () => {
    const count = async () =>
      (
        await t.platform.database.raw.query<{ method: string; n: number }>(
          `select method, count(*)::int as n from manual_payment_accounts
           where account_name = '9tangle Academy (demo)' group by method order by method`,
        )
      ).rows;
    await seedDemoManualAccounts(t.platform.database.db);
    await seedDemoManualAccounts(t.platform.database.db);
    expect(await count()).toEqual([
      { method: 'bank_transfer', n: 1 },
      { method: 'jazzcash', n: 1 },
      { method: 'easypaisa', n: 1 },
    ]);
  });
});
