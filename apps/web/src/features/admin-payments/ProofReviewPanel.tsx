import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { formatMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { PaymentStateBadge } from '../manual-payments/PaymentStateBadge.tsx';
import { useProof, useReviewProof } from './admin-payments-queries.ts';
import { RejectDialog } from './RejectDialog.tsx';

/** One proof under review: its facts, the file itself (image inline, PDF framed), approve and reject. */
export function ProofReviewPanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const proof = useProof(id);
  const review = useReviewProof();
  const [isRejecting, setRejecting] = useState(false);
  const p = proof.data;
  if (proof.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (!p) return <Alert tone="error">{errorMessage(proof.error)}</Alert>;
  const facts: [string, string][] = [
    [t('manual.admin.order'), p.orderNumber],
    [t('manual.admin.buyer'), `${p.buyer.name} <${p.buyer.email}>`],
    [t('manual.admin.amount'), formatMoney(p.amountMinor, p.currency, i18n.language)],
    [t('manual.admin.account'), p.account ? `${p.account.title} · ${p.account.accountNumber}` : '—'],
    [t('manual.transactionId'), p.transactionId],
    [t('manual.paidOn'), p.paidOn],
    [t('manual.senderAccount'), p.senderAccount],
    [t('manual.admin.attempt'), String(p.attemptNumber)],
  ];
  return (
    <section
      aria-label={t('manual.admin.detail')}
      className="rounded-xl border border-slate-200 bg-white p-5"
      data-testid="proof-detail"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold text-slate-900">{t(`manual.method.${p.method}`)}</h2>
        <PaymentStateBadge
          state={p.status === 'approved' ? 'approved' : p.status === 'rejected' ? 'rejected' : 'pending'}
        />
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd className="text-slate-900" dir="auto">
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
        {p.fileMime === 'application/pdf' ? (
          <iframe src={p.fileUrl} title={t('manual.admin.preview')} className="h-96 w-full" />
        ) : (
          <img src={p.fileUrl} alt={t('manual.admin.preview')} className="max-h-96 w-full object-contain" />
        )}
      </div>
      {p.rejectReason ? (
        <Alert tone="warning" className="mt-4">
          {t(`manual.reason.${p.rejectReason}`)}
          {p.rejectNote ? ` — ${p.rejectNote}` : ''}
        </Alert>
      ) : null}
      {p.reviewedAt ? (
        <p className="mt-2 text-sm text-slate-600">
          {t('manual.admin.reviewedBy', {
            name: p.reviewedBy?.name ?? '',
            when: formatDateTime(p.reviewedAt, i18n.language),
          })}
        </p>
      ) : null}
      {review.isError && !isRejecting ? (
        <Alert tone="error" className="mt-4">
          {errorMessage(review.error)}
        </Alert>
      ) : null}
      {p.status === 'pending' ? (
        <div className="mt-4 flex flex-wrap gap-3">
          <Button
            isLoading={review.isPending}
            onClick={() => review.mutate({ id: p.id, decision: 'approve' })}
          >
            {t('manual.admin.approve')}
          </Button>
          <Button variant="danger" onClick={() => setRejecting(true)}>
            {t('manual.admin.reject')}
          </Button>
        </div>
      ) : null}
      <RejectDialog
        key={isRejecting ? 'open' : 'closed'}
        open={isRejecting}
        isBusy={review.isPending}
        error={review.isError ? errorMessage(review.error) : null}
        onCancel={() => {
          setRejecting(false);
          review.reset();
        }}
        onConfirm={(body) =>
          review.mutate({ id: p.id, decision: 'reject', body }, { onSuccess: () => setRejecting(false) })
        }
      />
    </section>
  );
}
