import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { paymentProviderEnum } from './commerce-enums.ts';
import { orders } from './commerce-orders.ts';
import { users } from './identity.ts';

// Money is always integer minor units (`*_minor`) with an ISO 4217 code beside it (`currency`).

// ── Payments ───────────────────────────────────────────────────────────────────────────────────────

export const paymentStatusEnum = pgEnum('payment_status', [
  'created',
  'pending',
  'succeeded',
  'failed',
  'cancelled',
  'refunded',
  'partially_refunded',
]);

/** Every attempt to pay an order, at any provider: the maintenance guide's "every attempt is stored". */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    provider: paymentProviderEnum('provider').notNull(),
    /** The provider's id of the attempt (Checkout Session, PayPal order, manual submission, test id). */
    providerRef: text('provider_ref'),
    /** The provider's id of the captured charge (payment intent, capture id), once known. */
    providerChargeRef: text('provider_charge_ref'),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    status: paymentStatusEnum('status').notNull().default('created'),
    /** Where the buyer is sent to pay (hosted page), when the provider has one. */
    redirectUrl: text('redirect_url'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('payments_provider_ref_key').on(t.provider, t.providerRef),
    // Refunds and disputes name the charge: without this, finding their attempt read every payment.
    index('payments_provider_charge_ref_idx').on(t.provider, t.providerChargeRef),
    index('payments_order_idx').on(t.orderId, t.createdAt),
    index('payments_status_created_idx').on(t.status, t.createdAt),
  ],
);

/** Provider notifications already handled, so a redelivery changes nothing. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    provider: paymentProviderEnum('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    /** What handling it did (`fulfilled`, `already_paid`, `ignored`, `amount_mismatch`, …). */
    outcome: text('outcome'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] }), index('payment_events_order_idx').on(t.orderId)],
);

export const refundStatusEnum = pgEnum('refund_status', ['pending', 'succeeded', 'failed']);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'set null' }),
    provider: paymentProviderEnum('provider').notNull(),
    /** The provider's refund id; null for a manual (recorded) refund. */
    providerRef: text('provider_ref'),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    status: refundStatusEnum('status').notNull().default('pending'),
    reason: text('reason'),
    /** Which lines (and how many of each) it gives back: access and stock follow them. */
    items: jsonb('items').$type<{ orderItemId: string; quantity: number; amountMinor: number }[]>().notNull(),
    errorMessage: text('error_message'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('refunds_provider_ref_key').on(t.provider, t.providerRef),
    index('refunds_order_idx').on(t.orderId),
    check('refunds_amount_check', sql`${t.amountMinor} > 0`),
  ],
);

// ── Manual transfers ───────────────────────────────────────────────────────────────────────────────

export const manualMethodEnum = pgEnum('manual_method', ['bank_transfer', 'jazzcash', 'easypaisa']);

/** The accounts a buyer may pay into by hand, shown at checkout. */
export const manualPaymentAccounts = pgTable('manual_payment_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  method: manualMethodEnum('method').notNull(),
  title: text('title').notNull(),
  accountName: text('account_name').notNull(),
  accountNumber: text('account_number').notNull(),
  bankName: text('bank_name'),
  iban: text('iban'),
  instructions: text('instructions'),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const proofStatusEnum = pgEnum('manual_proof_status', ['pending', 'approved', 'rejected']);
export const rejectReasonEnum = pgEnum('manual_reject_reason', [
  'insufficient_funds',
  'wrong_amount',
  'unreadable_proof',
  'duplicate',
  'other',
]);

/** A buyer's proof of a manual payment (up to 3 per order), reviewed by an admin. */
export const manualPaymentProofs = pgTable(
  'manual_payment_proofs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => manualPaymentAccounts.id, { onDelete: 'set null' }),
    method: manualMethodEnum('method').notNull(),
    attemptNumber: integer('attempt_number').notNull(),
    transactionId: text('transaction_id').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    senderAccount: text('sender_account').notNull(),
    proofKey: text('proof_key').notNull(),
    proofMime: text('proof_mime').notNull(),
    proofSizeBytes: integer('proof_size_bytes').notNull(),
    status: proofStatusEnum('status').notNull().default('pending'),
    rejectReason: rejectReasonEnum('reject_reason'),
    rejectNote: text('reject_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('manual_payment_proofs_order_attempt_key').on(t.orderId, t.attemptNumber),
    // One proof under review per order at a time.
    uniqueIndex('manual_payment_proofs_one_pending_key').on(t.orderId).where(sql`${t.status} = 'pending'`),
    index('manual_payment_proofs_status_idx').on(t.status, t.createdAt),
    check('manual_payment_proofs_attempt_check', sql`${t.attemptNumber} between 1 and 3`),
  ],
);

/** The simulated card page's sessions (migration 0005): the outcome the buyer chose, read by `lookup`. */
export const testPaymentSessions = pgTable(
  'test_payment_sessions',
  {
    providerRef: text('provider_ref').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** null while open; `succeeded`, `declined`, or `delayed` (pending, succeeds a few seconds later). */
    outcome: text('outcome').$type<'succeeded' | 'declined' | 'delayed'>(),
    /** Bumped per simulated event, so each one carries a unique event id. */
    seq: integer('seq').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('test_payment_sessions_payment_key').on(t.paymentId),
    check(
      'test_payment_sessions_outcome_check',
      sql`${t.outcome} is null or ${t.outcome} in ('succeeded', 'declined', 'delayed')`,
    ),
  ],
);

export type TestPaymentSessionRow = typeof testPaymentSessions.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type PaymentEventRow = typeof paymentEvents.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type ManualPaymentAccountRow = typeof manualPaymentAccounts.$inferSelect;
export type ManualPaymentProofRow = typeof manualPaymentProofs.$inferSelect;
