import type { AdminDashboard } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from './ChartFigure.tsx';
import { formatMinor, SERIES_COLOURS } from './dashboard-api.ts';

const AXIS = { stroke: '#475569', fontSize: 12 };

/**
 * The dashboard's three charts: revenue per currency (bars), sign-ups and enrollments (lines), orders
 * (bars). Recharts' keyboard layer is off: the drawing is hidden from assistive technology, which reads
 * each figure's table instead.
 */
export function DashboardCharts({ data }: { data: AdminDashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const bucket = data.range.bucket;
  const label = (start: string) =>
    new Intl.DateTimeFormat(lang, {
      timeZone: 'UTC',
      ...(bucket === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }),
    }).format(new Date(`${start}T00:00:00Z`));
  const points = data.series.points.map((p) => ({ ...p, label: label(p.start), ...p.revenueMinor }));
  const number = (n: number) => new Intl.NumberFormat(lang).format(n);
  const per = t(`adminDashboard.bucket.${bucket}`);
  const currencies = data.series.currencies;

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <div className="xl:col-span-2">
        <ChartFigure
          title={t('adminDashboard.charts.revenue')}
          caption={t('adminDashboard.charts.revenueCaption', { per })}
          columns={[t('adminDashboard.charts.period'), ...currencies]}
          rows={points.map((p) => ({
            label: p.label,
            cells: currencies.map((c) => formatMinor(p.revenueMinor[c] ?? 0, c, lang)),
          }))}
        >
          {currencies.length === 0 ? (
            <p className="grid h-full place-items-center text-sm text-slate-600">
              {t('adminDashboard.charts.noRevenue')}
            </p>
          ) : (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                accessibilityLayer={false}
                data={points}
                margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis dataKey="label" tick={AXIS} />
                <YAxis
                  tick={AXIS}
                  width={72}
                  tickFormatter={(v: number) => formatMinor(v, currencies[0] ?? 'PKR', lang, true)}
                />
                <Tooltip formatter={(v, name) => formatMinor(Number(v), String(name), lang)} />
                <Legend />
                {currencies.map((c, i) => (
                  <Bar key={c} dataKey={c} name={c} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          )}
        </ChartFigure>
      </div>
      <ChartFigure
        title={t('adminDashboard.charts.people')}
        caption={t('adminDashboard.charts.peopleCaption', { per })}
        columns={[
          t('adminDashboard.charts.period'),
          t('adminDashboard.charts.signUps'),
          t('adminDashboard.charts.enrollments'),
        ]}
        rows={points.map((p) => ({ label: p.label, cells: [number(p.signUps), number(p.enrollments)] }))}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            accessibilityLayer={false}
            data={points}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={AXIS} />
            <YAxis tick={AXIS} allowDecimals={false} width={40} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="signUps"
              name={t('adminDashboard.charts.signUps')}
              stroke={SERIES_COLOURS[0]}
              strokeWidth={2}
              dot={{ r: 2 }}
            />
            <Line
              type="monotone"
              dataKey="enrollments"
              name={t('adminDashboard.charts.enrollments')}
              stroke={SERIES_COLOURS[1]}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={{ r: 2 }}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        title={t('adminDashboard.charts.orders')}
        caption={t('adminDashboard.charts.ordersCaption', { per })}
        columns={[t('adminDashboard.charts.period'), t('adminDashboard.charts.ordersPaid')]}
        rows={points.map((p) => ({ label: p.label, cells: [number(p.orders)] }))}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={points}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={AXIS} />
            <YAxis tick={AXIS} allowDecimals={false} width={40} />
            <Tooltip />
            <Bar dataKey="orders" name={t('adminDashboard.charts.ordersPaid')} fill={SERIES_COLOURS[2]} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
