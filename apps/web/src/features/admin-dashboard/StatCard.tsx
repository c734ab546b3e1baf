import type { DashboardDelta } from '@9tangle/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';

type Props = {
  label: string;
  value: string;
  /** The comparison with the previous period, when the figure has one. */
  delta?: DashboardDelta | undefined;
  /** Lower is better (failed payments): a rise is shown in red. */
  lowerIsBetter?: boolean;
  children?: ReactNode;
};

/** One headline figure with its change from the previous period. */
export function StatCard({ label, value, delta, lowerIsBetter = false, children }: Props) {
  const { t, i18n } = useTranslation();
  const change = delta?.changePercent ?? null;
  const good = change === null || change === 0 ? null : change > 0 !== lowerIsBetter;
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1">
        <span className="block text-2xl font-bold tabular-nums text-slate-900">{value}</span>
        {delta ? (
          <span
            className={cn(
              'mt-1 block text-sm',
              good === null ? 'text-slate-700' : good ? 'text-emerald-800' : 'text-red-800',
            )}
          >
            {change === null
              ? t('adminDashboard.delta.none', {
                  previous: new Intl.NumberFormat(i18n.language).format(delta.previous),
                })
              : t('adminDashboard.delta.change', {
                  change: new Intl.NumberFormat(i18n.language, {
                    signDisplay: 'exceptZero',
                    maximumFractionDigits: 1,
                  }).format(change),
                })}
          </span>
        ) : null}
        {children}
      </dd>
    </div>
  );
}
