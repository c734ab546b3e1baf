import { TestPayOutcome, TestPaySession } from '@9tangle/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../../../db/client.ts';
import { orders, payments, testPaymentSessions } from '../../../../db/schema/index.ts';
import { currentUser, requireUser } from '../../../../http/auth.ts';
import { notFound } from '../../../../http/errors.ts';
import type { Jobs } from '../../../../platform/jobs.ts';
import type { PaymentPipeline } from '../pipeline.ts';
import { notificationsOf } from './test-provider.ts';

export const TEST_CONFIRM_QUEUE = 'test-payments.confirm';
const Params = z.object({ ref: z.string().regex(/^test_[0-9a-f-]{36}$/) });
const OutcomeParams = Params.extend({ outcome: TestPayOutcome });
const OUTCOME = { pay: 'succeeded', decline: 'declined', delay: 'delayed' } as const;

export interface TestPayDeps {
  database: Database;
  jobs: Jobs;
  pipeline: PaymentPipeline;
}

async function sessionOf(d: TestPayDeps, ref: string, userId: string) {
  const [row] = await d.database.db
    .select({ s: testPaymentSessions, orderNumber: orders.number })
    .from(testPaymentSessions)
    .innerJoin(payments, eq(payments.id, testPaymentSessions.paymentId))
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(eq(testPaymentSessions.providerRef, ref), eq(orders.userId, userId)))
    .limit(1);
  if (!row) throw notFound('payment');
  return row;
}

/** Record an outcome (a new simulated event) and send it through the pipeline as a webhook would. */
export async function simulate(d: TestPayDeps, ref: string, outcome: 'succeeded' | 'declined' | 'delayed') {
  const [s] = await d.database.db
    .update(testPaymentSessions)
    .set({ outcome, seq: sql`${testPaymentSessions.seq} + 1`, updatedAt: new Date() })
    .where(eq(testPaymentSessions.providerRef, ref))
    .returning();
  if (!s) throw notFound('payment');
  const n = notificationsOf(s, 'event');
  if (n) await d.pipeline.handle('test', [n]);
  if (outcome === 'delayed') await d.jobs.send(TEST_CONFIRM_QUEUE, { ref, seq: s.seq }, { startAfter: 3 });
  return s;
}

/**
 * The simulated card page's API: what to show (`GET /api/payments/test/:ref`) and the buyer's pick
 * (`POST /api/payments/test/:ref/:outcome`: pay, decline, or delay — pending now, paid ~3 s later by a job).
 */
export const testProviderRoutes =
  (d: TestPayDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['payments'];
    app.get(
      '/payments/test/:ref',
      { preHandler: requireUser, schema: { tags, params: Params, response: { 200: TestPaySession } } },
      async (req) => {
        const { s, orderNumber } = await sessionOf(d, req.params.ref, currentUser(req).id);
        return {
          providerRef: s.providerRef,
          orderNumber,
          amountMinor: s.amountMinor,
          currency: s.currency,
          outcome: s.outcome,
        };
      },
    );
    app.post(
      '/payments/test/:ref/:outcome',
      { preHandler: requireUser, schema: { tags, params: OutcomeParams, response: { 200: TestPaySession } } },
      async (req) => {
        const { orderNumber } = await sessionOf(d, req.params.ref, currentUser(req).id);
        const s = await simulate(d, req.params.ref, OUTCOME[req.params.outcome]);
        return {
          providerRef: s.providerRef,
          orderNumber,
          amountMinor: s.amountMinor,
          currency: s.currency,
          outcome: s.outcome,
        };
      },
    );
  };

/** The delayed confirmation: succeeds the attempt unless the buyer picked something else since. */
export async function registerTestConfirmJob(d: TestPayDeps) {
  await d.jobs.work<{ ref: string; seq: number }>(
    TEST_CONFIRM_QUEUE,
    async ({ ref, seq }) => {
      const [s] = await d.database.db
        .select()
        .from(testPaymentSessions)
        .where(eq(testPaymentSessions.providerRef, ref))
        .limit(1);
      if (s?.outcome !== 'delayed' || s.seq !== seq) return;
      await simulate(d, ref, 'succeeded');
    },
    { pollingIntervalSeconds: 1 },
  );
}
