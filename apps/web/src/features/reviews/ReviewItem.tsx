import type { ReviewDto } from '@9tangle/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/ui/Avatar.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { ReviewStars } from './ReviewStars.tsx';

/** The server escapes review and reply text into `<p>`/`<br>` only: safe to render as HTML. */
function StoredText({ html }: { html: string }) {
  return (
    <div
      className="prose prose-sm mt-2 max-w-none text-slate-800"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: review text is escaped plain text made into paragraphs on the server
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** One review: who, how many stars, when, what they wrote, and the instructor's answer. */
export function ReviewItem({ review, aside }: { review: ReviewDto; aside?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const edited = review.updatedAt !== review.createdAt;
  return (
    <article className="py-5" aria-label={t('reviews.itemLabel', { name: review.author.name })}>
      <header className="flex flex-wrap items-center gap-3">
        <Avatar user={review.author} />
        <div className="min-w-0">
          <p className="font-semibold text-slate-900">{review.author.name}</p>
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <ReviewStars rating={review.rating} />
            <time dateTime={review.createdAt}>{formatDate(review.createdAt, i18n.language)}</time>
            {edited ? <span>{t('reviews.edited')}</span> : null}
          </p>
        </div>
        {aside ? <div className="ms-auto">{aside}</div> : null}
      </header>
      {review.bodyHtml ? <StoredText html={review.bodyHtml} /> : null}
      {review.reply ? (
        <div className="mt-3 rounded-lg border-s-4 border-indigo-200 bg-indigo-50/60 px-4 py-3">
          <p className="text-sm font-semibold text-indigo-950">
            {review.reply.authorName
              ? t('reviews.replyFrom', { name: review.reply.authorName })
              : t('reviews.replyFromInstructor')}
          </p>
          <StoredText html={review.reply.html} />
        </div>
      ) : null}
    </article>
  );
}
