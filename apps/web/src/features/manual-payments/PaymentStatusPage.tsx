import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { formatMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';
import { usePaymentStatus } from './manual-queries.ts';
import { PaymentStateBadge } from './PaymentStateBadge.tsx';

/** `/payment-status`: every payment of mine, at any provider, newest first, with where it stands. */
export function PaymentStatusPage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('manual.statusTitle')}>{() => <PaymentStatus />}</RequireAuth>;
}

function PaymentStatus() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = usePaymentStatus(true);
  return (
    <>
      <PageMeta title={t('manual.statusTitle')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('manual.statusTitle')}</h1>
      {list.isPending ? <p className="mt-4 text-slate-700">{t('common.loading')}</p> : null}
      {list.isError ? (
        <Alert tone="error" className="mt-4">
          {errorMessage(list.error)}
        </Alert>
      ) : null}
      {list.data?.items.length === 0 ? (
        <p className="mt-6 text-slate-700">{t('manual.statusEmpty')}</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {list.data.items.map((p) => (
            <li key={p.paymentId} className="p-4" data-testid="payment-row">
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-mono font-medium text-slate-900" dir="ltr">
                  {p.orderNumber}
                </span>
                <PaymentStateBadge state={p.status} />
                <span className="text-slate-800">
                  {formatMoney(p.amountMinor, p.currency, i18n.language)}
                </span>
                <span className="text-sm text-slate-600">
                  {p.method ? t(`manual.method.${p.method}`) : t(`manual.provider.${p.provider}`)} ·{' '}
                  {formatDate(p.createdAt, i18n.language)}
                </span>
              </div>
              {p.status === 'rejected' || p.status === 'failed'
                ? p.reasons.slice(0, 1).map((r) => (
                    <p
                      key={`${r.code}-${r.at}`}
                      className="mt-2 text-sm text-red-800"
                      data-testid="reject-reason"
                    >
                      {t(`manual.reason.${r.code}`, { defaultValue: r.note ?? r.code })}
                      {r.note && p.provider === 'manual' ? ` — ${r.note}` : ''}
                    </p>
                  ))
                : null}
              {p.provider === 'manual' ? (
                <p className="mt-2">
                  <TextLink to={`/checkout/manual/${encodeURIComponent(p.orderNumber)}`}>
                    {p.canResubmit
                      ? p.status === 'awaiting_proof'
                        ? t('manual.sendProofLink')
                        : t('manual.resubmitLink')
                      : t('manual.openOrderLink')}
                  </TextLink>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
