import { type DashboardPreset, DashboardPresets } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { DashboardCharts } from './DashboardCharts.tsx';
import { type DashboardRangeParams, formatMinor, useDashboard } from './dashboard-api.ts';
import { RangePicker } from './RangePicker.tsx';
import { StatCard } from './StatCard.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The range in the URL: `?from=&to=` (custom) or `?range=7d|30d|90d|12m`; 30 days by default. */
function rangeOf(params: URLSearchParams): DashboardRangeParams {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to)) return { from, to };
  const preset = DashboardPresets.find((p) => p === params.get('range'));
  return { preset: preset ?? ('30d' satisfies DashboardPreset) };
}

/** `/admin`: the academy at a glance — headline figures with their change, charts, what needs attention. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <Dashboard />;
}

function Dashboard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const range = rangeOf(params);
  const dashboard = useDashboard(range);
  const data = dashboard.data;
  const number = (n: number) => new Intl.NumberFormat(lang).format(n);
  const day = (d: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${d}T00:00:00Z`),
    );

  function setRange(next: DashboardRangeParams) {
    setParams('preset' in next ? (next.preset === '30d' ? {} : { range: next.preset }) : next);
  }

  return (
    <>
      <PageMeta title={t('adminDashboard.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminDashboard.title')}</h1>
      {data ? (
        <p className="mt-2 text-slate-700">
          {t('adminDashboard.rangeSummary', {
            from: day(data.range.from),
            to: day(data.range.to),
            days: data.range.days,
            previousFrom: day(data.range.previousFrom),
            previousTo: day(data.range.previousTo),
            zone: data.range.timeZone,
          })}
        </p>
      ) : null}
      <div className="mt-6">
        <RangePicker
          key={JSON.stringify(range)}
          value={range}
          resolved={data ? { from: data.range.from, to: data.range.to } : undefined}
          onChange={setRange}
        />
      </div>

      {dashboard.isError ? (
        <Alert tone="error" className="mt-6">
          {errorMessage(dashboard.error)}
        </Alert>
      ) : null}
      {dashboard.isPending ? <p className="mt-6 text-slate-700">{t('common.loading')}</p> : null}

      {data ? (
        <div aria-busy={dashboard.isFetching} className="mt-8 space-y-8">
          {data.pendingManualPayments.count > 0 || data.courses.byStatus.in_review > 0 ? (
            <section
              aria-labelledby="attention-title"
              className="rounded-2xl border border-amber-300 bg-amber-50 p-4"
            >
              <h2 id="attention-title" className="font-semibold text-amber-950">
                {t('adminDashboard.attention.title')}
              </h2>
              <ul className="mt-2 space-y-1 text-sm text-amber-950">
                {data.pendingManualPayments.count > 0 ? (
                  <li>
                    <TextLink to="/admin/payments">
                      {t('adminDashboard.attention.payments', { count: data.pendingManualPayments.count })}
                    </TextLink>
                    {data.pendingManualPayments.oldestAt
                      ? ` — ${t('adminDashboard.attention.oldest', { when: formatDateTime(data.pendingManualPayments.oldestAt, lang) })}`
                      : null}
                  </li>
                ) : null}
                {data.courses.byStatus.in_review > 0 ? (
                  <li>
                    <TextLink to="/admin/courses">
                      {t('adminDashboard.attention.review', { count: data.courses.byStatus.in_review })}
                    </TextLink>
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="range-figures">
            <h2 id="range-figures" className="text-xl font-semibold text-slate-900">
              {t('adminDashboard.inRange')}
            </h2>
            <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {data.revenue.length === 0 ? (
                <StatCard
                  label={t('adminDashboard.cards.revenue')}
                  value={t('adminDashboard.cards.noRevenue')}
                />
              ) : (
                data.revenue.map((r) => (
                  <StatCard
                    key={r.currency}
                    label={t('adminDashboard.cards.revenueIn', { currency: r.currency })}
                    value={formatMinor(r.net.value, r.currency, lang)}
                    delta={r.net}
                  >
                    <span className="mt-1 block text-xs text-slate-700">
                      {t('adminDashboard.cards.grossRefunded', {
                        gross: formatMinor(r.grossMinor, r.currency, lang),
                        refunded: formatMinor(r.refundedMinor, r.currency, lang),
                      })}
                    </span>
                  </StatCard>
                ))
              )}
              <StatCard
                label={t('adminDashboard.cards.ordersPaid')}
                value={number(data.ordersPaid.value)}
                delta={data.ordersPaid}
              />
              <StatCard
                label={t('adminDashboard.cards.newUsers')}
                value={number(data.newUsers.value)}
                delta={data.newUsers}
              />
              <StatCard
                label={t('adminDashboard.cards.newEnrollments')}
                value={number(data.newEnrollments.value)}
                delta={data.newEnrollments}
              />
              <StatCard
                label={t('adminDashboard.cards.failedPayments')}
                value={number(data.failedPayments.value)}
                delta={data.failedPayments}
                lowerIsBetter
              />
            </dl>
          </section>

          <DashboardCharts data={data} />

          <section aria-labelledby="now-figures">
            <h2 id="now-figures" className="text-xl font-semibold text-slate-900">
              {t('adminDashboard.now')}
            </h2>
            <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <StatCard label={t('adminDashboard.cards.users')} value={number(data.users.total)}>
                <span className="mt-1 block text-xs text-slate-700">
                  {t('adminDashboard.cards.usersByRole', {
                    students: number(data.users.byRole.student),
                    instructors: number(data.users.byRole.instructor),
                    admins: number(data.users.byRole.admin),
                    suspended: number(data.users.suspended),
                  })}
                </span>
              </StatCard>
              <StatCard label={t('adminDashboard.cards.courses')} value={number(data.courses.total)}>
                <span className="mt-1 block text-xs text-slate-700">
                  {t('adminDashboard.cards.coursesByStatus', {
                    published: number(data.courses.byStatus.published),
                    review: number(data.courses.byStatus.in_review),
                    draft: number(data.courses.byStatus.draft),
                    archived: number(data.courses.byStatus.archived),
                    featured: number(data.courses.featured),
                  })}
                </span>
              </StatCard>
              <StatCard label={t('adminDashboard.cards.enrollments')} value={number(data.enrollmentsTotal)} />
              <StatCard
                label={t('adminDashboard.cards.pendingPayments')}
                value={number(data.pendingManualPayments.count)}
              >
                <TextLink to="/admin/payments" className="mt-1 block text-xs">
                  {t('adminDashboard.cards.review')}
                </TextLink>
              </StatCard>
            </dl>
          </section>
        </div>
      ) : null}
    </>
  );
}
