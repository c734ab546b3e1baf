import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { courses } from './catalog.ts';
import { users } from './identity.ts';

// Money is always integer minor units (`*_minor`) with an ISO 4217 code beside it (`currency`).

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ── Shop catalog ───────────────────────────────────────────────────────────────────────────────────

export const productTypeEnum = pgEnum('product_type', ['digital', 'physical']);
export const productStatusEnum = pgEnum('product_status', ['draft', 'active', 'archived']);

/** Shop sections ("Books", "Merchandise"), apart from the course categories. */
export const productCategories = pgTable(
  'product_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('product_categories_slug_key').on(t.slug)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Sanitized on the way in (allowlist). */
    descriptionHtml: text('description_html').notNull().default(''),
    descriptionText: text('description_text').notNull().default(''),
    categoryId: uuid('category_id').references(() => productCategories.id, { onDelete: 'set null' }),
    type: productTypeEnum('type').notNull(),
    /** draft: only admins see it; active: on sale (when in stock); archived: gone from the shop. */
    status: productStatusEnum('status').notNull().default('draft'),
    priceMinor: integer('price_minor').notNull(),
    /** The price before a sale, shown struck through; null when not on sale. */
    compareAtMinor: integer('compare_at_minor'),
    currency: text('currency').notNull(),
    /** Physical goods: units on hand (null: not tracked, always available). Digital: null. */
    stock: integer('stock'),
    weightGrams: integer('weight_grams'),
    /** Digital goods: the file released after payment (storage key under `products/`). */
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileSizeBytes: integer('file_size_bytes'),
    ratingAvg: numeric('rating_avg', { precision: 3, scale: 2 }),
    ratingCount: integer('rating_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', coalesce("name", '')), 'A') || setweight(to_tsvector('simple', coalesce("description_text", '')), 'C')`,
      ),
  },
  (t) => [
    uniqueIndex('products_slug_key').on(t.slug),
    index('products_status_created_idx').on(t.status, t.createdAt.desc()),
    index('products_category_idx').on(t.categoryId),
    index('products_search_idx').using('gin', t.search),
    check('products_price_check', sql`${t.priceMinor} >= 0`),
    check('products_stock_check', sql`${t.stock} is null or ${t.stock} >= 0`),
  ],
);

/** Up to 10 images a product, checked by content, in display order. */
export const productImages = pgTable(
  'product_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    alt: text('alt').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);

export const reviewStatusEnum = pgEnum('product_review_status', ['pending', 'approved', 'rejected']);

/** Reviews by buyers only, shown once an admin approves them. */
export const productReviews = pgTable(
  'product_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    bodyHtml: text('body_html').notNull().default(''),
    status: reviewStatusEnum('status').notNull().default('pending'),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderationNote: text('moderation_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('product_reviews_product_user_key').on(t.productId, t.userId),
    index('product_reviews_status_idx').on(t.status, t.createdAt),
    check('product_reviews_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

// ── Cart and wishlist ──────────────────────────────────────────────────────────────────────────────

export const itemTypeEnum = pgEnum('commerce_item_type', ['course', 'product']);

/** A signed-in user's cart (guests keep theirs in the browser until they sign in). One currency. */
export const carts = pgTable(
  'carts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The currency of its items; null while empty. */
    currency: text('currency'),
    couponCode: text('coupon_code'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('carts_user_key').on(t.userId)],
);

export const cartItems = pgTable(
  'cart_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    itemType: itemTypeEnum('item_type').notNull(),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    /** Always 1 for courses and digital goods. */
    quantity: integer('quantity').notNull().default(1),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cart_items_course_key').on(t.cartId, t.courseId),
    uniqueIndex('cart_items_product_key').on(t.cartId, t.productId),
    check(
      'cart_items_one_target_check',
      sql`(${t.itemType} = 'course' and ${t.courseId} is not null and ${t.productId} is null) or (${t.itemType} = 'product' and ${t.productId} is not null and ${t.courseId} is null)`,
    ),
    check('cart_items_quantity_check', sql`${t.quantity} between 1 and 99`),
  ],
);

export const wishlistItems = pgTable(
  'wishlist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemType: itemTypeEnum('item_type').notNull(),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('wishlist_items_course_key').on(t.userId, t.courseId),
    uniqueIndex('wishlist_items_product_key').on(t.userId, t.productId),
    index('wishlist_items_user_idx').on(t.userId, t.addedAt),
    check(
      'wishlist_items_one_target_check',
      sql`(${t.itemType} = 'course' and ${t.courseId} is not null and ${t.productId} is null) or (${t.itemType} = 'product' and ${t.productId} is not null and ${t.courseId} is null)`,
    ),
  ],
);

// ── Coupons ────────────────────────────────────────────────────────────────────────────────────────

export const couponKindEnum = pgEnum('coupon_kind', ['percent', 'fixed']);

export const coupons = pgTable(
  'coupons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored upper-case; matched case-insensitively. */
    code: text('code').notNull(),
    description: text('description'),
    kind: couponKindEnum('kind').notNull(),
    /** percent: 1–100. */
    percentOff: integer('percent_off'),
    /** fixed: an amount in `currency`. */
    amountOffMinor: integer('amount_off_minor'),
    /** fixed coupons and minimum orders are in this currency; a percent coupon with null fits any. */
    currency: text('currency'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** Orders that may use it in all; null is unlimited. */
    maxRedemptions: integer('max_redemptions'),
    maxPerUser: integer('max_per_user'),
    /** Redemptions held by orders that are pending or paid; moved by one conditional UPDATE. */
    redeemedCount: integer('redeemed_count').notNull().default(0),
    minOrderMinor: integer('min_order_minor'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('coupons_code_key').on(t.code),
    check(
      'coupons_redeemed_check',
      sql`${t.maxRedemptions} is null or ${t.redeemedCount} <= ${t.maxRedemptions}`,
    ),
    check(
      'coupons_kind_check',
      sql`(${t.kind} = 'percent' and ${t.percentOff} between 1 and 100) or (${t.kind} = 'fixed' and ${t.amountOffMinor} > 0 and ${t.currency} is not null)`,
    ),
  ],
);

export const couponTargetTypeEnum = pgEnum('coupon_target_type', [
  'course',
  'product',
  'course_category',
  'product_category',
]);

/**
 * What a coupon is restricted to; a coupon without targets applies to the whole order. `target_id` names
 * a row of courses, products, categories or product_categories by `target_type` (so no foreign key).
 */
export const couponTargets = pgTable(
  'coupon_targets',
  {
    couponId: uuid('coupon_id')
      .notNull()
      .references(() => coupons.id, { onDelete: 'cascade' }),
    targetType: couponTargetTypeEnum('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.couponId, t.targetType, t.targetId] })],
);

/** One row per order that holds a coupon; released (deleted) when the order is cancelled or fails. */
export const couponRedemptions = pgTable(
  'coupon_redemptions',
  {
    couponId: uuid('coupon_id')
      .notNull()
      .references(() => coupons.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.couponId, t.orderId] }),
    index('coupon_redemptions_user_idx').on(t.couponId, t.userId),
  ],
);

// ── Shipping and tax ───────────────────────────────────────────────────────────────────────────────

/** Where a rate applies: a list of ISO 3166-1 alpha-2 codes, or `*` for the rest of the world. */
export const shippingZones = pgTable('shipping_zones', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  countries: jsonb('countries').$type<string[]>().notNull(),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const shippingRates = pgTable(
  'shipping_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
    /** "Standard", "Express". */
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    baseMinor: integer('base_minor').notNull(),
    /** Added per started kilogram of the parcel's weight. */
    perKgMinor: integer('per_kg_minor').notNull().default(0),
    /** Free when the goods come to at least this much (in `currency`); null never. */
    freeOverMinor: integer('free_over_minor'),
    minDays: integer('min_days'),
    maxDays: integer('max_days'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('shipping_rates_zone_idx').on(t.zoneId, t.position)],
);

/** Tax by the buyer's country: a rate in basis points (1700 = 17 %), inclusive or added on top. */
export const taxRates = pgTable('tax_rates', {
  country: text('country').primaryKey(),
  name: text('name').notNull(),
  rateBasisPoints: integer('rate_basis_points').notNull(),
  /** true: prices already include it (it is shown, not added); false: added at checkout. */
  inclusive: boolean('inclusive').notNull().default(false),
  updatedAt: updatedAt(),
});

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
export const paymentProviderEnum = pgEnum('payment_provider', ['stripe', 'paypal', 'manual', 'test']);

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
export type ProductRow = typeof products.$inferSelect;
export type ProductCategoryRow = typeof productCategories.$inferSelect;
export type ProductImageRow = typeof productImages.$inferSelect;
export type ProductReviewRow = typeof productReviews.$inferSelect;
export type CartRow = typeof carts.$inferSelect;
export type CartItemRow = typeof cartItems.$inferSelect;
export type WishlistItemRow = typeof wishlistItems.$inferSelect;
export type CouponRow = typeof coupons.$inferSelect;
export type CouponTargetRow = typeof couponTargets.$inferSelect;
export type ShippingZoneRow = typeof shippingZones.$inferSelect;
export type ShippingRateRow = typeof shippingRates.$inferSelect;
export type TaxRateRow = typeof taxRates.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type PaymentEventRow = typeof paymentEvents.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type ManualPaymentAccountRow = typeof manualPaymentAccounts.$inferSelect;
export type ManualPaymentProofRow = typeof manualPaymentProofs.$inferSelect;
export type DownloadGrantRow = typeof downloadGrants.$inferSelect;
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
