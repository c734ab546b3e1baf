import type { AdminPaymentAccount, ManualProof, PaymentAccount } from '@9tangle/contracts';
import type { ManualPaymentAccountRow, ManualPaymentProofRow } from '../../../db/schema/index.ts';

export const toAccount = (a: ManualPaymentAccountRow): PaymentAccount => ({
  id: a.id,
  method: a.method,
  title: a.title,
  accountName: a.accountName,
  accountNumber: a.accountNumber,
  bankName: a.bankName,
  iban: a.iban,
  instructions: a.instructions,
});

export const toAdminAccount = (a: ManualPaymentAccountRow): AdminPaymentAccount => ({
  ...toAccount(a),
  active: a.active,
  position: a.position,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** Where a proof's file is served (its owner and admins only). */
export const proofFileUrl = (proofId: string) => `/api/files/manual-proofs/${proofId}`;

export const toProof = (p: ManualPaymentProofRow & { accountTitle: string | null }): ManualProof => ({
  id: p.id,
  attemptNumber: p.attemptNumber,
  method: p.method,
  accountTitle: p.accountTitle,
  transactionId: p.transactionId,
  paidOn: p.paidOn,
  senderAccount: p.senderAccount,
  status: p.status,
  rejectReason: p.rejectReason,
  rejectNote: p.rejectNote,
  fileUrl: proofFileUrl(p.id),
  fileMime: p.proofMime,
  createdAt: p.createdAt.toISOString(),
  reviewedAt: p.reviewedAt?.toISOString() ?? null,
});
