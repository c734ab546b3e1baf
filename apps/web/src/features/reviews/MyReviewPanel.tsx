import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useMe } from '../session/use-me.ts';
import { ReviewForm } from './ReviewForm.tsx';
import { ReviewItem } from './ReviewItem.tsx';
import { useDeleteReview, useMyReview } from './review-queries.ts';

/**
 * The signed-in student's part of the reviews: the form while they have not reviewed, their review
 * with Edit and Delete once they have. Private, so it appears after hydration; nothing for visitors or
 * students who are not enrolled.
 */
export function MyReviewPanel({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { data: me } = useMe();
  const mine = useMyReview(slug, me?.user.emailVerified === true);
  const remove = useDeleteReview(slug);
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (!mine.data) return null;
  const { review, canReview } = mine.data;
  const done = (message: string) => {
    setIsEditing(false);
    setNotice(message);
  };

  return (
    <div className="space-y-3">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {review && !isEditing ? (
        <div className="rounded-xl border border-indigo-200 bg-white px-5">
          <h3 className="pt-4 text-lg font-semibold text-slate-900">{t('reviews.mine.title')}</h3>
          {review.hiddenAt ? (
            <Alert tone="warning" className="mt-2">
              {t('reviews.mine.hidden')}
            </Alert>
          ) : null}
          <ReviewItem
            review={review}
            aside={
              <div className="flex gap-2">
                {canReview ? (
                  <Button size="sm" variant="secondary" onClick={() => setIsEditing(true)}>
                    {t('reviews.mine.edit')}
                  </Button>
                ) : null}
                <Button size="sm" variant="ghost" onClick={() => setIsConfirming(true)}>
                  {t('reviews.mine.delete')}
                </Button>
              </div>
            }
          />
          {remove.isError ? (
            <Alert tone="error" className="mb-4">
              {errorMessage(remove.error)}
            </Alert>
          ) : null}
        </div>
      ) : null}
      {(!review && canReview) || isEditing ? (
        <ReviewForm
          slug={slug}
          existing={isEditing ? review : null}
          onDone={() => done(isEditing ? t('reviews.mine.saved') : t('reviews.mine.posted'))}
          onCancel={isEditing ? () => setIsEditing(false) : undefined}
        />
      ) : null}
      <ConfirmDialog
        open={isConfirming}
        title={t('reviews.mine.deleteTitle')}
        description={t('reviews.mine.deleteText')}
        confirmLabel={t('reviews.mine.delete')}
        isBusy={remove.isPending}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSettled: () => setIsConfirming(false),
            onSuccess: () => done(t('reviews.mine.deleted')),
          })
        }
      />
    </div>
  );
}
