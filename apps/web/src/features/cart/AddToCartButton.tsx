type AddToCartButtonProps = {
  itemType: 'course' | 'product';
  itemId: string;
  /** Go straight to the checkout after adding ("Buy now"). */
  buyNow?: boolean;
  className?: string;
};

/** Adds a course or product to the cart (a guest's cart lives in the browser); the cart slice fills this in. */
export function AddToCartButton(_props: AddToCartButtonProps) {
  return null;
}
