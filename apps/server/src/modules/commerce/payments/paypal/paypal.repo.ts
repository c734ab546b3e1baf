import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { orders, payments } from '../../../../db/schema/index.ts';

export const paypalRepo = {
  /** The order number of the PayPal attempt whose PayPal order id is `ref`, or null. */
  async orderNumberOf(x: Executor, ref: string): Promise<string | null> {
    const [row] = await x
      .select({ number: orders.number })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(and(eq(payments.provider, 'paypal'), eq(payments.providerRef, ref)))
      .limit(1);
    return row?.number ?? null;
  },
};
