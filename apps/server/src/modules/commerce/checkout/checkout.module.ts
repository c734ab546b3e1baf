import type { FastifyInstance } from 'fastify';
import type { CommerceDeps } from '../commerce.deps.ts';
import { downloadsRoutes } from '../downloads/downloads.routes.ts';
import type { PaymentPipeline } from '../payments/pipeline.ts';
import type { CardProviders } from '../payments/providers.ts';
import {
  registerTestConfirmJob,
  testProviderRoutes,
} from '../payments/test-provider/test-provider.routes.ts';
import { checkoutRoutes } from './checkout.routes.ts';
import { createCheckoutService } from './checkout.service.ts';
import { INVOICE_SOURCE, invoiceOf } from './invoice-pdf.ts';
import { myOrdersRoutes } from './my-orders.routes.ts';
import { createMyOrdersService } from './my-orders.service.ts';
import { ORDER_SWEEP_QUEUE, sweepPendingOrders } from './order-sweep.ts';
import { registerPaymentHandlers } from './payment-handlers.ts';

/**
 * The checkout slice: the payment handlers and the one fulfilment on the pipeline, placing and paying
 * orders, the test provider's page API and its delayed confirmation, the pending-order sweep.
 */
export async function registerCheckout(
  app: FastifyInstance,
  deps: CommerceDeps,
  s: { pipeline: PaymentPipeline; providers: CardProviders },
) {
  registerPaymentHandlers(s.pipeline, deps);
  // The receipt's invoice is rendered by the job that sends the receipt, from the order as frozen.
  deps.mail.produceAttachments(INVOICE_SOURCE, (orderId) => invoiceOf(deps.database.db, orderId));
  const checkout = createCheckoutService({ ...deps, ...s });
  await app.register(checkoutRoutes({ checkout }), { prefix: '/api' });
  await app.register(myOrdersRoutes({ myOrders: createMyOrdersService(deps) }), { prefix: '/api' });
  await app.register(downloadsRoutes(deps), { prefix: '/api' });
  if (s.providers.has('test')) {
    const test = { database: deps.database, jobs: deps.jobs, pipeline: s.pipeline };
    await app.register(testProviderRoutes(test), { prefix: '/api' });
    await registerTestConfirmJob(test);
  }
  await deps.jobs.work(ORDER_SWEEP_QUEUE, async () => {
    await sweepPendingOrders(deps);
  });
  await deps.jobs.schedule(ORDER_SWEEP_QUEUE, '*/5 * * * *');
  return { checkout };
}
