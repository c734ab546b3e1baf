import type { ManualProof } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { textLinkClasses } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { PaymentStateBadge } from './PaymentStateBadge.tsx';

const stateOf = (p: ManualProof) =>
  p.status === 'approved' ? 'approved' : p.status === 'rejected' ? 'rejected' : 'pending';

/** The proofs sent for an order, with their review and, for a rejected one, why. */
export function ProofList({ proofs }: { proofs: ManualProof[] }) {
  const { t, i18n } = useTranslation();
  if (proofs.length === 0) return null;
  return (
    <section aria-labelledby="proofs-heading" className="mt-8">
      <h2 id="proofs-heading" className="text-xl font-semibold text-slate-900">
        {t('manual.proofsTitle')}
      </h2>
      <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {proofs.map((p) => (
          <li key={p.id} className="p-4" data-testid="proof">
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium text-slate-900">
                {t('manual.attempt', { n: p.attemptNumber })}
              </span>
              <PaymentStateBadge state={stateOf(p)} />
              <span className="text-sm text-slate-600">
                {p.accountTitle ?? t(`manual.method.${p.method}`)} · {formatDate(p.createdAt, i18n.language)}
              </span>
              <a href={p.fileUrl} target="_blank" rel="noopener noreferrer" className={textLinkClasses}>
                {t('manual.viewFile')}
              </a>
            </div>
            <p className="mt-1 text-sm text-slate-700" dir="ltr">
              {p.transactionId} · {p.senderAccount} · {p.paidOn}
            </p>
            {p.rejectReason ? (
              <p className="mt-2 text-sm text-red-800" data-testid="reject-reason">
                {t(`manual.reason.${p.rejectReason}`)}
                {p.rejectNote ? ` — ${p.rejectNote}` : ''}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
