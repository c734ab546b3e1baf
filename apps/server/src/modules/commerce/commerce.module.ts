import type { FastifyInstance } from 'fastify';
import { registerCart } from './cart/cart.module.ts';
import { registerCheckout } from './checkout/checkout.module.ts';
import type { CommerceDeps } from './commerce.deps.ts';
import { registerManual } from './manual/manual.module.ts';
import { registerOrders } from './orders/orders.module.ts';
import { registerPaypal } from './payments/paypal/paypal.module.ts';
import { createPaypalProvider } from './payments/paypal/paypal-provider.ts';
import { createPaymentPipeline } from './payments/pipeline.ts';
import { createCardProviders } from './payments/providers.ts';
import { registerReconciliation } from './payments/reconciliation.ts';
import { registerStripe } from './payments/stripe/stripe.module.ts';
import { createStripeProvider } from './payments/stripe/stripe-provider.ts';
import { createTestProvider } from './payments/test-provider/test-provider.ts';
import { registerShop } from './shop/shop.module.ts';

/**
 * Builds the commerce slices and registers their routes: the shop, the cart and wishlist with coupons,
 * shipping and tax, the checkout with its orders and the one payment pipeline (ADR 026), the providers'
 * webhooks, manual transfers, and the orders back office (refunds, disputes, revenue). One line per
 * slice below.
 */
export async function registerCommerce(app: FastifyInstance, deps: CommerceDeps) {
  const pipeline = createPaymentPipeline({ database: deps.database, log: deps.log });
  const paypal = createPaypalProvider(deps.config, deps);
  const providers = createCardProviders([
    deps.config.payments.testProvider ? createTestProvider(deps) : null,
    createStripeProvider(deps),
    paypal,
  ]);
  const shop = await registerShop(app, deps);
  const cart = await registerCart(app, deps);
  await registerCheckout(app, deps, { pipeline, providers });
  await registerManual(app, deps, pipeline);
  await registerOrders(app, deps, { pipeline, providers });
  await registerStripe(app, deps, { pipeline, providers });
  await registerPaypal(app, deps, { pipeline, provider: paypal });
  await registerReconciliation(app, { ...deps, pipeline, providers });
  return { pipeline, providers, shop, cartUnitsOf: cart.unitsOf };
}
