import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.ts';
import {
  type CouponRow,
  coupons,
  couponTargets,
  type ManualPaymentAccountRow,
  manualPaymentAccounts,
  type OrderItemRow,
  type OrderRow,
  orderItems,
  orders,
  type PaymentRow,
  type ProductRow,
  payments,
  products,
  type ShippingRateRow,
  type ShippingZoneRow,
  shippingRates,
  shippingZones,
  taxRates,
} from '../db/schema/index.ts';

/**
 * Valid commerce rows for tests and the demo shop, with unique values. Slices add theirs here (orders,
 * payments) so every test builds the same kind of data the services would.
 */
export async function buildProduct(
  x: Executor,
  o: Partial<Omit<typeof products.$inferInsert, 'id'>> = {},
): Promise<ProductRow> {
  const id = randomUUID().slice(0, 8);
  const type = o.type ?? 'digital';
  const [row] = await x
    .insert(products)
    .values({
      name: o.name ?? `Product ${id}`,
      slug: o.slug ?? `product-${id}`,
      type,
      status: o.status ?? 'active',
      priceMinor: o.priceMinor ?? 150_000,
      currency: o.currency ?? 'PKR',
      stock: o.stock ?? (type === 'physical' ? 10 : null),
      weightGrams: o.weightGrams ?? (type === 'physical' ? 500 : null),
      ...o,
    })
    .returning();
  if (!row) throw new Error('buildProduct: no row');
  return row;
}

export async function buildCoupon(
  x: Executor,
  o: Partial<Omit<typeof coupons.$inferInsert, 'id'>> & {
    targets?: {
      targetType: 'course' | 'product' | 'course_category' | 'product_category';
      targetId: string;
    }[];
  } = {},
): Promise<CouponRow> {
  const { targets, ...values } = o;
  const kind = values.kind ?? 'percent';
  const [row] = await x
    .insert(coupons)
    .values({
      code: (values.code ?? `SAVE${randomUUID().slice(0, 6)}`).toUpperCase(),
      kind,
      percentOff: kind === 'percent' ? (values.percentOff ?? 10) : null,
      amountOffMinor: kind === 'fixed' ? (values.amountOffMinor ?? 10_000) : null,
      currency: kind === 'fixed' ? (values.currency ?? 'PKR') : (values.currency ?? null),
      ...values,
    })
    .returning();
  if (!row) throw new Error('buildCoupon: no row');
  if (targets && targets.length > 0)
    await x.insert(couponTargets).values(targets.map((t) => ({ couponId: row.id, ...t })));
  return row;
}

/** A zone of countries with one rate (PKR standard unless told). */
export async function buildShippingRate(
  x: Executor,
  o: {
    countries?: string[];
    zoneName?: string;
    rate?: Partial<Omit<typeof shippingRates.$inferInsert, 'id' | 'zoneId'>>;
  } = {},
): Promise<{ zone: ShippingZoneRow; rate: ShippingRateRow }> {
  const [zone] = await x
    .insert(shippingZones)
    .values({ name: o.zoneName ?? `Zone ${randomUUID().slice(0, 6)}`, countries: o.countries ?? ['PK'] })
    .returning();
  if (!zone) throw new Error('buildShippingRate: no zone');
  const [rate] = await x
    .insert(shippingRates)
    .values({
      zoneId: zone.id,
      name: 'Standard',
      currency: 'PKR',
      baseMinor: 25_000,
      perKgMinor: 5_000,
      ...o.rate,
    })
    .returning();
  if (!rate) throw new Error('buildShippingRate: no rate');
  return { zone, rate };
}

export async function buildTaxRate(
  x: Executor,
  o: { country: string; rateBasisPoints: number; inclusive?: boolean; name?: string },
) {
  await x
    .insert(taxRates)
    .values({
      country: o.country,
      name: o.name ?? 'Sales tax',
      rateBasisPoints: o.rateBasisPoints,
      inclusive: o.inclusive ?? false,
    })
    .onConflictDoUpdate({
      target: taxRates.country,
      set: { rateBasisPoints: o.rateBasisPoints, inclusive: o.inclusive ?? false },
    });
}

/**
 * A pending order of these courses and products (prices from their rows, no coupon, shipping or tax)
 * with one payment attempt at `provider`: what the checkout leaves behind before the buyer pays. For
 * the pipeline's and the providers' tests.
 */
export async function buildPendingOrder(
  x: Executor,
  o: {
    userId: string;
    email?: string;
    courses?: { id: string; title: string; priceMinor: number; currency: string }[];
    products?: { product: ProductRow; quantity?: number }[];
    provider?: 'stripe' | 'paypal' | 'manual' | 'test';
    providerRef?: string;
  },
): Promise<{ order: OrderRow; items: OrderItemRow[]; payment: PaymentRow }> {
  const lines = [
    ...(o.courses ?? []).map((c) => ({
      itemType: 'course' as const,
      courseId: c.id,
      productId: null,
      requiresShipping: false,
      title: c.title,
      unitPriceMinor: c.priceMinor,
      quantity: 1,
      currency: c.currency,
    })),
    ...(o.products ?? []).map(({ product: p, quantity }) => ({
      itemType: 'product' as const,
      courseId: null,
      productId: p.id,
      requiresShipping: p.type === 'physical',
      title: p.name,
      unitPriceMinor: p.priceMinor,
      quantity: quantity ?? 1,
      currency: p.currency,
    })),
  ];
  const currency = lines[0]?.currency ?? 'PKR';
  const total = lines.reduce((a, l) => a + l.unitPriceMinor * l.quantity, 0);
  const provider = o.provider ?? 'test';
  const [order] = await x
    .insert(orders)
    .values({
      number: `ORD-${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      userId: o.userId,
      currency,
      subtotalMinor: total,
      totalMinor: total,
      contactName: 'Test Buyer',
      contactEmail: o.email ?? 'buyer@example.test',
      provider,
    })
    .returning();
  if (!order) throw new Error('buildPendingOrder: no order');
  const items = await x
    .insert(orderItems)
    .values(
      lines.map(({ currency: _c, ...l }) => ({
        ...l,
        orderId: order.id,
        totalMinor: l.unitPriceMinor * l.quantity,
      })),
    )
    .returning();
  const [payment] = await x
    .insert(payments)
    .values({
      orderId: order.id,
      provider,
      providerRef: o.providerRef ?? `${provider}_${randomUUID()}`,
      amountMinor: total,
      currency,
      status: 'pending',
    })
    .returning();
  if (!payment) throw new Error('buildPendingOrder: no payment');
  return { order, items, payment };
}

/** An active account buyers transfer to by hand (JazzCash unless told), with an obviously fake number. */
export async function buildManualAccount(
  x: Executor,
  o: Partial<Omit<typeof manualPaymentAccounts.$inferInsert, 'id'>> = {},
): Promise<ManualPaymentAccountRow> {
  const method = o.method ?? 'jazzcash';
  const [row] = await x
    .insert(manualPaymentAccounts)
    .values({
      method,
      title: method === 'bank_transfer' ? 'Test Bank' : method === 'jazzcash' ? 'JazzCash' : 'EasyPaisa',
      accountName: '9tangle Academy',
      accountNumber: `0300-0000${randomUUID().replace(/\D/g, '').slice(0, 3).padEnd(3, '0')}`,
      bankName: method === 'bank_transfer' ? 'Test Bank Ltd' : null,
      ...o,
    })
    .returning();
  if (!row) throw new Error('buildManualAccount: no row');
  return row;
}
