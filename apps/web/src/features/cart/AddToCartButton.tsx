import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useMe } from '../session/use-me.ts';
import { useAddToCart } from './cart-queries.ts';
import { guestCart } from './guest-cart.ts';
import { useCartErrorMessage as useErrorMessage } from './use-cart-error-message.ts';

type AddToCartButtonProps = {
  itemType: 'course' | 'product';
  itemId: string;
  /** Go straight to the checkout after adding ("Buy now"). */
  buyNow?: boolean;
  /** Physical goods: how many to add. */
  quantity?: number;
  className?: string;
};

/**
 * Adds a course or product to the cart: the account's (through the API, which prices it) or, for a
 * guest, the one kept in this browser until sign-in. "Buy now" goes on to the checkout.
 */
export function AddToCartButton({ itemType, itemId, buyNow, quantity, className }: AddToCartButtonProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const add = useAddToCart();
  const [isAdded, setAdded] = useState(false);
  const item = { itemType, itemId, ...(quantity ? { quantity } : {}) };

  async function onClick() {
    if (me) await add.mutateAsync(item);
    else guestCart.add(item);
    if (buyNow) await navigate('/checkout');
    else setAdded(true);
  }

  return (
    <div className={className}>
      <Button
        size="lg"
        variant={buyNow ? 'secondary' : 'primary'}
        className="w-full"
        isLoading={add.isPending}
        onClick={() => void onClick().catch(() => undefined)}
      >
        {buyNow ? t('cart.buyNow') : t('cart.add')}
      </Button>
      {isAdded ? (
        <p className="mt-2 text-center text-sm text-slate-700" role="status">
          {t('cart.added')} <TextLink to="/cart">{t('cart.viewCart')}</TextLink>
        </p>
      ) : null}
      {add.isError ? (
        <Alert tone="error" className="mt-2">
          {errorMessage(add.error)}
        </Alert>
      ) : null}
    </div>
  );
}
