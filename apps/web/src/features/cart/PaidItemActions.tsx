import { AddToCartButton } from './AddToCartButton.tsx';
import { WishlistButton } from './WishlistButton.tsx';

/** A paid course's (or product's) calls to action: add to cart, buy now, save for later. */
export function PaidItemActions({ itemType, itemId }: { itemType: 'course' | 'product'; itemId: string }) {
  return (
    <div className="space-y-2">
      <AddToCartButton itemType={itemType} itemId={itemId} />
      <AddToCartButton itemType={itemType} itemId={itemId} buyNow />
      <WishlistButton itemType={itemType} itemId={itemId} className="text-center" />
    </div>
  );
}
