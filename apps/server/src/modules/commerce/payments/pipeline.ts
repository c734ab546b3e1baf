import { and, eq, or } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Tx } from '../../../db/client.ts';
import { type OrderRow, orders, type PaymentRow, paymentEvents, payments } from '../../../db/schema/index.ts';
import type { PaymentNotification, ProviderName } from '../../../platform/payments.ts';

/**
 * The one door every payment notification goes through (ADR 026), whichever provider sent it (a webhook,
 * a lookup on the buyer's return, the reconciliation job, an admin approving a transfer) and however
 * often. One transaction per notification:
 *
 * 1. `(provider, eventId)` is inserted into `payment_events`; a redelivery conflicts and stops there
 *    (a concurrent copy waits on the first one's insert and then sees it).
 * 2. The attempt is found by its provider reference (or the charge, for refunds and disputes); an unknown
 *    one is recorded as `unknown_payment` and ignored.
 * 3. The order row is locked (`for update`), then the handler registered for the notification's kind acts
 *    on the order's *current* status, so the order in which notifications arrive does not matter.
 *
 * Slices register their handlers with `on`: checkout the payment ones (and the fulfilment), orders the
 * refund and dispute ones. Work that must wait for the commit (queueing mail, cache invalidation) goes
 * to `ctx.afterCommit`.
 */
export interface NotificationContext<K extends PaymentNotification['kind'] = PaymentNotification['kind']> {
  tx: Tx;
  provider: ProviderName;
  notification: Extract<PaymentNotification, { kind: K }>;
  /** The attempt the notification is about, locked. */
  payment: PaymentRow;
  /** Its order, locked, as it is now. */
  order: OrderRow;
  afterCommit(fn: () => Promise<void>): void;
}

/** What a handler did, stored in `payment_events.outcome` (`fulfilled`, `already_paid`, `ignored`, …). */
export type NotificationHandler<K extends PaymentNotification['kind']> = (
  ctx: NotificationContext<K>,
) => Promise<string>;

export function createPaymentPipeline(d: { database: Database; log: FastifyBaseLogger }) {
  const handlers = new Map<PaymentNotification['kind'], NotificationHandler<never>>();

  async function handleOne(provider: ProviderName, n: PaymentNotification): Promise<string> {
    const after: (() => Promise<void>)[] = [];
    const outcome = await d.database.db.transaction(async (tx) => {
      const recorded = await tx
        .insert(paymentEvents)
        .values({ provider, eventId: n.eventId, type: n.kind })
        .onConflictDoNothing()
        .returning({ eventId: paymentEvents.eventId });
      if (recorded.length === 0) return 'duplicate';
      const [payment] = await tx
        .select()
        .from(payments)
        .where(
          and(
            eq(payments.provider, provider),
            or(eq(payments.providerRef, n.providerRef), eq(payments.providerChargeRef, n.providerRef)),
          ),
        )
        .limit(1);
      let result = 'unknown_payment';
      let orderId: string | null = null;
      if (payment) {
        orderId = payment.orderId;
        const [order] = await tx.select().from(orders).where(eq(orders.id, payment.orderId)).for('update');
        const [locked] = await tx.select().from(payments).where(eq(payments.id, payment.id)).for('update');
        const handler = handlers.get(n.kind) as NotificationHandler<typeof n.kind> | undefined;
        result =
          order && locked && handler
            ? await handler({
                tx,
                provider,
                notification: n as never,
                payment: locked,
                order,
                afterCommit: (fn) => after.push(fn),
              })
            : 'ignored';
      }
      await tx
        .update(paymentEvents)
        .set({ outcome: result, orderId })
        .where(and(eq(paymentEvents.provider, provider), eq(paymentEvents.eventId, n.eventId)));
      return result;
    });
    for (const fn of after) {
      await fn().catch((err) =>
        d.log.error({ err, provider, eventId: n.eventId }, 'after-commit step failed'),
      );
    }
    return outcome;
  }

  return {
    /** Register what a kind of notification does (one handler per kind). */
    on<K extends PaymentNotification['kind']>(kind: K, handler: NotificationHandler<K>): void {
      if (handlers.has(kind))
        throw new Error(`payment pipeline: a handler for ${kind} is already registered`);
      handlers.set(kind, handler as unknown as NotificationHandler<never>);
    },
    /** Apply notifications one after another; returns each one's outcome (`duplicate` for a repeat). */
    async handle(provider: ProviderName, notifications: PaymentNotification[]): Promise<string[]> {
      const outcomes: string[] = [];
      for (const n of notifications) outcomes.push(await handleOne(provider, n));
      return outcomes;
    },
  };
}
export type PaymentPipeline = ReturnType<typeof createPaymentPipeline>;
