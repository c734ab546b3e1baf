import type { FastifyPluginAsync } from 'fastify';
import { badRequest } from '../../../../http/errors.ts';
import type { CardProvider } from '../../../../platform/payments.ts';
import type { PaymentPipeline } from '../pipeline.ts';

/** Stripe's events are small; anything larger is not one. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * `POST /api/webhooks/stripe`: Stripe's notifications. The signature is over the exact bytes, so this
 * plugin (encapsulated: only here) keeps the body as a raw Buffer instead of parsing JSON. No session and
 * no CSRF apply (Stripe sends no cookies); the per-IP API rate limit is off so Stripe's bursts and retries
 * are never refused — every request still has to carry a valid signature before anything is read.
 * Logs carry event ids and outcomes only, never the payload (it holds the buyer's address).
 */
export const stripeWebhookRoutes =
  (d: { provider: CardProvider; pipeline: PaymentPipeline }): FastifyPluginAsync =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    app.post(
      '/webhooks/stripe',
      { config: { rateLimit: false }, schema: { hide: true }, bodyLimit: WEBHOOK_BODY_LIMIT },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) throw badRequest('invalid_signature', 'The webhook has no body');
        const notifications = await d.provider.parseWebhook(req.body, req.headers);
        const outcomes = await d.pipeline.handle('stripe', notifications);
        req.log.info(
          {
            provider: 'stripe',
            events: notifications.map((n, i) => ({ id: n.eventId, kind: n.kind, outcome: outcomes[i] })),
          },
          'payment webhook',
        );
        return { received: true };
      },
    );
  };
