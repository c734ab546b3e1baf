import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getMyOrder } from '../../api/checkout.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { buttonClasses } from '../../components/ui/Button.tsx';
import { formatMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';
import { DownloadButton } from './DownloadButton.tsx';

/** `/dashboard/orders/:number`: one order of mine — items, totals, attempts, invoice and downloads. */
export function MyOrderPage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('checkout.orders.title')}>{() => <MyOrder />}</RequireAuth>;
}

function MyOrder() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { number = '' } = useParams();
  const order = useQuery({ queryKey: ['my-order', number], queryFn: () => getMyOrder(number) });
  if (order.isPending) return <p role="status">{t('common.loading')}</p>;
  if (order.isError) return <Alert tone="error">{errorMessage(order.error)}</Alert>;
  const o = order.data;
  const money = (m: number) => formatMoney(m, o.currency as 'PKR', i18n.language);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageMeta title={o.orderNumber} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{o.orderNumber}</h1>
      <p>
        {t('checkout.orders.status')}: <strong>{t(`checkout.orders.statuses.${o.status}`)}</strong>
      </p>
      <section>
        <h2 className="text-xl font-semibold">{t('checkout.orders.items_title')}</h2>
        <ul className="mt-2 divide-y divide-slate-200">
          {o.items.map((i) => (
            <li key={`${i.title}-${i.unitPriceMinor}`} className="flex justify-between py-2">
              <span>
                {i.courseSlug && o.paidAt ? (
                  <Link to={`/courses/${i.courseSlug}/learn`}>{i.title}</Link>
                ) : (
                  i.title
                )}
                {i.quantity > 1 ? ` × ${i.quantity}` : ''}
              </span>
              <span>{money(i.totalMinor)}</span>
            </li>
          ))}
        </ul>
        <dl className="mt-3 space-y-1 border-t border-slate-200 pt-3">
          <div className="flex justify-between">
            <dt>{t('checkout.summary.subtotal')}</dt>
            <dd>{money(o.subtotalMinor)}</dd>
          </div>
          {o.discountMinor > 0 ? (
            <div className="flex justify-between">
              <dt>{t('checkout.summary.discount')}</dt>
              <dd>−{money(o.discountMinor)}</dd>
            </div>
          ) : null}
          {o.shippingMinor > 0 ? (
            <div className="flex justify-between">
              <dt>{t('checkout.summary.shipping')}</dt>
              <dd>{money(o.shippingMinor)}</dd>
            </div>
          ) : null}
          {o.taxMinor > 0 ? (
            <div className="flex justify-between">
              <dt>{t(o.taxInclusive ? 'checkout.summary.taxIncluded' : 'checkout.summary.tax')}</dt>
              <dd>{money(o.taxMinor)}</dd>
            </div>
          ) : null}
          <div className="flex justify-between font-bold">
            <dt>{t('checkout.summary.total')}</dt>
            <dd>{money(o.totalMinor)}</dd>
          </div>
        </dl>
      </section>
      {o.paidAt ? (
        <a className={buttonClasses('secondary')} href={`/api/orders/${o.orderNumber}/invoice.pdf`}>
          {t('checkout.orders.invoice')}
        </a>
      ) : null}
      {o.downloads.length > 0 ? (
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t('checkout.orders.downloads')}</h2>
          {o.downloads.map((g) => (
            <DownloadButton key={g.grantId} grantId={g.grantId} title={g.title} />
          ))}
        </section>
      ) : null}
      <section>
        <h2 className="text-xl font-semibold">{t('checkout.orders.attempts')}</h2>
        <ul className="mt-2 text-sm text-slate-700">
          {o.attempts.map((a) => (
            <li key={a.createdAt}>
              {a.provider}: {a.status}
              {a.errorMessage ? ` — ${a.errorMessage}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
