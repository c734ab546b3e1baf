import type { Quote } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format-money.ts';

/** The server's quote: each line and the totals (never computed in the browser). */
export function OrderTotals({ quote }: { quote: Quote }) {
  const { t, i18n } = useTranslation();
  const money = (m: number) => formatMoney(m, quote.currency, i18n.language);
  const row = (label: string, value: string, strong = false) => (
    <div
      className={
        strong ? 'flex justify-between font-bold text-slate-900' : 'flex justify-between text-slate-700'
      }
    >
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-200">
        {quote.lines.map((l) => (
          <li key={`${l.itemType}-${l.itemId}`} className="flex justify-between py-2">
            <span>
              {l.title}
              {l.quantity > 1 ? ` × ${l.quantity}` : ''}
            </span>
            <span>{money(l.subtotalMinor)}</span>
          </li>
        ))}
      </ul>
      <dl className="space-y-1 border-t border-slate-200 pt-3" data-testid="order-totals">
        {row(t('checkout.summary.subtotal'), money(quote.subtotalMinor))}
        {quote.discountMinor > 0
          ? row(t('checkout.summary.discount'), `−${money(quote.discountMinor)}`)
          : null}
        {quote.requiresShipping ? row(t('checkout.summary.shipping'), money(quote.shippingMinor)) : null}
        {quote.taxMinor > 0
          ? row(
              t(quote.taxInclusive ? 'checkout.summary.taxIncluded' : 'checkout.summary.tax'),
              money(quote.taxMinor),
            )
          : null}
        {row(t('checkout.summary.total'), money(quote.totalMinor), true)}
      </dl>
      {quote.coupon?.problem ? (
        <p className="text-sm text-amber-800">
          {t('checkout.summary.couponProblem', { problem: quote.coupon.problem })}
        </p>
      ) : null}
    </div>
  );
}
