import type { PaymentStatusItem, PaymentStatusList } from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { attemptsLeft, paymentState, submissionProblem } from './manual.policy.ts';
import { paymentStatusRepo } from './payment-status.repo.ts';

/**
 * `/payment-status`: each of the signed-in user's payment attempts, at any provider, newest first, with
 * where it stands. A manual transfer is read from its proofs (waiting for one, under review, approved,
 * rejected with each reason) and says whether a new proof may be sent.
 */
export function createPaymentStatusService(d: { database: Database }) {
  const db = d.database.db;
  return {
    async list(user: CurrentUser): Promise<PaymentStatusList> {
      const attempts = await paymentStatusRepo.attemptsOf(db, user.id);
      const manualOrders = attempts.filter((a) => a.provider === 'manual').map((a) => a.orderId);
      const proofs = await paymentStatusRepo.proofsOfOrders(db, [...new Set(manualOrders)]);
      const items = attempts.map((a): PaymentStatusItem => {
        const own = a.provider === 'manual' ? proofs.filter((p) => p.orderId === a.orderId) : [];
        const latest = own.at(-1);
        const status = paymentState(a, latest, a.orderStatus);
        const rejected = own.filter((p) => p.status === 'rejected').reverse();
        const reasons =
          a.provider === 'manual'
            ? rejected.map((p) => ({
                code: p.rejectReason ?? 'other',
                note: p.rejectNote,
                at: p.reviewedAt?.toISOString() ?? null,
              }))
            : a.errorCode
              ? [{ code: a.errorCode, note: a.errorMessage, at: a.updatedAt.toISOString() }]
              : [];
        const open = a.status === 'pending' || a.status === 'created';
        return {
          paymentId: a.id,
          orderNumber: a.orderNumber,
          amountMinor: a.amountMinor,
          currency: a.currency as PaymentStatusItem['currency'],
          provider: a.provider,
          method: latest?.method ?? null,
          status,
          reasons,
          canResubmit: a.provider === 'manual' && open && submissionProblem(a.orderStatus, own) === null,
          attemptsLeft: a.provider === 'manual' ? attemptsLeft(own) : null,
          createdAt: a.createdAt.toISOString(),
        };
      });
      return { items };
    },
  };
}
export type PaymentStatusService = ReturnType<typeof createPaymentStatusService>;
