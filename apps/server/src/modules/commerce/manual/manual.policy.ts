import { MAX_PROOF_ATTEMPTS, type PaymentState, type RejectReason } from '@9tangle/contracts';

interface ProofFacts {
  status: 'pending' | 'approved' | 'rejected';
}

/** Proofs still allowed for an order (3 in all, whatever became of the earlier ones). */
export const attemptsLeft = (proofs: ProofFacts[]) => Math.max(0, MAX_PROOF_ATTEMPTS - proofs.length);

/**
 * Why a proof may not be sent now, or null when it may: the order must be pending, no proof may be
 * under review, none approved, and fewer than 3 sent.
 */
export function submissionProblem(
  orderStatus: string,
  proofs: ProofFacts[],
): 'manual_order_not_payable' | 'proof_pending' | 'resubmissions_exhausted' | null {
  if (orderStatus !== 'pending' || proofs.some((p) => p.status === 'approved'))
    return 'manual_order_not_payable';
  if (proofs.some((p) => p.status === 'pending')) return 'proof_pending';
  if (attemptsLeft(proofs) === 0) return 'resubmissions_exhausted';
  return null;
}

/** A reject reason as the buyer reads it in the mail. */
export function reasonInWords(reason: RejectReason): string {
  switch (reason) {
    case 'insufficient_funds':
      return 'The amount we received is less than the order total.';
    case 'wrong_amount':
      return 'The amount on the proof does not match the order total.';
    case 'unreadable_proof':
      return 'We could not read the proof you uploaded.';
    case 'duplicate':
      return 'This proof was already used for another payment.';
    case 'other':
      return 'We could not confirm your payment.';
  }
}

/**
 * Where a payment attempt stands for its buyer. A manual attempt reads its latest proof (none yet:
 * waiting for one; under review: pending; the latest rejected: rejected); others their own status.
 */
export function paymentState(
  payment: { provider: string; status: string },
  latestProof: ProofFacts | undefined,
  orderStatus: string,
): PaymentState {
  if (payment.status === 'succeeded') return 'approved';
  if (payment.status === 'refunded' || payment.status === 'partially_refunded') return 'refunded';
  if (payment.status === 'failed') return 'failed';
  if (payment.status === 'cancelled' || orderStatus === 'cancelled') return 'cancelled';
  if (payment.provider !== 'manual') return 'pending';
  if (!latestProof) return 'awaiting_proof';
  if (latestProof.status === 'approved') return 'approved';
  return latestProof.status === 'rejected' ? 'rejected' : 'pending';
}

/** Whether a calendar day (`YYYY-MM-DD`) is after today (both in the academy's time zone). */
export const isAfterToday = (day: string, today: string) => day > today;
