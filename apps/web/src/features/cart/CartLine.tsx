import type { CartItem } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatMoney } from '../../lib/format-money.ts';

type CartLineProps = {
  item: CartItem;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
  isBusy: boolean;
};

/** One line of the cart: its price, a quantity stepper for goods that ship, remove, and its problem. */
export function CartLine({ item, onQuantity, onRemove, isBusy }: CartLineProps) {
  const { t, i18n } = useTranslation();
  const href = item.itemType === 'course' ? `/courses/${item.slug}` : `/shop/${item.slug}`;
  const canStep = item.maxQuantity > 1 || item.quantity > 1;
  return (
    <li className="flex flex-wrap items-center gap-4 py-4" data-testid="cart-line">
      <div className="min-w-0 flex-1">
        <TextLink to={href} className="font-semibold">
          {item.title}
        </TextLink>
        <p className="text-sm text-slate-700">
          {formatMoney(item.unitPriceMinor, item.currency as Currency, i18n.language)}
        </p>
        {item.problem ? (
          <p className="mt-1 text-sm font-medium text-amber-800">{t(`cart.problems.${item.problem}`)}</p>
        ) : null}
      </div>
      {canStep ? (
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">{t('cart.quantityOf', { title: item.title })}</legend>
          <Button
            variant="secondary"
            size="sm"
            aria-label={t('cart.decrease')}
            disabled={isBusy || item.quantity <= 1}
            onClick={() => onQuantity(item.quantity - 1)}
          >
            −
          </Button>
          <span className="min-w-6 text-center" aria-live="polite">
            {item.quantity}
          </span>
          <Button
            variant="secondary"
            size="sm"
            aria-label={t('cart.increase')}
            disabled={isBusy || item.quantity >= item.maxQuantity}
            onClick={() => onQuantity(item.quantity + 1)}
          >
            +
          </Button>
        </fieldset>
      ) : null}
      <Button variant="ghost" size="sm" disabled={isBusy} onClick={onRemove}>
        {t('cart.remove')}
        <span className="sr-only"> {item.title}</span>
      </Button>
    </li>
  );
}
