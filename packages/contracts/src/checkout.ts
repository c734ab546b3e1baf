import { z } from 'zod';
import { Quote } from './cart.ts';

// Contracts of the checkout: placing an order, its quote, paying it, and its status after the hosted page.

export const CheckoutProvider = z.enum(['test', 'stripe', 'paypal', 'manual']);
export type CheckoutProvider = z.infer<typeof CheckoutProvider>;

const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2')
  .transform((c) => c.toUpperCase());

export const CheckoutContact = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  phone: z.string().trim().min(5).max(32).optional(),
});

export const CheckoutAddress = z.strictObject({
  name: z.string().trim().min(1).max(120),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().max(20).optional(),
  country: Country,
  phone: z.string().trim().max(32).optional(),
});
export type CheckoutAddress = z.infer<typeof CheckoutAddress>;

/** The order the buyer places: no amount of any kind (unknown keys such as `totalMinor` are refused). */
export const CreateOrderBody = z.strictObject({
  contact: CheckoutContact,
  country: Country,
  shippingAddress: CheckoutAddress.optional(),
  shippingRateId: z.uuid().optional(),
  couponCode: z.string().trim().min(1).max(64).optional(),
  provider: CheckoutProvider,
});
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

export const PlacedOrder = z.object({ orderNumber: z.string(), redirectUrl: z.string() });
export type PlacedOrder = z.infer<typeof PlacedOrder>;

export const CheckoutQuoteBody = z.strictObject({
  country: Country,
  shippingRateId: z.uuid().optional(),
  couponCode: z.string().trim().min(1).max(64).optional(),
});
export type CheckoutQuoteBody = z.infer<typeof CheckoutQuoteBody>;

export const CheckoutUnavailableLine = z.object({
  itemType: z.enum(['course', 'product']),
  itemId: z.uuid(),
  title: z.string(),
  reason: z.string(),
});

export const CheckoutQuote = z.object({
  quote: Quote.nullable(),
  unavailable: z.array(CheckoutUnavailableLine),
  /** The rates that serve the country in the cart's currency (empty when nothing ships). */
  shippingRates: z.array(
    z.object({ id: z.uuid(), name: z.string(), minDays: z.int().nullable(), maxDays: z.int().nullable() }),
  ),
});
export type CheckoutQuote = z.infer<typeof CheckoutQuote>;

export const CheckoutOptions = z.object({
  /** The cart's currency (null when the cart is empty). */
  currency: z.string().nullable(),
  currencies: z.array(z.string()),
  providers: z.array(z.object({ name: CheckoutProvider, available: z.boolean() })),
});
export type CheckoutOptions = z.infer<typeof CheckoutOptions>;

export const RetryPaymentBody = z.strictObject({ provider: CheckoutProvider });

export const OrderNumberParams = z.object({ number: z.string().regex(/^ORD-[A-Z0-9]{8}$/) });

export const OrderStatusView = z.object({
  orderNumber: z.string(),
  status: z.string(),
  /** Paid and handed over (access granted, downloads ready), or being shipped. */
  paid: z.boolean(),
  totalMinor: z.int(),
  currency: z.string(),
  payment: z
    .object({
      provider: CheckoutProvider,
      status: z.string(),
      errorCode: z.string().nullable(),
      errorMessage: z.string().nullable(),
    })
    .nullable(),
  /** The buyer may start another attempt (the order is still pending). */
  canRetry: z.boolean(),
  courses: z.array(z.object({ id: z.uuid(), slug: z.string(), title: z.string() })),
  downloads: z.array(z.object({ grantId: z.uuid(), title: z.string() })),
});
export type OrderStatusView = z.infer<typeof OrderStatusView>;

export const TestPaySession = z.object({
  providerRef: z.string(),
  orderNumber: z.string(),
  amountMinor: z.int(),
  currency: z.string(),
  outcome: z.enum(['succeeded', 'declined', 'delayed']).nullable(),
});
export type TestPaySession = z.infer<typeof TestPaySession>;

export const TestPayOutcome = z.enum(['pay', 'decline', 'delay']);

// The buyer's orders (`/api/orders`, `/api/orders/:number`) and downloads.

export const MyOrdersQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const MyOrderSummary = z.object({
  orderNumber: z.string(),
  status: z.string(),
  totalMinor: z.int(),
  currency: z.string(),
  itemCount: z.int(),
  createdAt: z.string(),
});
export const MyOrderPage = z.object({ items: z.array(MyOrderSummary), nextCursor: z.string().nullable() });
export type MyOrderPage = z.infer<typeof MyOrderPage>;

export const MyOrderDetail = MyOrderSummary.extend({
  subtotalMinor: z.int(),
  discountMinor: z.int(),
  shippingMinor: z.int(),
  taxMinor: z.int(),
  taxInclusive: z.boolean(),
  couponCode: z.string().nullable(),
  shippingMethod: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  paidAt: z.string().nullable(),
  items: z.array(
    z.object({
      itemType: z.enum(['course', 'product']),
      title: z.string(),
      quantity: z.int(),
      unitPriceMinor: z.int(),
      discountMinor: z.int(),
      taxMinor: z.int(),
      totalMinor: z.int(),
      courseSlug: z.string().nullable(),
    }),
  ),
  attempts: z.array(
    z.object({
      provider: z.string(),
      status: z.string(),
      errorMessage: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  downloads: z.array(z.object({ grantId: z.uuid(), title: z.string(), downloadCount: z.int() })),
  canRetry: z.boolean(),
});
export type MyOrderDetail = z.infer<typeof MyOrderDetail>;

export const DownloadLink = z.object({ url: z.string(), expiresAt: z.string() });
export type DownloadLink = z.infer<typeof DownloadLink>;
