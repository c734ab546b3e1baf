import { type ModeratedReview, REPLY_MAX_LENGTH, type StudioCourse } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Pagination } from '../../../components/ui/Pagination.tsx';
import { TextareaField } from '../../../components/ui/TextareaField.tsx';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { RatingSummaryPanel } from '../../reviews/RatingSummaryPanel.tsx';
import { ReviewItem } from '../../reviews/ReviewItem.tsx';
import { useSaveReply, useStudioReviews } from '../../reviews/review-queries.ts';

/** The course's reviews (hidden ones marked), with the instructor's public replies. */
export function ReviewsTab({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [page, setPage] = useState(1);
  const reviews = useStudioReviews(course.id, { page });

  return (
    <section aria-labelledby="studio-reviews-title" className="space-y-6">
      <h2 id="studio-reviews-title" className="text-xl font-semibold text-slate-900">
        {t('reviews.studio.title')}
      </h2>
      {reviews.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {reviews.isError ? <Alert tone="error">{errorMessage(reviews.error)}</Alert> : null}
      {reviews.data ? (
        <>
          <RatingSummaryPanel summary={reviews.data.summary} />
          {reviews.data.items.length === 0 ? (
            <p className="text-slate-700">{t('reviews.studio.empty')}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-5">
              {reviews.data.items.map((review) => (
                <li key={review.id} className="pb-4">
                  {review.hidden ? (
                    <Alert tone="warning" className="mt-4">
                      {t('reviews.studio.hidden', { reason: review.hidden.reason ?? '' })}
                    </Alert>
                  ) : null}
                  <ReviewItem review={review} />
                  <ReplyEditor courseId={course.id} review={review} />
                </li>
              ))}
            </ul>
          )}
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
        </>
      ) : null}
    </section>
  );
}

/** Reply to a review, or change or remove the reply. */
function ReplyEditor({ courseId, review }: { courseId: string; review: ModeratedReview }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState('');
  const save = useSaveReply(courseId);
  const hasReply = review.reply !== null;

  function open() {
    setText(review.reply?.text ?? '');
    setIsOpen(true);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    save.mutate({ reviewId: review.id, body: text.trim() }, { onSuccess: () => setIsOpen(false) });
  }

  if (!isOpen) {
    return (
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={open}
          aria-label={t(hasReply ? 'reviews.studio.editReplyLabel' : 'reviews.studio.replyLabel', {
            name: review.author.name,
          })}
        >
          {hasReply ? t('reviews.studio.editReply') : t('reviews.studio.reply')}
        </Button>
        {hasReply ? (
          <Button
            size="sm"
            variant="ghost"
            isLoading={save.isPending}
            onClick={() => save.mutate({ reviewId: review.id, body: null })}
          >
            {t('reviews.studio.removeReply')}
          </Button>
        ) : null}
        {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <TextareaField
        label={t('reviews.studio.replyField', { name: review.author.name })}
        name="reply"
        rows={3}
        maxLength={REPLY_MAX_LENGTH}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        hint={t('reviews.studio.replyHint')}
      />
      {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" isLoading={save.isPending} disabled={!text.trim()}>
          {t('reviews.studio.saveReply')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setIsOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
