import type { PaymentAccountBody } from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import { badRequest, notFound } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import { accountsRepo } from './accounts.repo.ts';
import { toAccount, toAdminAccount } from './manual.mappers.ts';

/**
 * The accounts buyers transfer to (bank, JazzCash, EasyPaisa). An account is deactivated, never
 * deleted: proofs already sent name it, and the reviewer must still see where the money was sent.
 */
export function createAccountsService(d: { database: Database; clock: Clock }) {
  const db = d.database.db;
  return {
    /** The active accounts, for the checkout and the transfer page. */
    async listActive() {
      return { items: (await accountsRepo.list(db, { activeOnly: true })).map(toAccount) };
    },
    async listAll() {
      return { items: (await accountsRepo.list(db, { activeOnly: false })).map(toAdminAccount) };
    },
    async create(body: PaymentAccountBody) {
      return toAdminAccount(await accountsRepo.insert(db, { ...body, active: true }));
    },
    async update(id: string, body: PaymentAccountBody) {
      const row = await accountsRepo.update(db, id, body, d.clock.now());
      if (!row) throw notFound('payment account');
      return toAdminAccount(row);
    },
    async setActive(id: string, active: boolean) {
      const row = await accountsRepo.update(db, id, { active }, d.clock.now());
      if (!row) throw notFound('payment account');
      return toAdminAccount(row);
    },
    /**
     * Put these accounts first, in this order; the others keep their order after them. Every id must
     * be an account, named once.
     */
    async reorder(ids: string[]) {
      const unique = new Set(ids);
      const known = await accountsRepo.ids(db, ids);
      if (unique.size !== ids.length || known.length !== ids.length)
        throw badRequest('validation_failed', 'Name each payment account once', [
          { path: ['ids'], message: 'Name each payment account once' },
        ]);
      const rest = (await accountsRepo.list(db, { activeOnly: false })).filter((a) => !unique.has(a.id));
      await db.transaction(async (tx) => {
        for (const [i, id] of [...ids, ...rest.map((a) => a.id)].entries())
          await accountsRepo.setPosition(tx, id, i);
      });
      return this.listAll();
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
