import { and, asc, eq, gt, inArray, isNotNull, lt, notInArray, or } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../../config.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { orders, payments } from '../../../db/schema/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import type { PaymentPipeline } from './pipeline.ts';
import type { CardProviders } from './providers.ts';

export const RECONCILE_QUEUE = 'payments.reconcile';
/** Attempts older than this are left alone: their hosted pages expired long ago (Stripe: 24 h at most). */
const MAX_AGE_MS = 24 * 3_600_000;
const BATCH = 100;
/** Failures after which the attempt's page is gone: nothing more can happen there. */
const FINAL_FAILURES = ['expired', 'async_failed'];

export interface ReconcileDeps {
  config: Config;
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  pipeline: PaymentPipeline;
  providers: CardProviders;
}

/**
 * Card attempts still open after `reconcileAfterMs` (and less than a day old), oldest first. A failed
 * attempt of an order still awaiting payment counts as open: on Stripe's page a buyer whose card was
 * declined may pay with another card in the same session (not once it expired).
 */
export function staleCardAttempts(x: Executor, o: { providers: string[]; before: Date; after: Date }) {
  return x
    .select({ id: payments.id, provider: payments.provider, providerRef: payments.providerRef })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        inArray(payments.provider, o.providers as ('stripe' | 'paypal' | 'test')[]),
        or(
          inArray(payments.status, ['created', 'pending']),
          and(
            eq(payments.status, 'failed'),
            eq(orders.status, 'pending'),
            notInArray(payments.errorCode, FINAL_FAILURES),
          ),
        ),
        isNotNull(payments.providerRef),
        lt(payments.createdAt, o.before),
        gt(payments.createdAt, o.after),
      ),
    )
    .orderBy(asc(payments.createdAt))
    .limit(BATCH);
}

/**
 * A webhook may never arrive (an outage, a misconfigured endpoint): ask each card provider where its
 * stale attempts stand and feed the answers to the one pipeline, exactly as a webhook would have been
 * (the lookup's event ids make a repeat a duplicate). Provider-agnostic: any card provider with
 * `lookup` takes part. One attempt's failure is logged and does not stop the others.
 */
export async function reconcilePayments(d: ReconcileDeps): Promise<{ checked: number; outcomes: string[] }> {
  const names = [...d.providers.keys()];
  if (names.length === 0) return { checked: 0, outcomes: [] };
  const now = d.clock.now().getTime();
  const attempts = await staleCardAttempts(d.database.db, {
    providers: names,
    before: new Date(now - d.config.commerce.reconcileAfterMs),
    after: new Date(now - MAX_AGE_MS),
  });
  const outcomes: string[] = [];
  for (const a of attempts) {
    const provider = d.providers.get(a.provider as 'stripe' | 'paypal' | 'test');
    if (!provider || !a.providerRef) continue;
    try {
      const n = await provider.lookup(a.providerRef);
      if (!n) continue;
      const [outcome] = await d.pipeline.handle(provider.name, [n]);
      outcomes.push(outcome ?? 'none');
      d.log.info(
        { paymentId: a.id, provider: provider.name, eventId: n.eventId, outcome },
        'payment reconciled',
      );
    } catch (err) {
      d.log.warn({ err, paymentId: a.id, provider: provider.name }, 'payment reconciliation failed');
    }
  }
  return { checked: attempts.length, outcomes };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Run one reconciliation pass now (what the minutely job does); for tests and operators. */
    reconcilePayments(): Promise<{ checked: number; outcomes: string[] }>;
  }
}

/** The minutely job (pg-boss, run once across instances) and `app.reconcilePayments()`. */
export async function registerReconciliation(app: FastifyInstance, d: ReconcileDeps & { jobs: Jobs }) {
  const run = () => reconcilePayments(d);
  app.decorate('reconcilePayments', run);
  await d.jobs.work(RECONCILE_QUEUE, async () => {
    await run();
  });
  await d.jobs.schedule(RECONCILE_QUEUE, '* * * * *');
}
