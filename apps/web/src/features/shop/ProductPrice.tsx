import type { ProductSummary } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format-money.ts';

/** The price, with the compare-at price struck through when the product is on sale. */
export function ProductPrice({
  product,
  large = false,
}: {
  product: Pick<ProductSummary, 'priceMinor' | 'compareAtMinor' | 'currency'>;
  large?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <p className="flex flex-wrap items-baseline gap-2">
      <span className={large ? 'text-3xl font-bold text-slate-900' : 'text-lg font-bold text-slate-900'}>
        {formatMoney(product.priceMinor, product.currency, i18n.language)}
      </span>
      {product.compareAtMinor ? (
        <s className="text-sm text-slate-600">
          <span className="sr-only">{t('shop.wasPrice')} </span>
          {formatMoney(product.compareAtMinor, product.currency, i18n.language)}
        </s>
      ) : null}
    </p>
  );
}
