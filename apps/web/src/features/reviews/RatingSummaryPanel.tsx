import type { RatingSummary } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { RatingStars } from '../../components/ui/RatingStars.tsx';

/** The average, the count and how many reviews gave each number of stars. */
export function RatingSummaryPanel({ summary }: { summary: RatingSummary }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="flex flex-wrap items-start gap-x-10 gap-y-4">
      <div>
        <p className="text-5xl font-extrabold text-slate-900">
          {summary.average === null
            ? '–'
            : new Intl.NumberFormat(i18n.language, {
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
              }).format(summary.average)}
        </p>
        <RatingStars value={summary.average} count={summary.count} className="mt-1" />
      </div>
      {summary.count > 0 ? (
        <ul className="min-w-56 flex-1 space-y-1.5" aria-label={t('reviews.histogramLabel')}>
          {([5, 4, 3, 2, 1] as const).map((stars) => {
            const n = summary.histogram[stars];
            const share = summary.count === 0 ? 0 : n / summary.count;
            return (
              <li key={stars} className="flex items-center gap-3 text-sm text-slate-700">
                <span className="w-16 shrink-0">{t('reviews.starsShort', { count: stars })}</span>
                <span aria-hidden="true" className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200">
                  {/* The width comes from data; style attributes are allowed by the CSP. */}
                  <span
                    className="block h-full rounded-full bg-amber-500"
                    style={{ width: `${Math.round(share * 100)}%` }}
                  />
                </span>
                <span className="w-24 shrink-0 text-end">
                  {t('reviews.histogramCount', { count: n, percent: percent.format(share) })}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
