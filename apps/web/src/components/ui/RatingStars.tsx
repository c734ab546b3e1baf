import { useTranslation } from 'react-i18next';
import { cn } from './cn.ts';

const STAR = '12,2 15.09,8.26 22,9.27 17,14.14 18.18,21.02 12,17.77 5.82,21.02 7,14.14 2,9.27 8.91,8.26';
const HALF_STAR = '12,2 8.91,8.26 2,9.27 7,14.14 5.82,21.02 12,17.77';

type Fill = 'full' | 'half' | 'empty';

function StarIcon({ fill }: { fill: Fill }) {
  return (
    // The half star fills from the start side, so it is mirrored in right-to-left pages.
    <svg viewBox="0 0 24 24" className="size-4 rtl:-scale-x-100" aria-hidden="true">
      <polygon points={STAR} className={fill === 'full' ? 'fill-amber-500' : 'fill-slate-300'} />
      {fill === 'half' ? <polygon points={HALF_STAR} className="fill-amber-500" /> : null}
    </svg>
  );
}

type RatingStarsProps = { value: number | null; count: number; className?: string };

/** Five stars (to the nearest half), the average and the number of ratings; one sentence for screen readers. */
export function RatingStars({ value, count, className }: RatingStarsProps) {
  const { t, i18n } = useTranslation();
  if (value === null || count === 0) {
    return <p className={cn('text-sm text-slate-600', className)}>{t('catalog.noRatings')}</p>;
  }
  const rounded = Math.round(value * 2) / 2;
  const fills: Fill[] = [1, 2, 3, 4, 5].map((star) =>
    rounded >= star ? 'full' : rounded + 0.5 === star ? 'half' : 'empty',
  );
  const average = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
  return (
    <p className={cn('flex flex-wrap items-center gap-1.5 text-sm', className)}>
      <span className="sr-only">{t('catalog.ratingLabel', { average, count })}</span>
      <span aria-hidden="true" className="font-semibold text-amber-800">
        {average}
      </span>
      <span aria-hidden="true" className="flex">
        {fills.map((fill, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: five fixed positions
          <StarIcon key={index} fill={fill} />
        ))}
      </span>
      <span aria-hidden="true" className="text-slate-600">
        {t('catalog.ratingCount', { count })}
      </span>
    </p>
  );
}
