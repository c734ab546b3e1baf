import type { RejectBody, ReviewDetail, ReviewQueueItem, ReviewQueueQuery } from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import type { ManualPaymentProofRow } from '../../../db/schema/index.ts';
import { conflict, notFound } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import type { MailService } from '../../notifications/mail.service.ts';
import type { PaymentPipeline } from '../payments/pipeline.ts';
import { accountsRepo } from './accounts.repo.ts';
import { proofFileUrl, toAccount, toProof } from './manual.mappers.ts';
import { attemptsLeft, reasonInWords } from './manual.policy.ts';
import { proofsRepo, type QueueRow } from './proofs.repo.ts';

export interface ReviewDeps {
  database: Database;
  clock: Clock;
  mail: MailService;
  pipeline: PaymentPipeline;
  publicUrl: URL;
  userContact: (userId: string) => Promise<{ name: string; email: string } | null>;
}

const APPROVABLE = new Set(['pending', 'cancelled', 'failed']);

const alreadyReviewed = () => conflict('proof_already_reviewed', 'This proof has already been reviewed.');

/**
 * The admins' review of manual transfer proofs. Approving turns the proof into the same
 * `payment_succeeded` notification a card provider sends, through the one payment pipeline (ADR 026),
 * so fulfilment is the checkout's and runs once whatever happens: the event id is the proof's.
 * Of two reviewers deciding one proof at once, exactly one wins (a conditional UPDATE); the other gets
 * 409. Every decision is an `order_events` row naming the admin.
 */
export function createReviewService(d: ReviewDeps) {
  const db = d.database.db;

  const toItem = (r: QueueRow): ReviewQueueItem => ({
    id: r.id,
    orderNumber: r.orderNumber,
    buyer: { id: r.orderUserId, name: r.buyerName, email: r.buyerEmail },
    amountMinor: r.amountMinor,
    currency: r.currency as ReviewQueueItem['currency'],
    method: r.method,
    attemptNumber: r.attemptNumber,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    ageSeconds: Math.max(0, Math.floor((d.clock.now().getTime() - r.createdAt.getTime()) / 1000)),
  });

  async function detail(id: string, outcome?: string): Promise<ReviewDetail> {
    const row = await proofsRepo.detail(db, id);
    if (!row) throw notFound('proof');
    const account = row.accountId ? await accountsRepo.byId(db, row.accountId) : undefined;
    const history = (await proofsRepo.ofOrder(db, row.orderId)).filter((p) => p.id !== row.id);
    const reviewerName = row.reviewedBy ? await proofsRepo.reviewerName(db, row.reviewedBy) : null;
    return {
      ...toItem(row),
      orderStatus: row.orderStatus,
      transactionId: row.transactionId,
      paidOn: row.paidOn,
      senderAccount: row.senderAccount,
      account: account ? toAccount(account) : null,
      fileUrl: proofFileUrl(row.id),
      fileMime: row.proofMime,
      fileSizeBytes: row.proofSizeBytes,
      rejectReason: row.rejectReason,
      rejectNote: row.rejectNote,
      reviewedBy: row.reviewedBy ? { id: row.reviewedBy, name: reviewerName ?? '' } : null,
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      history: history.map(toProof),
      ...(outcome ? { outcome } : {}),
    };
  }

  return {
    async queue(q: ReviewQueueQuery) {
      const { items, total } = await proofsRepo.queue(db, q);
      return {
        items: items.map(toItem),
        page: q.page,
        limit: q.limit,
        total,
        pages: Math.ceil(total / q.limit),
      };
    },
    detail: (id: string) => detail(id),

    /**
     * Approve a pending proof: the proof is marked (with the reviewer) and the order's event written
     * in one transaction, under the order's lock; then the notification goes through the pipeline. If
     * the pipeline's transaction fails, the approval is undone so the proof can be approved again.
     */
    async approve(admin: CurrentUser, id: string): Promise<ReviewDetail> {
      const now = d.clock.now();
      const proof = await db.transaction(async (tx) => {
        const row = await proofsRepo.detail(tx, id);
        if (!row) throw notFound('proof');
        if (row.status !== 'pending') throw alreadyReviewed();
        const order = await proofsRepo.orderOfBuyer(tx, {
          number: row.orderNumber,
          userId: row.orderUserId,
          lock: true,
        });
        // An order the sweep cancelled while its proof was on its way is still honoured (money arrived),
        // as the checkout's handler honours late card payments; a paid or refunded one is not.
        if (!order || !APPROVABLE.has(order.status))
          throw conflict('manual_order_not_payable', 'This order is no longer waiting for payment.');
        const decided = await proofsRepo.decide(tx, id, {
          status: 'approved',
          rejectReason: null,
          rejectNote: null,
          reviewedBy: admin.id,
          reviewedAt: now,
        });
        if (!decided) throw alreadyReviewed();
        await proofsRepo.addEvent(tx, {
          orderId: row.orderId,
          type: 'manual_proof_approved',
          note: `Proof ${row.attemptNumber} approved (transaction ${row.transactionId})`,
          actorId: admin.id,
          createdAt: now,
        });
        return { ...decided, orderTotal: row.amountMinor, currency: row.currency };
      });
      const payment = await proofsRepo.payment(db, proof.paymentId);
      let outcome: string;
      try {
        [outcome = 'ignored'] = await d.pipeline.handle('manual', [
          {
            kind: 'payment_succeeded',
            eventId: `proof:${proof.id}`,
            providerRef: payment?.providerRef ?? `manual_${proof.paymentId}`,
            chargeRef: null,
            amountMinor: proof.orderTotal,
            currency: proof.currency,
          },
        ]);
      } catch (err) {
        await proofsRepo.reopen(db, proof.id);
        throw err;
      }
      return detail(id, outcome);
    },

    /** Reject a pending proof with a reason; the buyer is mailed why and how many tries remain. */
    async reject(admin: CurrentUser, id: string, body: RejectBody): Promise<ReviewDetail> {
      const row = await proofsRepo.detail(db, id);
      if (!row) throw notFound('proof');
      if (row.status !== 'pending') throw alreadyReviewed();
      const buyer = (await d.userContact(row.orderUserId)) ?? { name: row.buyerName, email: row.buyerEmail };
      const now = d.clock.now();
      const note = body.note ? body.note : null;
      const mailId = await db.transaction(async (tx) => {
        // The order first, as approve takes it: the same lock order for both, so a concurrent approve
        // and reject queue up instead of deadlocking (the event's foreign key needs the order row too).
        await proofsRepo.orderOfBuyer(tx, { number: row.orderNumber, userId: row.orderUserId, lock: true });
        const decided: ManualPaymentProofRow | undefined = await proofsRepo.decide(tx, id, {
          status: 'rejected',
          rejectReason: body.reason,
          rejectNote: note,
          reviewedBy: admin.id,
          reviewedAt: now,
        });
        if (!decided) throw alreadyReviewed();
        await proofsRepo.addEvent(tx, {
          orderId: row.orderId,
          type: 'manual_proof_rejected',
          note: `Proof ${row.attemptNumber} rejected: ${body.reason}${note ? ` (${note})` : ''}`,
          actorId: admin.id,
          createdAt: now,
        });
        const proofs = await proofsRepo.ofOrder(tx, row.orderId);
        return d.mail.write(tx, buyer.email, 'manualPaymentRejected', {
          name: buyer.name,
          orderNumber: row.orderNumber,
          reason: reasonInWords(body.reason),
          note,
          attemptsLeft: attemptsLeft(proofs),
          url: new URL(`/checkout/manual/${encodeURIComponent(row.orderNumber)}`, d.publicUrl).toString(),
        });
      });
      await d.mail.dispatch(mailId);
      return detail(id);
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
