import type { FastifyInstance } from 'fastify';
import type { CommerceDeps } from '../commerce.deps.ts';
import type { PaymentPipeline } from '../payments/pipeline.ts';
import type { CardProviders } from '../payments/providers.ts';
import { registerRefundHandlers } from '../refunds/refund-notifications.ts';
import { createRefundsService } from '../refunds/refunds.service.ts';
import { revenueRoutes } from '../revenue/revenue.routes.ts';
import { createRevenueService } from '../revenue/revenue.service.ts';
import { adminOrdersRoutes } from './admin-orders.routes.ts';
import { createAdminOrdersService } from './admin-orders.service.ts';

/**
 * The orders back office: admin orders, refunds (and the pipeline's refund and dispute handlers),
 * instructor earnings, the revenue report and the ledger balance.
 */
export async function registerOrders(
  app: FastifyInstance,
  deps: CommerceDeps,
  o: { pipeline: PaymentPipeline; providers: CardProviders },
) {
  const refunds = createRefundsService({ ...deps, providers: o.providers });
  registerRefundHandlers(o.pipeline, { ...deps, refunds });
  const orders = createAdminOrdersService(deps);
  const revenue = createRevenueService(deps);
  await app.register(adminOrdersRoutes({ orders, refunds, requireAdmin: deps.requireAdmin }), {
    prefix: '/api',
  });
  await app.register(
    revenueRoutes({ revenue, requireAdmin: deps.requireAdmin, requireInstructor: deps.requireInstructor }),
    { prefix: '/api' },
  );
  return { refunds };
}
