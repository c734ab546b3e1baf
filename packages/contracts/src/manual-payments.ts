// Contracts of the manual transfers slice: payment accounts, proofs, the admin review, payment status.
import { z } from 'zod';
import { Currency } from './catalog.ts';

export const ManualMethod = z.enum(['bank_transfer', 'jazzcash', 'easypaisa']);
export type ManualMethod = z.infer<typeof ManualMethod>;

export const ProofStatus = z.enum(['pending', 'approved', 'rejected']);
export type ProofStatus = z.infer<typeof ProofStatus>;

export const RejectReason = z.enum([
  'insufficient_funds',
  'wrong_amount',
  'unreadable_proof',
  'duplicate',
  'other',
]);
export type RejectReason = z.infer<typeof RejectReason>;

/** Attempts a buyer has at proving one order's payment (the first and two resubmissions). */
export const MAX_PROOF_ATTEMPTS = 3;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** An account buyers pay into by hand, as an admin types it. */
export const PaymentAccountBody = z
  .object({
    method: ManualMethod,
    /** What the buyer sees on the card ("Meezan Bank", "JazzCash"). */
    title: text(80),
    accountName: text(120),
    accountNumber: text(40),
    bankName: optionalText(120),
    /** Pakistani IBANs are 24 characters; others up to 34. Spaces are dropped. */
    iban: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s+/g, '').toUpperCase())
      .pipe(
        z.union([z.literal(''), z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, 'Enter a valid IBAN')]),
      )
      .nullish()
      .transform((v) => (v ? v : null)),
    instructions: optionalText(1000),
  })
  .strict()
  .refine((a) => a.method !== 'bank_transfer' || !!a.bankName, {
    path: ['bankName'],
    message: 'A bank transfer account needs its bank name',
  });
export type PaymentAccountBody = z.infer<typeof PaymentAccountBody>;

/** What the buyer sees of an account. */
export const PaymentAccount = z.object({
  id: z.uuid(),
  method: ManualMethod,
  title: z.string(),
  accountName: z.string(),
  accountNumber: z.string(),
  bankName: z.string().nullable(),
  iban: z.string().nullable(),
  instructions: z.string().nullable(),
});
export type PaymentAccount = z.infer<typeof PaymentAccount>;

export const AdminPaymentAccount = PaymentAccount.extend({
  active: z.boolean(),
  position: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AdminPaymentAccount = z.infer<typeof AdminPaymentAccount>;

export const PaymentAccountList = z.object({ items: z.array(PaymentAccount) });
export type PaymentAccountList = z.infer<typeof PaymentAccountList>;
export const AdminPaymentAccountList = z.object({ items: z.array(AdminPaymentAccount) });
export type AdminPaymentAccountList = z.infer<typeof AdminPaymentAccountList>;

export const ReorderAccountsBody = z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict();
export type ReorderAccountsBody = z.infer<typeof ReorderAccountsBody>;

/**
 * The fields sent with the proof file (multipart). `paidOn` is a calendar day, not after today in the
 * academy's time zone.
 */
export const ProofFields = z.object({
  transactionId: text(100),
  paidOn: z.iso.date(),
  senderAccount: text(100),
  accountId: z.uuid(),
});
export type ProofFields = z.infer<typeof ProofFields>;

/** A proof as its buyer sees it. */
export const ManualProof = z.object({
  id: z.uuid(),
  attemptNumber: z.int(),
  method: ManualMethod,
  accountTitle: z.string().nullable(),
  transactionId: z.string(),
  paidOn: z.iso.date(),
  senderAccount: z.string(),
  status: ProofStatus,
  rejectReason: RejectReason.nullable(),
  rejectNote: z.string().nullable(),
  /** The proof's file (its owner and admins may open it). */
  fileUrl: z.string(),
  fileMime: z.string(),
  createdAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
});
export type ManualProof = z.infer<typeof ManualProof>;

/** `GET /api/orders/:number/manual`: what to pay, where, and the proofs so far. */
export const ManualOrderView = z.object({
  orderNumber: z.string(),
  /** The order's status (`pending` until a proof is approved). */
  orderStatus: z.string(),
  amountMinor: z.int(),
  currency: Currency,
  /** What the buyer writes as the transfer's reference: the order number. */
  reference: z.string(),
  accounts: z.array(PaymentAccount),
  proofs: z.array(ManualProof),
  /** Proofs still allowed (3 in all). */
  attemptsLeft: z.int(),
  /** A proof may be sent now: the order is pending, none is under review and attempts remain. */
  canSubmit: z.boolean(),
  maxFileBytes: z.int(),
});
export type ManualOrderView = z.infer<typeof ManualOrderView>;

// ── Admin review ───────────────────────────────────────────────────────────────────────────────────

export const ReviewQueueQuery = z.object({
  status: ProofStatus.default('pending'),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;

export const ReviewQueueItem = z.object({
  id: z.uuid(),
  orderNumber: z.string(),
  buyer: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  amountMinor: z.int(),
  currency: Currency,
  method: ManualMethod,
  attemptNumber: z.int(),
  status: ProofStatus,
  createdAt: z.iso.datetime(),
  /** Seconds since the proof was sent. */
  ageSeconds: z.int(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

export const ReviewQueue = z.object({
  items: z.array(ReviewQueueItem),
  page: z.int(),
  limit: z.int(),
  total: z.int(),
  pages: z.int(),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const ReviewDetail = ReviewQueueItem.extend({
  orderStatus: z.string(),
  transactionId: z.string(),
  paidOn: z.iso.date(),
  senderAccount: z.string(),
  account: PaymentAccount.nullable(),
  fileUrl: z.string(),
  fileMime: z.string(),
  fileSizeBytes: z.int(),
  rejectReason: RejectReason.nullable(),
  rejectNote: z.string().nullable(),
  reviewedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  /** The order's earlier proofs (other attempts), oldest first. */
  history: z.array(ManualProof),
  /** After an approval: what the payment pipeline did (`fulfilled`, `duplicate`, …). */
  outcome: z.string().optional(),
});
export type ReviewDetail = z.infer<typeof ReviewDetail>;

export const RejectBody = z
  .object({ reason: RejectReason, note: z.string().trim().max(500).optional() })
  .strict()
  .refine((b) => b.reason !== 'other' || (b.note?.length ?? 0) > 0, {
    path: ['note'],
    message: 'Say what is wrong when the reason is "other"',
  });
export type RejectBody = z.infer<typeof RejectBody>;

// ── Payment status ─────────────────────────────────────────────────────────────────────────────────

export const PaymentState = z.enum([
  'awaiting_proof',
  'pending',
  'approved',
  'rejected',
  'failed',
  'cancelled',
  'refunded',
]);
export type PaymentState = z.infer<typeof PaymentState>;

export const PaymentStatusItem = z.object({
  paymentId: z.uuid(),
  orderNumber: z.string(),
  amountMinor: z.int(),
  currency: Currency,
  provider: z.enum(['stripe', 'paypal', 'manual', 'test']),
  /** For a manual transfer: the method of its latest proof. */
  method: ManualMethod.nullable(),
  status: PaymentState,
  /** Why it was rejected or failed, newest first (each rejected proof, or the provider's error). */
  reasons: z.array(
    z.object({ code: z.string(), note: z.string().nullable(), at: z.iso.datetime().nullable() }),
  ),
  /** A manual transfer whose proof may be (re)sent now. */
  canResubmit: z.boolean(),
  attemptsLeft: z.int().nullable(),
  createdAt: z.iso.datetime(),
});
export type PaymentStatusItem = z.infer<typeof PaymentStatusItem>;

export const PaymentStatusList = z.object({ items: z.array(PaymentStatusItem) });
export type PaymentStatusList = z.infer<typeof PaymentStatusList>;
