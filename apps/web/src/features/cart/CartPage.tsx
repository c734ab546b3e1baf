import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useMe } from '../session/use-me.ts';
import { CartView } from './CartView.tsx';
import {
  useCart,
  useCartPreview,
  useMergeSkipped,
  useRemoveCoupon,
  useRemoveLine,
  useSetCoupon,
  useSetQuantity,
} from './cart-queries.ts';
import { guestCart, useGuestCart } from './guest-cart.ts';
import { useCartErrorMessage as useErrorMessage } from './use-cart-error-message.ts';

/** `/cart`: the account's cart, or a guest's browser cart priced by the server. */
export function CartPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageMeta title={t('cart.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold text-slate-900">{t('cart.title')}</h1>
      {isPending ? (
        <p className="text-slate-700">{t('common.loading')}</p>
      ) : me ? (
        <AccountCart />
      ) : (
        <GuestCart />
      )}
    </div>
  );
}

function AccountCart() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const cart = useCart(true);
  const quantity = useSetQuantity();
  const remove = useRemoveLine();
  const setCoupon = useSetCoupon();
  const removeCoupon = useRemoveCoupon();
  const skipped = useMergeSkipped();
  const failed = [quantity, remove, setCoupon, removeCoupon].find((m) => m.isError);
  if (!cart.data)
    return <p className="text-slate-700">{cart.isError ? errorMessage(cart.error) : t('common.loading')}</p>;
  return (
    <>
      {skipped > 0 ? <Alert tone="warning">{t('cart.mergeSkipped', { count: skipped })}</Alert> : null}
      <CartView
        cart={cart.data}
        isBusy={[quantity, remove, setCoupon, removeCoupon].some((m) => m.isPending)}
        error={failed ? errorMessage(failed.error) : null}
        onQuantity={(id, q) => quantity.mutate({ id, quantity: q })}
        onRemove={(id) => remove.mutate(id)}
        onCoupon={(code) => (code ? setCoupon.mutate(code) : removeCoupon.mutate(undefined))}
        action={
          <Button asChild size="lg" className="w-full">
            <Link to="/checkout">{t('cart.checkout')}</Link>
          </Button>
        }
      />
    </>
  );
}

function GuestCart() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const items = useGuestCart();
  const [code, setCode] = useState('');
  const preview = useCartPreview(items, code);
  if (items.length === 0 || !preview.data)
    return (
      <CartView
        cart={{ currency: null, couponCode: null, items: [], unavailable: [], quote: null, count: 0 }}
        isBusy={false}
        error={preview.isError ? errorMessage(preview.error) : null}
        onQuantity={() => undefined}
        onRemove={() => undefined}
        onCoupon={() => undefined}
        action={null}
      />
    );
  return (
    <CartView
      cart={preview.data.cart}
      isBusy={preview.isFetching}
      error={null}
      onQuantity={(id, q) => guestCart.setQuantity(id, q)}
      onRemove={(id) => guestCart.remove(id)}
      onCoupon={(c) => setCode(c ?? '')}
      action={
        <Button asChild size="lg" className="w-full">
          <Link to="/login?next=%2Fcart">{t('cart.signInToCheckout')}</Link>
        </Button>
      }
    />
  );
}
