import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { MyReviewPanel } from './MyReviewPanel.tsx';
import { RatingSummaryPanel } from './RatingSummaryPanel.tsx';
import { ReviewItem } from './ReviewItem.tsx';
import { useCourseReviews } from './review-queries.ts';

/**
 * The course page's reviews: the summary, the student's own review or the form, and the list, newest
 * first, by pages and optionally by stars. The first page comes in the server-rendered HTML.
 */
export function CourseReviews({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [page, setPage] = useState(1);
  const [rating, setRating] = useState<number | undefined>();
  const reviews = useCourseReviews(slug, { page, rating });

  return (
    <section aria-labelledby="reviews-title" className="space-y-6">
      <h2 id="reviews-title" className="text-2xl font-bold tracking-tight text-slate-900">
        {t('reviews.title')}
      </h2>
      {reviews.isError ? <Alert tone="error">{errorMessage(reviews.error)}</Alert> : null}
      {reviews.data ? <RatingSummaryPanel summary={reviews.data.summary} /> : null}
      <MyReviewPanel slug={slug} />
      {reviews.data && reviews.data.summary.count > 0 ? (
        <div>
          <SelectField
            label={t('reviews.filter')}
            name="rating"
            className="w-56"
            value={rating === undefined ? '' : String(rating)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setRating(value ? Number(value) : undefined);
              setPage(1);
            }}
            options={[
              { value: '', label: t('reviews.allRatings') },
              ...[5, 4, 3, 2, 1].map((stars) => ({
                value: String(stars),
                label: t('reviews.starsShort', { count: stars }),
              })),
            ]}
          />
          {reviews.data.items.length === 0 ? (
            <p className="mt-4 text-slate-700">{t('reviews.noneWithRating')}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200">
              {reviews.data.items.map((review) => (
                <li key={review.id}>
                  <ReviewItem review={review} />
                </li>
              ))}
            </ul>
          )}
          {reviews.data.pageInfo.pages > 1 ? (
            <Pagination
              page={reviews.data.pageInfo.page}
              pages={reviews.data.pageInfo.pages}
              total={reviews.data.pageInfo.total}
              summary={t('reviews.pageSummary', {
                page: reviews.data.pageInfo.page,
                pages: Math.max(1, reviews.data.pageInfo.pages),
                count: reviews.data.pageInfo.total,
              })}
              onPage={setPage}
            />
          ) : null}
        </div>
      ) : reviews.data ? (
        <p className="text-slate-700">{t('reviews.none')}</p>
      ) : null}
    </section>
  );
}
