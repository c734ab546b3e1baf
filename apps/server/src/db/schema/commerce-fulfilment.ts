import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { orderItems, orders } from './commerce-orders.ts';
import { payments, refunds } from './commerce-payments.ts';
import { products } from './commerce-shop.ts';
import { users } from './identity.ts';

// Money is always integer minor units (`*_minor`) with an ISO 4217 code beside it (`currency`).

// ── Digital downloads, ledger ──────────────────────────────────────────────────────────────────────

/** A buyer's right to download a digital product's file: made at fulfilment, withdrawn by a refund. */
export const downloadGrants = pgTable(
  'download_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderItemId: uuid('order_item_id')
      .notNull()
      .references(() => orderItems.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    downloadCount: integer('download_count').notNull().default(0),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('download_grants_order_item_key').on(t.orderItemId),
    index('download_grants_user_idx').on(t.userId),
  ],
);

/**
 * Double-entry ledger: every money movement is a set of rows with the same `movement_id` whose amounts
 * sum to zero per currency. Accounts: `cash:<provider>` (money held at a provider), `revenue:platform`,
 * `payable:instructor` (with `user_id`), `tax:payable`, `revenue:shipping`.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id').notNull(),
    /** `payment`, `refund`, `payout`, `adjustment`. */
    kind: text('kind').notNull(),
    account: text('account').notNull(),
    /** The instructor of a `payable:instructor` row. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    orderItemId: uuid('order_item_id').references(() => orderItems.id, { onDelete: 'set null' }),
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'set null' }),
    refundId: uuid('refund_id').references(() => refunds.id, { onDelete: 'set null' }),
    /** Positive: debit (money in to the account); negative: credit. */
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_entries_movement_idx').on(t.movementId),
    index('ledger_entries_account_idx').on(t.account, t.userId, t.createdAt),
    index('ledger_entries_order_idx').on(t.orderId),
  ],
);

export type DownloadGrantRow = typeof downloadGrants.$inferSelect;
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
