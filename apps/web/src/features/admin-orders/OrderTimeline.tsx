import type { AdminOrderDetail } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format-date.ts';

/** Status changes, refunds, disputes and notes, oldest first, each with who did it. */
export function OrderTimeline({ events }: { events: AdminOrderDetail['events'] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <p className="mt-3 text-slate-700">{t('adminOrders.noEvents')}</p>;
  return (
    <ol className="mt-3 space-y-2 border-s-2 border-slate-200 ps-4">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <span className="text-slate-600">{formatDateTime(e.createdAt, i18n.language)}</span>{' '}
          <span className="font-semibold text-slate-900">
            {t(`adminOrders.events.${e.type}`, { defaultValue: e.type })}
          </span>
          {e.fromStatus && e.toStatus ? ` ${e.fromStatus} → ${e.toStatus}` : ''}
          {e.actor ? ` · ${e.actor.name}` : ''}
          {e.note ? <span className="block whitespace-pre-wrap text-slate-800">{e.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
