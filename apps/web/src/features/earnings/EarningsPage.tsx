import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { money } from '../admin-orders/admin-orders-queries.ts';
import { StudioGate } from '../studio/StudioGate.tsx';
import { useEarnings } from './earnings-queries.ts';

/** `/studio/earnings`: my courses' sales per month, my share and what refunds took back. */
export function EarningsPage() {
  const { t } = useTranslation();
  return <StudioGate title={t('earnings.title')}>{() => <Earnings />}</StudioGate>;
}

function Earnings() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const earnings = useEarnings({});
  const th = 'px-4 py-3 text-start font-semibold';
  const td = 'px-4 py-3 whitespace-nowrap';
  return (
    <>
      <PageMeta title={t('earnings.title')} description={t('meta.private')} noIndex />
      <TextLink to="/studio">{t('studio.backToStudio')}</TextLink>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">{t('earnings.title')}</h1>
      {earnings.isPending ? <p className="mt-4 text-slate-700">{t('common.loading')}</p> : null}
      {earnings.isError ? <Alert tone="error">{errorMessage(earnings.error)}</Alert> : null}
      {earnings.data ? (
        <>
          <p className="mt-2 text-slate-700">
            {t('earnings.share', { percent: earnings.data.sharePercent })}
          </p>
          <ul className="mt-4 flex flex-wrap gap-4">
            {earnings.data.totals.map((s) => (
              <li key={s.currency} className="rounded-xl border border-slate-200 bg-white p-4">
                <span className="block text-sm text-slate-600">
                  {t('earnings.netTotal', { currency: s.currency })}
                </span>
                <span className="text-2xl font-semibold text-slate-900">
                  {money(s.netMinor, s.currency, i18n.language)}
                </span>
                <span className="block text-sm text-slate-600">
                  {t('earnings.salesCount', { count: s.sales })}
                </span>
              </li>
            ))}
          </ul>
          {earnings.data.months.length === 0 ? (
            <p className="mt-6 text-slate-700">{t('earnings.empty')}</p>
          ) : (
            <div className="mt-6 overflow-x-auto rounded-xl border border-slate-200 bg-white">
              <table className="w-full text-start text-sm">
                <caption className="sr-only">{t('earnings.title')}</caption>
                <thead className="bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className={th}>
                      {t('earnings.month')}
                    </th>
                    <th scope="col" className={th}>
                      {t('earnings.sales')}
                    </th>
                    <th scope="col" className={th}>
                      {t('earnings.gross')}
                    </th>
                    <th scope="col" className={th}>
                      {t('earnings.yourShare')}
                    </th>
                    <th scope="col" className={th}>
                      {t('earnings.refunded')}
                    </th>
                    <th scope="col" className={th}>
                      {t('earnings.net')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {earnings.data.months.map((m) => (
                    <tr key={`${m.month}-${m.currency}`}>
                      <td className={td} dir="ltr">
                        {m.month}
                      </td>
                      <td className={td}>{m.sales}</td>
                      <td className={td}>{money(m.grossMinor, m.currency, i18n.language)}</td>
                      <td className={td}>{money(m.shareMinor, m.currency, i18n.language)}</td>
                      <td className={td}>{money(m.refundedMinor, m.currency, i18n.language)}</td>
                      <td className={td}>{money(m.netMinor, m.currency, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
