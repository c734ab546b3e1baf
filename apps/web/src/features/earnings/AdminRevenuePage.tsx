import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { buttonClasses } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { money } from '../admin-orders/admin-orders-queries.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { thisMonth, useRevenue } from './earnings-queries.ts';

/** `/admin/revenue`: one month per instructor and per course, the academy's share, CSV download. */
export function AdminRevenuePage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <AdminRevenue />;
}

function AdminRevenue() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? (params.get('month') as string)
    : thisMonth();
  const report = useRevenue(month);
  const m = (minor: number, currency: string) => money(minor, currency, i18n.language);
  const th = 'px-4 py-3 text-start font-semibold';
  const td = 'px-4 py-3';
  return (
    <>
      <PageMeta title={t('earnings.revenueTitle')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('earnings.revenueTitle')}</h1>
      <div className="mt-6 flex flex-wrap items-end gap-3">
        <Field
          label={t('earnings.month')}
          name="month"
          type="month"
          className="w-48"
          value={month}
          onChange={(e) => e.currentTarget.value && setParams({ month: e.currentTarget.value })}
        />
        <a className={buttonClasses('secondary')} href={`/api/admin/revenue.csv?month=${month}`} download>
          {t('earnings.downloadCsv')}
        </a>
      </div>
      {report.isError ? <Alert tone="error">{errorMessage(report.error)}</Alert> : null}
      {report.data ? (
        <>
          <ul className="mt-6 flex flex-wrap gap-4">
            {report.data.academy.map((a) => (
              <li key={a.currency} className="rounded-xl border border-slate-200 bg-white p-4">
                <span className="block text-sm text-slate-600">{t('earnings.academyShare')}</span>
                <span className="text-2xl font-semibold">
                  {m(a.shareMinor - a.refundedMinor, a.currency)}
                </span>
              </li>
            ))}
          </ul>
          <h2 className="mt-8 text-xl font-semibold">{t('earnings.perCourse')}</h2>
          <div className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-start text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className={th}>
                    {t('earnings.course')}
                  </th>
                  <th scope="col" className={th}>
                    {t('earnings.sales')}
                  </th>
                  <th scope="col" className={th}>
                    {t('earnings.gross')}
                  </th>
                  <th scope="col" className={th}>
                    {t('earnings.instructorShare')}
                  </th>
                  <th scope="col" className={th}>
                    {t('earnings.academyShare')}
                  </th>
                  <th scope="col" className={th}>
                    {t('earnings.refunded')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {report.data.courses.map((c) => (
                  <tr key={`${c.courseId}-${c.currency}`}>
                    <td className={td}>{c.title}</td>
                    <td className={td}>{c.sales}</td>
                    <td className={td}>{m(c.grossMinor, c.currency)}</td>
                    <td className={td}>{m(c.instructorShareMinor, c.currency)}</td>
                    <td className={td}>{m(c.academyShareMinor, c.currency)}</td>
                    <td className={td}>{m(c.refundedMinor, c.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="mt-8 text-xl font-semibold">{t('earnings.perInstructor')}</h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {report.data.instructors.map((i) => (
              <li
                key={`${i.userId}-${i.currency}`}
                className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm"
              >
                <span>
                  {i.name}{' '}
                  <span className="text-slate-600" dir="ltr">
                    {i.email}
                  </span>
                </span>
                <span>
                  {t('earnings.instructorLine', {
                    share: m(i.shareMinor, i.currency),
                    refunded: m(i.refundedMinor, i.currency),
                    net: m(i.netMinor, i.currency),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
