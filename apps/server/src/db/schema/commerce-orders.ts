import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { courses } from './catalog.ts';
import { createdAt, updatedAt } from './columns.ts';
import { coupons, shippingRates } from './commerce-cart.ts';
import { itemTypeEnum, paymentProviderEnum } from './commerce-enums.ts';
import { products } from './commerce-shop.ts';
import { users } from './identity.ts';

// Money is always integer minor units (`*_minor`) with an ISO 4217 code beside it (`currency`).

// ── Orders ─────────────────────────────────────────────────────────────────────────────────────────

export const orderStatusEnum = pgEnum('order_status', [
  'pending',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'fulfilled',
  'cancelled',
  'failed',
  'refunded',
  'partially_refunded',
]);

/** What the buyer is shipped to, copied onto the order. */
export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone: string | null;
}

/**
 * An order: every amount computed by the server at checkout and frozen here (the browser's totals are
 * never read). `total = subtotal − discount + shipping + (tax unless inclusive)`.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `ORD-XXXXXXXX`: what the buyer and the admin read and search for. */
    number: text('number').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: orderStatusEnum('status').notNull().default('pending'),
    currency: text('currency').notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    discountMinor: integer('discount_minor').notNull().default(0),
    shippingMinor: integer('shipping_minor').notNull().default(0),
    taxMinor: integer('tax_minor').notNull().default(0),
    taxInclusive: boolean('tax_inclusive').notNull().default(false),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull().default(0),
    totalMinor: integer('total_minor').notNull(),
    /** Sum of succeeded refunds. */
    refundedMinor: integer('refunded_minor').notNull().default(0),
    couponId: uuid('coupon_id').references(() => coupons.id, { onDelete: 'set null' }),
    couponCode: text('coupon_code'),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    /** ISO country of the buyer (for tax), from the shipping address or the contact step. */
    country: text('country'),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>(),
    shippingRateId: uuid('shipping_rate_id').references(() => shippingRates.id, { onDelete: 'set null' }),
    shippingMethod: text('shipping_method'),
    /** The provider chosen at checkout; each try is a `payments` row. */
    provider: paymentProviderEnum('provider'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** A chargeback or dispute was opened at the provider. */
    disputedAt: timestamp('disputed_at', { withTimezone: true }),
    disputeStatus: text('dispute_status'),
    /** The tracking number of a shipment. */
    trackingNumber: text('tracking_number'),
    /** A pending order past this is cancelled by the sweep (its coupon and stock are released). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** SHA-256 of the buyer's `Idempotency-Key` (migration 0005): a repeated key returns this order. */
    idempotencyKeyHash: text('idempotency_key_hash'),
    /**
     * Set by the archive job on a finished order past ARCHIVE_ORDERS_AFTER_DAYS: it leaves the
     * default back-office lists and stays whole (migration 0006). Never deleted.
     */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    uniqueIndex('orders_user_idempotency_key').on(t.userId, t.idempotencyKeyHash),
    index('orders_user_created_idx').on(t.userId, t.createdAt.desc()),
    index('orders_status_created_idx').on(t.status, t.createdAt.desc()),
    index('orders_created_idx').on(t.createdAt.desc()),
    check('orders_total_check', sql`${t.totalMinor} >= 0`),
    check('orders_refunded_check', sql`${t.refundedMinor} between 0 and ${t.totalMinor}`),
  ],
);

/** A line of an order, with its title and prices frozen at checkout. */
export const orderItems = pgTable(
  'order_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    itemType: itemTypeEnum('item_type').notNull(),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    /** For a physical product: whether it ships (decides the order's shipping steps). */
    requiresShipping: boolean('requires_shipping').notNull().default(false),
    title: text('title').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    quantity: integer('quantity').notNull(),
    /** This line's share of the order's discount. */
    discountMinor: integer('discount_minor').notNull().default(0),
    /** This line's share of the tax (included or added). */
    taxMinor: integer('tax_minor').notNull().default(0),
    /** unit × quantity − discount (+ tax when added). */
    totalMinor: integer('total_minor').notNull(),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId),
    index('order_items_course_idx').on(t.courseId),
    index('order_items_product_idx').on(t.productId),
  ],
);

/** Every change of an order's status (who, from, to, why) and every admin note. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** `status_changed`, `note`, `payment_failed`, `refund`, `dispute_opened`, … */
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.createdAt)],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;
