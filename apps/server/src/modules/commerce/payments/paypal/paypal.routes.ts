import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PaypalService } from './paypal.service.ts';
import { PAYPAL_RETURN_PATH } from './paypal-provider.ts';

const ReturnQuery = z.object({
  /** PayPal's order id, which PayPal appends to the return URL. */
  token: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/),
});
const WebhookAnswer = z.object({ received: z.literal(true) });

/**
 * `GET /api/payments/paypal/return` (the buyer back from PayPal: capture, then the order's success page)
 * and `POST /api/webhooks/paypal` (its body kept raw: PayPal's signature is over the exact text).
 */
export const paypalRoutes =
  (d: { paypal: PaypalService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['payments'];
    app.get(PAYPAL_RETURN_PATH, { schema: { tags, querystring: ReturnQuery } }, async (req, reply) => {
      const { orderNumber } = await d.paypal.returnFromPaypal(req.query.token);
      return reply.redirect(`/checkout/success?order=${encodeURIComponent(orderNumber)}`, 303);
    });

    await app.register(async (hook) => {
      hook.removeAllContentTypeParsers();
      hook.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_req, body, done) =>
        done(null, body),
      );
      hook.post(
        '/api/webhooks/paypal',
        { schema: { tags, response: { 200: WebhookAnswer } } },
        async (req) => {
          await d.paypal.webhook(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.headers);
          return { received: true as const };
        },
      );
    });
  };
