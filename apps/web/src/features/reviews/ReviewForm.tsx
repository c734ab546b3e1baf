import { type MyReview, REVIEW_MAX_LENGTH } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useSaveReview } from './review-queries.ts';
import { StarRatingInput } from './StarRatingInput.tsx';

type ReviewFormProps = { slug: string; existing: MyReview | null; onDone: () => void; onCancel?: () => void };

/** Write a review (stars and text), or edit one's own. */
export function ReviewForm({ slug, existing, onDone, onCancel }: ReviewFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [rating, setRating] = useState<number | null>(existing?.rating ?? null);
  const [body, setBody] = useState(existing?.body ?? '');
  const [ratingError, setRatingError] = useState<string | undefined>();
  const save = useSaveReview(slug);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rating === null) {
      setRatingError(t('reviews.form.ratingRequired'));
      return;
    }
    setRatingError(undefined);
    const values = { rating, body: body.trim() };
    save.mutate(existing ? { isNew: false, body: values } : { isNew: true, body: values }, {
      onSuccess: onDone,
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <h3 className="text-lg font-semibold text-slate-900">
        {existing ? t('reviews.form.editTitle') : t('reviews.form.newTitle')}
      </h3>
      <StarRatingInput
        value={rating}
        onChange={(value) => {
          setRating(value);
          setRatingError(undefined);
        }}
        error={ratingError}
      />
      <TextareaField
        label={t('reviews.form.body')}
        name="body"
        rows={5}
        maxLength={REVIEW_MAX_LENGTH}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        hint={t('reviews.form.bodyHint', { max: REVIEW_MAX_LENGTH, left: REVIEW_MAX_LENGTH - body.length })}
      />
      {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" isLoading={save.isPending}>
          {existing ? t('reviews.form.save') : t('reviews.form.post')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
