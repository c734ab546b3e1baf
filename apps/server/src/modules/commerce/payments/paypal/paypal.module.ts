import type { FastifyInstance } from 'fastify';
import type { CommerceDeps } from '../../commerce.deps.ts';
import type { PaymentPipeline } from '../pipeline.ts';
import { paypalRoutes } from './paypal.routes.ts';
import { createPaypalService } from './paypal.service.ts';
import type { PaypalProvider } from './paypal-provider.ts';

/** PayPal's return and webhook routes, when PayPal is configured (`createPaypalProvider` gave one). */
export async function registerPaypal(
  app: FastifyInstance,
  deps: CommerceDeps,
  o: { pipeline: PaymentPipeline; provider: PaypalProvider | null },
) {
  if (!o.provider) return null;
  const paypal = createPaypalService({ ...deps, pipeline: o.pipeline, provider: o.provider });
  await app.register(paypalRoutes({ paypal }));
  return paypal;
}
