import type { Cart } from '@9tangle/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { CartLine } from './CartLine.tsx';
import { CartSummary } from './CartSummary.tsx';
import { CouponForm } from './CouponForm.tsx';

type CartViewProps = {
  cart: Cart;
  isBusy: boolean;
  error: string | null;
  onQuantity: (id: string, quantity: number) => void;
  onRemove: (id: string) => void;
  onCoupon: (code: string | null) => void;
  /** The checkout button, or the guest's "sign in to check out". */
  action: ReactNode;
};

/** The cart page's body, for an account's cart and a guest's alike. */
export function CartView({ cart, isBusy, error, onQuantity, onRemove, onCoupon, action }: CartViewProps) {
  const { t } = useTranslation();
  if (cart.items.length === 0)
    return (
      <p className="text-slate-700">
        {t('cart.empty')} <TextLink to="/courses">{t('cart.browse')}</TextLink>
      </p>
    );
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <div>
        {cart.unavailable.length > 0 ? <Alert tone="warning">{t('cart.someUnavailable')}</Alert> : null}
        <ul className="divide-y divide-slate-200">
          {cart.items.map((item) => (
            <CartLine
              key={item.id}
              item={item}
              isBusy={isBusy}
              onQuantity={(q) => onQuantity(item.id, q)}
              onRemove={() => onRemove(item.id)}
            />
          ))}
        </ul>
      </div>
      <aside className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <CouponForm
          code={cart.couponCode}
          problem={cart.quote?.coupon?.problem}
          isBusy={isBusy}
          onApply={(code) => onCoupon(code)}
          onRemove={() => onCoupon(null)}
        />
        {cart.quote ? <CartSummary quote={cart.quote} /> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {cart.quote ? action : null}
      </aside>
    </div>
  );
}
