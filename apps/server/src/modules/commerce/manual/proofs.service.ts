import { randomUUID } from 'node:crypto';
import { type ManualOrderView, ProofFields } from '@9tangle/contracts';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import type { OutgoingFile } from '../../../http/send-file.ts';
import { type Clock, calendarDay } from '../../../platform/clock.ts';
import type { Storage } from '../../../platform/storage.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { accountsRepo } from './accounts.repo.ts';
import { toAccount, toProof } from './manual.mappers.ts';
import { attemptsLeft, isAfterToday, submissionProblem } from './manual.policy.ts';
import { checkProofContent, type ProofSource } from './proof-upload.ts';
import { proofsRepo } from './proofs.repo.ts';

export interface ProofDeps {
  config: Pick<Config, 'commerce' | 'siteTimeZone'>;
  database: Database;
  clock: Clock;
  storage: Storage;
}

/**
 * User content runs nothing: no scripts, no plugins, a unique origin (`sandbox`), framed only by our own
 * pages (the admin's PDF preview), as course files are served (ADR 018).
 */
const USER_CONTENT_CSP = "default-src 'none'; sandbox; frame-ancestors 'self'";

const PROBLEM_MESSAGES = {
  manual_order_not_payable: 'This order is not waiting for a transfer.',
  proof_pending: 'Your last proof is still being reviewed; wait for its answer before sending another.',
  resubmissions_exhausted: 'This order has had its 3 proofs; contact us to settle it.',
} as const;

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === '23505' ||
  (err as { cause?: { code?: string } })?.cause?.code === '23505';

const fieldError = (path: string, message: string) =>
  badRequest('validation_failed', message, [{ path: [path], message }]);

/** A buyer's side of a manual transfer: what to pay and where, and the proofs they send. */
export function createProofsService(d: ProofDeps) {
  const db = d.database.db;
  const maxBytes = d.config.commerce.proofMaxBytes;

  /** The buyer's order with its manual attempt, or 404 (someone else's order is not found either). */
  async function manualOrder(user: CurrentUser, number: string) {
    const order = await proofsRepo.orderOfBuyer(db, { number, userId: user.id });
    const attempt = order ? await proofsRepo.manualAttempt(db, order.id) : undefined;
    if (!order || !attempt) throw notFound('order');
    return { order, attempt };
  }

  async function view(user: CurrentUser, number: string): Promise<ManualOrderView> {
    const { order, attempt } = await manualOrder(user, number);
    const proofs = await proofsRepo.ofOrder(db, order.id);
    const open = attempt.status === 'pending' || attempt.status === 'created';
    return {
      orderNumber: order.number,
      orderStatus: order.status,
      amountMinor: order.totalMinor,
      currency: order.currency as ManualOrderView['currency'],
      reference: order.number,
      accounts: (await accountsRepo.list(db, { activeOnly: true })).map(toAccount),
      proofs: proofs.map(toProof),
      attemptsLeft: attemptsLeft(proofs),
      canSubmit: open && submissionProblem(order.status, proofs) === null,
      maxFileBytes: maxBytes,
    };
  }

  function refuseIfProblem(status: string, proofs: { status: 'pending' | 'approved' | 'rejected' }[]) {
    const problem = submissionProblem(status, proofs);
    if (problem) throw conflict(problem, PROBLEM_MESSAGES[problem]);
  }

  return {
    view,

    /**
     * Send a proof of payment. Who may send one, and whether one may be sent now, is decided before a
     * byte of the body is read; the counts are checked again under the order's row lock, and the unique
     * indexes (one pending proof per order, attempt numbers 1–3) settle any race that remains.
     */
    async submit(user: CurrentUser, number: string, source: ProofSource): Promise<ManualOrderView> {
      const { order, attempt } = await manualOrder(user, number);
      if (attempt.status !== 'pending' && attempt.status !== 'created')
        throw conflict('manual_order_not_payable', PROBLEM_MESSAGES.manual_order_not_payable);
      refuseIfProblem(order.status, await proofsRepo.ofOrder(db, order.id));

      const form = await source.read(maxBytes);
      const parsed = ProofFields.safeParse(form.fields);
      if (!parsed.success)
        throw badRequest(
          'validation_failed',
          'Some fields are not valid',
          parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        );
      const fields = parsed.data;
      if (isAfterToday(fields.paidOn, calendarDay(d.clock.now(), d.config.siteTimeZone)))
        throw fieldError('paidOn', 'The payment date cannot be in the future');
      const account = await accountsRepo.activeById(db, fields.accountId);
      if (!account)
        throw badRequest('manual_account_unavailable', 'Choose one of the accounts shown on this page');
      if (!form.file) throw fieldError('file', 'Attach the proof of payment');
      const { mime, ext } = await checkProofContent(form.file);

      // Stored before the row, under a key of the server's making; removed again if the row is refused.
      const key = `proofs/${order.id}/${randomUUID()}.${ext}`;
      await d.storage.put(key, form.file.data);
      try {
        await db.transaction(async (tx) => {
          const locked = await proofsRepo.orderOfBuyer(tx, { number, userId: user.id, lock: true });
          if (!locked) throw notFound('order');
          const proofs = await proofsRepo.ofOrder(tx, order.id);
          refuseIfProblem(locked.status, proofs);
          const proof = await proofsRepo.insert(tx, {
            orderId: order.id,
            paymentId: attempt.id,
            accountId: account.id,
            method: account.method,
            attemptNumber: proofs.length + 1,
            transactionId: fields.transactionId,
            paidOn: fields.paidOn,
            senderAccount: fields.senderAccount,
            proofKey: key,
            proofMime: mime,
            proofSizeBytes: form.file?.data.length ?? 0,
            createdAt: d.clock.now(),
          });
          await proofsRepo.addEvent(tx, {
            orderId: order.id,
            type: 'manual_proof_submitted',
            note: `Proof ${proof.attemptNumber} of ${proofs.length + 1} sent (${account.title})`,
            actorId: user.id,
            createdAt: d.clock.now(),
          });
        });
      } catch (err) {
        await d.storage.delete(key).catch(() => undefined);
        if (isUniqueViolation(err)) throw conflict('proof_pending', PROBLEM_MESSAGES.proof_pending);
        throw err;
      }
      return view(user, number);
    },

    /** A proof's file for an admin or the order's owner (anyone else: 404), served inline and inert. */
    async openFile(user: CurrentUser, proofId: string): Promise<OutgoingFile> {
      const row = await proofsRepo.detail(db, proofId);
      if (!row || (user.role !== 'admin' && row.orderUserId !== user.id)) throw notFound('proof');
      const stat = await d.storage.stat(row.proofKey);
      if (!stat) throw notFound('file');
      const ext = row.proofKey.split('.').pop() ?? 'bin';
      return {
        etag: row.id,
        lastModified: row.createdAt,
        sizeBytes: stat.size,
        mime: row.proofMime,
        fileName: `${row.orderNumber}-proof-${row.attemptNumber}.${ext}`,
        disposition: 'inline',
        csp: USER_CONTENT_CSP,
        read: (range) => d.storage.readStream(row.proofKey, range),
      };
    },
  };
}
export type ProofsService = ReturnType<typeof createProofsService>;
