import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatMoney } from '../../lib/format-money.ts';
import { useCartErrorMessage as useErrorMessage } from '../cart/use-cart-error-message.ts';
import { useMoveToCart, useRemoveFromWishlist, useWishlist } from '../cart/wishlist-queries.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';

/** `/wishlist`: what the user saved, with "Move to cart". */
export function WishlistPage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('cart.wishlist.title')}>{() => <Wishlist />}</RequireAuth>;
}

function Wishlist() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = useWishlist(true);
  const move = useMoveToCart();
  const remove = useRemoveFromWishlist();
  const failed = [move, remove].find((m) => m.isError);
  const isBusy = move.isPending || remove.isPending;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageMeta title={t('cart.wishlist.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold text-slate-900">{t('cart.wishlist.title')}</h1>
      {failed ? <Alert tone="error">{errorMessage(failed.error)}</Alert> : null}
      {move.isSuccess ? (
        <Alert tone="success">
          {t('cart.wishlist.moved')} <TextLink to="/cart">{t('cart.viewCart')}</TextLink>
        </Alert>
      ) : null}
      {!list.data ? (
        <p className="text-slate-700">{t('common.loading')}</p>
      ) : list.data.items.length === 0 ? (
        <p className="text-slate-700">{t('cart.wishlist.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {list.data.items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-4 py-4" data-testid="wishlist-item">
              <div className="min-w-0 flex-1">
                <TextLink
                  to={item.itemType === 'course' ? `/courses/${item.slug}` : `/shop/${item.slug}`}
                  className="font-semibold"
                >
                  {item.title}
                </TextLink>
                <p className="text-sm text-slate-700">
                  {formatMoney(item.priceMinor, item.currency as Currency, i18n.language)}
                  {item.available ? null : ` · ${t('cart.problems.not_for_sale')}`}
                </p>
              </div>
              <Button size="sm" disabled={isBusy || !item.available} onClick={() => move.mutate(item.id)}>
                {t('cart.wishlist.moveToCart')}
                <span className="sr-only"> {item.title}</span>
              </Button>
              <Button variant="ghost" size="sm" disabled={isBusy} onClick={() => remove.mutate(item.id)}>
                {t('cart.remove')}
                <span className="sr-only"> {item.title}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
