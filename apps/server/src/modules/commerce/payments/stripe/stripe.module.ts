import type { FastifyInstance } from 'fastify';
import type { CommerceDeps } from '../../commerce.deps.ts';
import type { PaymentPipeline } from '../pipeline.ts';
import type { CardProviders } from '../providers.ts';
import { stripeWebhookRoutes } from './stripe-webhook.routes.ts';

/** Stripe's webhook route, when Stripe is configured (its provider is in `providers`). */
export async function registerStripe(
  app: FastifyInstance,
  _deps: CommerceDeps,
  o: { pipeline: PaymentPipeline; providers: CardProviders },
) {
  const provider = o.providers.get('stripe');
  if (!provider) return;
  await app.register(stripeWebhookRoutes({ provider, pipeline: o.pipeline }), { prefix: '/api' });
}
