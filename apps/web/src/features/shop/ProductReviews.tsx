import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { RatingStars } from '../../components/ui/RatingStars.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useMe } from '../session/use-me.ts';
import { useMyProductReview, useProductReviews, useSaveProductReview } from './shop-queries.ts';

/** Approved reviews of a product, and the buyer's own review form. */
export function ProductReviews({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const reviews = useProductReviews(slug);
  const { data: me } = useMe();
  return (
    <section aria-labelledby="product-reviews" className="space-y-4">
      <h2 id="product-reviews" className="text-2xl font-semibold text-slate-900">
        {t('shop.reviews.title')}
      </h2>
      {me ? <MyReview slug={slug} /> : null}
      {reviews.data && reviews.data.items.length === 0 ? (
        <p className="text-slate-700">{t('shop.reviews.none')}</p>
      ) : null}
      <ul className="space-y-4">
        {reviews.data?.items.map((review) => (
          <li key={review.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <RatingStars value={review.rating} count={1} />
            <p className="mt-1 text-sm text-slate-600">
              {review.author.name} · {formatDate(review.createdAt, i18n.language)}
            </p>
            <div
              className="prose mt-2 text-slate-800"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: review text is escaped plain text made into paragraphs on the server
              dangerouslySetInnerHTML={{ __html: review.bodyHtml }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function MyReview({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const mine = useMyProductReview(slug, true);
  const save = useSaveProductReview(slug);
  const [saved, setSaved] = useState(false);
  if (!mine.data?.canReview) return null;
  const review = mine.data.review;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    save.mutate(
      { rating: Number(form.get('rating')), body: String(form.get('body') ?? '') },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h3 className="font-semibold text-slate-900">
        {review ? t('shop.reviews.edit') : t('shop.reviews.write')}
      </h3>
      {review ? (
        <p className="text-sm text-slate-700">
          {t(`shop.reviews.status.${review.status}`)}
          {review.moderationNote ? ` — ${review.moderationNote}` : ''}
        </p>
      ) : null}
      <SelectField
        label={t('shop.reviews.rating')}
        name="rating"
        defaultValue={String(review?.rating ?? 5)}
        options={[5, 4, 3, 2, 1].map((n) => ({
          value: String(n),
          label: t('shop.reviews.stars', { count: n }),
        }))}
      />
      <TextareaField
        label={t('shop.reviews.body')}
        name="body"
        rows={4}
        maxLength={5000}
        defaultValue={review?.body ?? ''}
      />
      {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      {saved ? <Alert tone="success">{t('shop.reviews.saved')}</Alert> : null}
      <Button type="submit" isLoading={save.isPending}>
        {t('shop.reviews.submit')}
      </Button>
    </form>
  );
}
