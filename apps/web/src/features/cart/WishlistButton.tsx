import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useMe } from '../session/use-me.ts';
import { useCartErrorMessage as useErrorMessage } from './use-cart-error-message.ts';
import { useAddToWishlist, useWishlist } from './wishlist-queries.ts';

type WishlistButtonProps = { itemType: 'course' | 'product'; itemId: string; className?: string };

/** Saves a course or product to the signed-in user's wishlist; a guest is sent to sign in and back. */
export function WishlistButton({ itemType, itemId, className }: WishlistButtonProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const list = useWishlist(Boolean(me));
  const add = useAddToWishlist();

  if (!me) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <Button asChild variant="ghost" className={className}>
        <Link to={`/login?next=${next}`}>{t('cart.wishlist.save')}</Link>
      </Button>
    );
  }
  const isSaved = list.data?.items.some((i) => i.itemType === itemType && i.itemId === itemId);
  if (isSaved)
    return (
      <p className={className}>
        <TextLink to="/wishlist">{t('cart.wishlist.saved')}</TextLink>
      </p>
    );
  return (
    <div className={className}>
      <Button variant="ghost" isLoading={add.isPending} onClick={() => add.mutate({ itemType, itemId })}>
        {t('cart.wishlist.save')}
      </Button>
      {add.isError ? <Alert tone="error">{errorMessage(add.error)}</Alert> : null}
    </div>
  );
}
