import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { useCartCount } from './cart-queries.ts';
import { useGuestCartMerge } from './use-guest-cart-merge.ts';

/** The header's cart icon with the number of units; also merges a guest's cart once they sign in. */
export function CartLink() {
  const { t } = useTranslation();
  const count = useCartCount();
  useGuestCartMerge();
  return (
    <NavLink
      to="/cart"
      aria-label={t('cart.headerLink', { count })}
      className={({ isActive }) =>
        cn(
          'relative flex items-center rounded-lg px-3 py-2 text-slate-700 hover:bg-slate-100',
          isActive && 'bg-indigo-50 text-indigo-800',
          focusRing,
        )
      }
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M3 3h2l2.4 12.2a2 2 0 0 0 2 1.8h7.8a2 2 0 0 0 2-1.6L21 8H6" />
        <circle cx="10" cy="20" r="1.5" />
        <circle cx="17" cy="20" r="1.5" />
      </svg>
      {count > 0 ? (
        <span
          data-testid="cart-count"
          className="absolute -top-0.5 end-0.5 min-w-5 rounded-full bg-indigo-600 px-1 text-center text-xs font-bold text-white"
        >
          {count}
        </span>
      ) : null}
    </NavLink>
  );
}
