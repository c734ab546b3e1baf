// Contracts of the orders back office: admin orders, refunds, disputes, instructor earnings, revenue.
import { z } from 'zod';

export const OrderStatus = z.enum([
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
export type OrderStatus = z.infer<typeof OrderStatus>;
export const PaymentProviderName = z.enum(['stripe', 'paypal', 'manual', 'test']);

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

/** The admin's order list: filters, a search over number, buyer email and name, newest first. */
export const AdminOrderQuery = z.object({
  status: OrderStatus.optional(),
  provider: PaymentProviderName.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** Placed on or after this day (UTC). */
  from: Day.optional(),
  /** Placed on or before this day (UTC). */
  to: Day.optional(),
  disputed: z.enum(['true', 'false']).optional(),
  /**
   * Orders archived by the maintenance job (finished long ago): left out by default (`exclude`),
   * listed with the others (`include`) or alone (`only`).
   */
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(500).optional(),
});
export type AdminOrderQuery = z.infer<typeof AdminOrderQuery>;

export const AdminOrderRow = z.object({
  id: z.uuid(),
  number: z.string(),
  status: OrderStatus,
  provider: PaymentProviderName.nullable(),
  currency: z.string(),
  totalMinor: z.number(),
  refundedMinor: z.number(),
  buyer: z.object({ name: z.string(), email: z.string() }),
  itemCount: z.number(),
  requiresShipping: z.boolean(),
  disputed: z.boolean(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  /** When the archive job archived the order (finished and untouched for ARCHIVE_ORDERS_AFTER_DAYS). */
  archivedAt: z.string().nullable(),
});
export type AdminOrderRow = z.infer<typeof AdminOrderRow>;
export const AdminOrderPage = z.object({ items: z.array(AdminOrderRow), nextCursor: z.string().nullable() });
export type AdminOrderPage = z.infer<typeof AdminOrderPage>;

export const AdminOrderItem = z.object({
  id: z.uuid(),
  itemType: z.enum(['course', 'product']),
  courseId: z.uuid().nullable(),
  productId: z.uuid().nullable(),
  title: z.string(),
  requiresShipping: z.boolean(),
  unitPriceMinor: z.number(),
  quantity: z.number(),
  discountMinor: z.number(),
  taxMinor: z.number(),
  totalMinor: z.number(),
  refundedMinor: z.number(),
  refundedQuantity: z.number(),
});
export const AdminPaymentAttempt = z.object({
  id: z.uuid(),
  provider: PaymentProviderName,
  providerRef: z.string().nullable(),
  providerChargeRef: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  status: z.string(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  succeededAt: z.string().nullable(),
});
export const AdminOrderEvent = z.object({
  id: z.uuid(),
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export const RefundDto = z.object({
  id: z.uuid(),
  provider: PaymentProviderName,
  providerRef: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  reason: z.string().nullable(),
  items: z.array(z.object({ orderItemId: z.string(), quantity: z.number(), amountMinor: z.number() })),
  shippingMinor: z.number(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  succeededAt: z.string().nullable(),
});
export type RefundDto = z.infer<typeof RefundDto>;

export const AdminOrderDetail = AdminOrderRow.extend({
  subtotalMinor: z.number(),
  discountMinor: z.number(),
  shippingMinor: z.number(),
  taxMinor: z.number(),
  taxInclusive: z.boolean(),
  couponCode: z.string().nullable(),
  userId: z.uuid(),
  shippingAddress: z.record(z.string(), z.unknown()).nullable(),
  shippingMethod: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  dispute: z.object({ openedAt: z.string(), status: z.string().nullable() }).nullable(),
  items: z.array(AdminOrderItem),
  attempts: z.array(AdminPaymentAttempt),
  events: z.array(AdminOrderEvent),
  notes: z.array(AdminOrderEvent),
  refunds: z.array(RefundDto),
  /** What is left to refund, in minor units. */
  refundableMinor: z.number(),
  /** Whether the shipping charge can still be refunded. */
  shippingRefundable: z.boolean(),
});
export type AdminOrderDetail = z.infer<typeof AdminOrderDetail>;

/** Statuses an admin may set; the server allows only the transitions of the order's kind. */
export const BulkStatusBody = z
  .object({
    numbers: z
      .array(z.string().regex(/^ORD-[A-Z0-9]{4,20}$/))
      .min(1)
      .max(100),
    status: z.enum(['processing', 'shipped', 'delivered', 'fulfilled', 'cancelled']),
    trackingNumber: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type BulkStatusBody = z.infer<typeof BulkStatusBody>;
export const BulkStatusResult = z.object({
  results: z.array(
    z.object({
      number: z.string(),
      ok: z.boolean(),
      status: OrderStatus.nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});
export type BulkStatusResult = z.infer<typeof BulkStatusResult>;

export const OrderNoteBody = z.object({ text: z.string().trim().min(1).max(2_000) }).strict();
export type OrderNoteBody = z.infer<typeof OrderNoteBody>;

/** A refund as the admin asks for it: lines and quantities; the server computes the amount. */
export const RefundBody = z
  .object({
    items: z
      .array(z.object({ orderItemId: z.uuid(), quantity: z.int().min(1).max(99) }).strict())
      .max(100)
      .default([]),
    shipping: z.boolean().default(false),
    /** Put refunded physical goods back into stock. */
    restock: z.boolean().default(false),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();
export type RefundBody = z.infer<typeof RefundBody>;
/** The amount a refund would come to, before confirming it. */
export const RefundQuote = z.object({
  amountMinor: z.number(),
  currency: z.string(),
  items: z.array(z.object({ orderItemId: z.string(), quantity: z.number(), amountMinor: z.number() })),
  shippingMinor: z.number(),
});
export type RefundQuote = z.infer<typeof RefundQuote>;

// ── Earnings and revenue ─────────────────────────────────────────────────────────────────────────

export const EarningsQuery = z.object({ from: Month.optional(), to: Month.optional() });
export type EarningsQuery = z.infer<typeof EarningsQuery>;
export const EarningsMonth = z.object({
  month: z.string(),
  currency: z.string(),
  /** What buyers paid for the instructor's course lines. */
  grossMinor: z.number(),
  /** The instructor's share of those sales. */
  shareMinor: z.number(),
  /** The share taken back by refunds and lost disputes. */
  refundedMinor: z.number(),
  netMinor: z.number(),
  sales: z.number(),
});
export const Earnings = z.object({
  sharePercent: z.number(),
  months: z.array(EarningsMonth),
  totals: z.array(EarningsMonth.omit({ month: true })),
});
export type Earnings = z.infer<typeof Earnings>;

export const RevenueQuery = z.object({ month: Month });
export const RevenueReport = z.object({
  month: z.string(),
  sharePercent: z.number(),
  instructors: z.array(
    z.object({
      userId: z.uuid().nullable(),
      name: z.string(),
      email: z.string(),
      currency: z.string(),
      shareMinor: z.number(),
      refundedMinor: z.number(),
      netMinor: z.number(),
    }),
  ),
  courses: z.array(
    z.object({
      courseId: z.uuid().nullable(),
      title: z.string(),
      currency: z.string(),
      sales: z.number(),
      grossMinor: z.number(),
      instructorShareMinor: z.number(),
      academyShareMinor: z.number(),
      refundedMinor: z.number(),
    }),
  ),
  academy: z.array(z.object({ currency: z.string(), shareMinor: z.number(), refundedMinor: z.number() })),
});
export type RevenueReport = z.infer<typeof RevenueReport>;

export const LedgerBalance = z.object({
  balanced: z.boolean(),
  currencies: z.array(z.object({ currency: z.string(), sumMinor: z.number() })),
  accounts: z.array(z.object({ account: z.string(), currency: z.string(), balanceMinor: z.number() })),
});
export type LedgerBalance = z.infer<typeof LedgerBalance>;
