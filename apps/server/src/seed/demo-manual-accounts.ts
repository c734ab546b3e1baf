import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { manualPaymentAccounts } from '../db/schema/index.ts';

/** The demo academy's transfer accounts: obviously fake numbers, one per method. */
const ACCOUNTS = [
  {
    method: 'jazzcash' as const,
    title: 'JazzCash',
    accountName: '9tangle Academy (demo)',
    accountNumber: '0300-0000000',
    bankName: null,
    iban: null,
    instructions: 'Send money to this JazzCash wallet and write the order number in the note.',
  },
  {
    method: 'easypaisa' as const,
    title: 'EasyPaisa',
    accountName: '9tangle Academy (demo)',
    accountNumber: '0345-0000000',
    bankName: null,
    iban: null,
    instructions: 'Send money to this EasyPaisa account and write the order number in the note.',
  },
  {
    method: 'bank_transfer' as const,
    title: 'Demo Bank',
    accountName: '9tangle Academy (demo)',
    accountNumber: '0000-0000000000',
    bankName: 'Demo Bank Ltd',
    iban: 'PK00DEMO0000000000000000',
    instructions: 'Transfer from any Pakistani bank; use the order number as the reference.',
  },
];

/** Add the demo accounts that are not there yet (same method, title and name): safe to run twice. */
export async function seedDemoManualAccounts(x: Executor): Promise<void> {
  for (const [position, a] of ACCOUNTS.entries()) {
    const [existing] = await x
      .select({ id: manualPaymentAccounts.id })
      .from(manualPaymentAccounts)
      .where(
        and(
          eq(manualPaymentAccounts.method, a.method),
          eq(manualPaymentAccounts.title, a.title),
          eq(manualPaymentAccounts.accountName, a.accountName),
        ),
      );
    if (!existing) await x.insert(manualPaymentAccounts).values({ ...a, position });
  }
}
