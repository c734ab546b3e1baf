import type { AdminOrderRow } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { money } from './admin-orders-queries.ts';

/** The orders of one page, each with a checkbox for the bulk status bar. */
export function OrdersTable(p: {
  items: AdminOrderRow[];
  selected: Set<string>;
  onToggle: (number: string, on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const th = 'px-4 py-3 text-start font-semibold';
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[52rem] text-start text-sm">
        <caption className="sr-only">{t('adminOrders.title')}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={th}>
              <span className="sr-only">{t('adminOrders.select')}</span>
            </th>
            <th scope="col" className={th}>
              {t('adminOrders.number')}
            </th>
            <th scope="col" className={th}>
              {t('adminOrders.buyer')}
            </th>
            <th scope="col" className={th}>
              {t('adminOrders.status')}
            </th>
            <th scope="col" className={th}>
              {t('adminOrders.total')}
            </th>
            <th scope="col" className={th}>
              {t('adminOrders.placed')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {p.items.map((o) => (
            <tr key={o.id}>
              <td className="px-4 py-3">
                <input
                  type="checkbox"
                  className="size-4"
                  aria-label={t('adminOrders.selectOrder', { number: o.number })}
                  checked={p.selected.has(o.number)}
                  onChange={(e) => p.onToggle(o.number, e.currentTarget.checked)}
                />
              </td>
              <td className="px-4 py-3 font-mono whitespace-nowrap" dir="ltr">
                <TextLink to={`/admin/orders/${o.number}`}>{o.number}</TextLink>
              </td>
              <td className="px-4 py-3">
                <span className="block font-medium text-slate-900">{o.buyer.name}</span>
                <span className="block text-slate-600" dir="ltr">
                  {o.buyer.email}
                </span>
              </td>
              <td className="px-4 py-3">
                {t(`adminOrders.statuses.${o.status}`)}
                {o.disputed ? (
                  <span className="ms-2 font-semibold text-red-800">{t('adminOrders.disputedBadge')}</span>
                ) : null}
                {o.archivedAt ? (
                  <span className="ms-2 text-slate-600">{t('adminOrders.archivedBadge')}</span>
                ) : null}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {money(o.totalMinor, o.currency, i18n.language)}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                {formatDate(o.createdAt, i18n.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
