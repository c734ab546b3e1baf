import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../../../db/client.ts';
import { notFound } from '../../../../http/errors.ts';
import type { PaymentPipeline } from '../pipeline.ts';
import { paypalRepo } from './paypal.repo.ts';
import type { PaypalProvider } from './paypal-provider.ts';

/**
 * The buyer's return from PayPal and PayPal's webhooks, both turned into notifications for the one
 * pipeline (ADR 026): whichever comes first fulfils, the other de-duplicates or finds the order paid.
 */
export function createPaypalService(d: {
  database: Database;
  log: FastifyBaseLogger;
  pipeline: PaymentPipeline;
  provider: PaypalProvider;
}) {
  return {
    /**
     * The buyer approved (or left) on PayPal: capture if approved, record the result, and say which
     * order to show. PayPal being down does not stop the redirect: the order shows as pending and the
     * webhook or the reconciliation job completes it.
     */
    async returnFromPaypal(token: string): Promise<{ orderNumber: string }> {
      const orderNumber = await paypalRepo.orderNumberOf(d.database.db, token);
      if (!orderNumber) throw notFound('PayPal payment');
      try {
        const n = await d.provider.lookup(token);
        if (n) await d.pipeline.handle('paypal', [n]);
      } catch (err) {
        d.log.warn(
          { err: { message: (err as Error).message }, orderNumber },
          'PayPal return: capture deferred',
        );
      }
      return { orderNumber };
    },

    /** A webhook: verified (or 400 `invalid_signature`), then its notifications through the pipeline. */
    async webhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>) {
      const notifications = await d.provider.parseWebhook(rawBody, headers);
      return d.pipeline.handle('paypal', notifications);
    },
  };
}
export type PaypalService = ReturnType<typeof createPaypalService>;
