import type { FastifyInstance } from 'fastify';
import type { CommerceDeps } from '../commerce.deps.ts';
import type { PaymentPipeline } from '../payments/pipeline.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { createAccountsService } from './accounts.service.ts';
import { createPaymentStatusService } from './payment-status.service.ts';
import { proofsRoutes } from './proofs.routes.ts';
import { createProofsService } from './proofs.service.ts';
import { reviewRoutes } from './review.routes.ts';
import { createReviewService } from './review.service.ts';

/**
 * Manual transfers (bank, JazzCash, EasyPaisa): the accounts, the buyers' proofs, the admins' review
 * (an approval goes through the payment pipeline like any provider's notification) and every user's
 * payment status.
 */
export async function registerManual(app: FastifyInstance, deps: CommerceDeps, pipeline: PaymentPipeline) {
  const { database, clock } = deps;
  const accounts = createAccountsService({ database, clock });
  const proofs = createProofsService({ config: deps.config, database, clock, storage: deps.storage });
  const review = createReviewService({
    database,
    clock,
    mail: deps.mail,
    pipeline,
    publicUrl: deps.config.http.publicUrl,
    userContact: deps.userContact,
  });
  const paymentStatus = createPaymentStatusService({ database });
  await app.register(accountsRoutes({ accounts, requireAdmin: deps.requireAdmin }), { prefix: '/api' });
  await app.register(proofsRoutes({ proofs, paymentStatus }), { prefix: '/api' });
  await app.register(reviewRoutes({ review, proofs, requireAdmin: deps.requireAdmin }), { prefix: '/api' });
  return { accounts, proofs, review, paymentStatus };
}
