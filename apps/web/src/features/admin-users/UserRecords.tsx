import type { AdminUserDetail } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/types.ts';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { formatMoney } from '../../lib/format-money.ts';

const th = 'px-4 py-2 text-start font-semibold';
const td = 'px-4 py-2';

function Section(p: {
  title: string;
  count: number;
  shown: number;
  children: React.ReactNode;
  empty: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="mt-8" aria-label={p.title}>
      <h2 className="text-xl font-semibold text-slate-900">
        {p.title} <span className="text-base font-normal text-slate-600">({p.count})</span>
      </h2>
      {p.count > p.shown ? (
        <p className="mt-1 text-sm text-slate-600">
          {t('adminUsers.detail.showingLatest', { count: p.shown })}
        </p>
      ) : null}
      <div className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        {p.shown === 0 ? <p className="p-4 text-slate-700">{p.empty}</p> : p.children}
      </div>
    </section>
  );
}

/** The account's latest orders (with totals, linking to the order) and its enrollments. */
export function UserRecords({ detail }: { detail: AdminUserDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <Section
        title={t('adminUsers.detail.orders')}
        count={detail.counts.orders}
        shown={detail.orders.length}
        empty={t('adminUsers.detail.noOrders')}
      >
        <table className="w-full min-w-[36rem] text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className={th}>
                {t('adminUsers.detail.number')}
              </th>
              <th scope="col" className={th}>
                {t('adminUsers.status')}
              </th>
              <th scope="col" className={th}>
                {t('adminUsers.detail.total')}
              </th>
              <th scope="col" className={th}>
                {t('adminUsers.detail.placed')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {detail.orders.map((o) => (
              <tr key={o.id}>
                <td className={`${td} font-mono`} dir="ltr">
                  <TextLink to={`/admin/orders/${o.number}`}>{o.number}</TextLink>
                </td>
                <td className={td}>{t(`adminOrders.statuses.${o.status}`, { defaultValue: o.status })}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {formatMoney(o.totalMinor, o.currency as Currency, lang)}
                  {o.refundedMinor > 0 ? (
                    <span className="ms-2 text-slate-600">
                      {t('adminUsers.detail.refunded', {
                        amount: formatMoney(o.refundedMinor, o.currency as Currency, lang),
                      })}
                    </span>
                  ) : null}
                </td>
                <td className={`${td} whitespace-nowrap text-slate-700`}>{formatDate(o.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section
        title={t('adminUsers.detail.enrollments')}
        count={detail.counts.enrollments}
        shown={detail.enrollments.length}
        empty={t('adminUsers.detail.noEnrollments')}
      >
        <table className="w-full min-w-[36rem] text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className={th}>
                {t('adminUsers.detail.course')}
              </th>
              <th scope="col" className={th}>
                {t('adminUsers.detail.progress')}
              </th>
              <th scope="col" className={th}>
                {t('adminUsers.status')}
              </th>
              <th scope="col" className={th}>
                {t('adminUsers.detail.granted')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {detail.enrollments.map((e) => (
              <tr key={e.id}>
                <td className={td}>
                  <TextLink to={`/courses/${e.courseSlug}`}>{e.courseTitle}</TextLink>
                </td>
                <td className={td}>{t('adminUsers.detail.percent', { value: e.progressPercent })}</td>
                <td className={td}>
                  {e.completedAt
                    ? t('adminUsers.detail.completed')
                    : t(`adminUsers.enrollmentStatuses.${e.status}`, { defaultValue: e.status })}
                </td>
                <td className={`${td} whitespace-nowrap text-slate-700`}>{formatDate(e.grantedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
