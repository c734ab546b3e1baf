import { useTranslation } from 'react-i18next';
import { StarIcon } from './StarIcon.tsx';

/** The stars of one review, with "4 out of 5 stars" for screen readers. */
export function ReviewStars({ rating }: { rating: number }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center">
      <span className="sr-only">{t('reviews.starsLabel', { count: rating })}</span>
      {[1, 2, 3, 4, 5].map((star) => (
        <StarIcon key={star} isFilled={star <= rating} />
      ))}
    </span>
  );
}
