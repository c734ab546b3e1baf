type WishlistButtonProps = { itemType: 'course' | 'product'; itemId: string; className?: string };

/** Saves a course or product to the signed-in user's wishlist; the cart slice fills this in. */
export function WishlistButton(_props: WishlistButtonProps) {
  return null;
}
