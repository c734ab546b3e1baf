import type { AdminOrderDetail, RefundQuote } from '@9tangle/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CheckboxField } from '../../components/ui/CheckboxField.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { money, quoteRefund, useRefund } from './admin-orders-queries.ts';

/**
 * Choose the lines (and how many of each) and the shipping to give back. The amount shown is the
 * server's, asked again whenever the choice changes; confirming sends the choice, never an amount.
 */
export function RefundDialog({
  order,
  open,
  onClose,
}: {
  order: AdminOrderDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const [qty, setQty] = useState<Record<string, number>>({});
  const [shipping, setShipping] = useState(false);
  const [restock, setRestock] = useState(false);
  const [reason, setReason] = useState('');
  const [quote, setQuote] = useState<{ value: RefundQuote | null; error: unknown }>({
    value: null,
    error: null,
  });
  const refund = useRefund(order.number);
  const items = Object.entries(qty)
    .filter(([, q]) => q > 0)
    .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
  const choice = JSON.stringify({ items, shipping });

  useEffect(() => {
    const { items: chosen, shipping: ship } = JSON.parse(choice) as {
      items: typeof items;
      shipping: boolean;
    };
    if (chosen.length === 0 && !ship) {
      setQuote({ value: null, error: null });
      return;
    }
    let live = true;
    quoteRefund(order.number, { items: chosen, shipping: ship }).then(
      (value) => live && setQuote({ value, error: null }),
      (error: unknown) => live && setQuote({ value: null, error }),
    );
    return () => {
      live = false;
    };
  }, [choice, order.number]);

  const ships = order.items.some((i) => i.requiresShipping);
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="max-w-lg">
      <div className="space-y-4 p-6">
        <h2 id={titleId} className="text-xl font-semibold text-slate-900">
          {t('adminOrders.refundTitle', { number: order.number })}
        </h2>
        {order.items.map((i) => {
          const left = i.quantity - i.refundedQuantity;
          return (
            <Field
              key={i.id}
              label={t('adminOrders.refundLine', { title: i.title, left })}
              name={`qty-${i.id}`}
              type="number"
              min={0}
              max={left}
              disabled={left <= 0}
              value={qty[i.id] ?? 0}
              onChange={(e) =>
                setQty({ ...qty, [i.id]: Math.max(0, Math.min(left, Number(e.currentTarget.value) || 0)) })
              }
            />
          );
        })}
        {order.shippingRefundable ? (
          <CheckboxField
            label={t('adminOrders.refundShipping', {
              amount: money(order.shippingMinor, order.currency, i18n.language),
            })}
            checked={shipping}
            onChange={(e) => setShipping(e.currentTarget.checked)}
          />
        ) : null}
        {ships ? (
          <CheckboxField
            label={t('adminOrders.restock')}
            checked={restock}
            onChange={(e) => setRestock(e.currentTarget.checked)}
          />
        ) : null}
        <Field
          label={t('adminOrders.reason')}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <p aria-live="polite" className="font-semibold text-slate-900" data-testid="refund-amount">
          {quote.value
            ? t('adminOrders.refundAmount', {
                amount: money(quote.value.amountMinor, quote.value.currency, i18n.language),
              })
            : ''}
        </p>
        {quote.error ? <Alert tone="error">{errorMessage(quote.error)}</Alert> : null}
        {refund.isError ? <Alert tone="error">{errorMessage(refund.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t('adminOrders.cancel')}
          </Button>
          <Button
            variant="danger"
            disabled={!quote.value || reason.trim().length < 3}
            isLoading={refund.isPending}
            onClick={() =>
              refund.mutate(
                { items, shipping, restock, reason: reason.trim() },
                {
                  onSuccess: () => {
                    setQty({});
                    setShipping(false);
                    setReason('');
                    onClose();
                  },
                },
              )
            }
          >
            {t('adminOrders.confirmRefund')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
