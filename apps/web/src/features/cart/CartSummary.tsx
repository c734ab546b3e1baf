import type { Quote } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { formatMoney } from '../../lib/format-money.ts';

/** The server's totals of the cart (never computed here). */
export function CartSummary({ quote }: { quote: Quote }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, quote.currency as Currency, i18n.language);
  return (
    <dl className="space-y-2 text-sm text-slate-800" data-testid="cart-summary">
      <Row label={t('cart.subtotal')} value={money(quote.subtotalMinor)} />
      {quote.discountMinor > 0 ? (
        <Row
          label={t('cart.discount', { code: quote.coupon?.code ?? '' })}
          value={`− ${money(quote.discountMinor)}`}
        />
      ) : null}
      {quote.taxMinor > 0 ? (
        <Row
          label={quote.taxInclusive ? t('cart.taxIncluded') : t('cart.tax')}
          value={money(quote.taxMinor)}
        />
      ) : null}
      <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-bold text-slate-900">
        <dt>{t('cart.total')}</dt>
        <dd data-testid="cart-total">{money(quote.totalMinor)}</dd>
      </div>
      {quote.requiresShipping ? <p className="text-slate-600">{t('cart.shippingAtCheckout')}</p> : null}
    </dl>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
