import type { PaymentState } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';

const tones: Record<PaymentState, string> = {
  awaiting_proof: 'bg-slate-100 text-slate-800 ring-slate-300',
  pending: 'bg-amber-50 text-amber-900 ring-amber-300',
  approved: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  rejected: 'bg-red-50 text-red-900 ring-red-300',
  failed: 'bg-red-50 text-red-900 ring-red-300',
  cancelled: 'bg-slate-100 text-slate-700 ring-slate-300',
  refunded: 'bg-indigo-50 text-indigo-900 ring-indigo-300',
};

/** Where a payment stands, in words and colour (the words carry it: colour is never alone). */
export function PaymentStateBadge({ state }: { state: PaymentState }) {
  const { t } = useTranslation();
  return (
    <span
      className={cn(
        'inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset',
        tones[state],
      )}
      data-testid="payment-state"
    >
      {t(`manual.state.${state}`)}
    </span>
  );
}
