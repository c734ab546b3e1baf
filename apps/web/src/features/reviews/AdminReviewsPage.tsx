import type { ModeratedReview } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { ReasonDialog } from '../admin/ReasonDialog.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { ReviewItem } from './ReviewItem.tsx';
import { useModerateReview, useModeration } from './review-queries.ts';

const PAGE_SIZE = 20;
const STATUSES = ['visible', 'hidden'] as const;
type Status = (typeof STATUSES)[number];

/** `/admin/reviews`: every review on the site, newest first; hide and show again with a reason. */
export function AdminReviewsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <Moderation />;
}

function Moderation() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = STATUSES.find((s) => s === params.get('status'));
  const rating = [1, 2, 3, 4, 5].find((n) => String(n) === params.get('rating'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [draft, setDraft] = useState(q);
  const [acting, setActing] = useState<ModeratedReview | null>(null);
  const list = useModeration({ page, limit: PAGE_SIZE, q: q || undefined, status, rating });
  const moderate = useModerateReview();

  function go(next: { q?: string; status?: Status | undefined; rating?: number | undefined; page?: number }) {
    const out = new URLSearchParams();
    const values = {
      q: next.q ?? q,
      status: 'status' in next ? next.status : status,
      rating: 'rating' in next ? next.rating : rating,
    };
    if (values.q) out.set('q', values.q);
    if (values.status) out.set('status', values.status);
    if (values.rating) out.set('rating', String(values.rating));
    if ((next.page ?? 1) > 1) out.set('page', String(next.page));
    setParams(out);
  }
  function search(event: FormEvent) {
    event.preventDefault();
    go({ q: draft.trim() });
  }
  const isHiding = acting ? acting.hidden === null : true;

  return (
    <>
      <PageMeta title={t('reviews.admin.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('reviews.admin.title')}</h1>
      <p className="mt-2 text-slate-700">{t('reviews.admin.subtitle')}</p>
      <div className="mt-6 flex flex-wrap items-end gap-4">
        <search>
          <form onSubmit={search} className="flex flex-wrap items-end gap-2">
            <Field
              label={t('reviews.admin.search')}
              name="q"
              type="search"
              className="w-72"
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
            />
            <Button type="submit" variant="secondary">
              {t('reviews.admin.searchButton')}
            </Button>
          </form>
        </search>
        <SelectField
          label={t('reviews.admin.statusFilter')}
          name="status"
          className="w-44"
          value={status ?? ''}
          onChange={(event) => go({ status: STATUSES.find((s) => s === event.currentTarget.value) })}
          options={[
            { value: '', label: t('reviews.admin.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`reviews.admin.status.${s}`) })),
          ]}
        />
        <SelectField
          label={t('reviews.filter')}
          name="rating"
          className="w-44"
          value={rating ? String(rating) : ''}
          onChange={(event) =>
            go({ rating: event.currentTarget.value ? Number(event.currentTarget.value) : undefined })
          }
          options={[
            { value: '', label: t('reviews.allRatings') },
            ...[5, 4, 3, 2, 1].map((n) => ({
              value: String(n),
              label: t('reviews.starsShort', { count: n }),
            })),
          ]}
        />
      </div>

      <div className="mt-8">
        {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
        {list.data && list.data.items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {t('reviews.admin.empty')}
          </p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-5 shadow-sm">
              {list.data.items.map((review) => (
                <li key={review.id}>
                  <p className="pt-4 text-sm text-slate-700">
                    <TextLink to={`/courses/${review.course.slug}`}>{review.course.title}</TextLink>
                    {review.authorEmail ? (
                      <span className="ms-2" dir="ltr">
                        {review.authorEmail}
                      </span>
                    ) : null}
                  </p>
                  {review.hidden ? (
                    <Alert tone="warning" className="mt-2">
                      {t('reviews.admin.hiddenBecause', { reason: review.hidden.reason ?? '' })}
                    </Alert>
                  ) : null}
                  <ReviewItem
                    review={review}
                    aside={
                      <Button
                        size="sm"
                        variant={review.hidden ? 'secondary' : 'danger'}
                        onClick={() => setActing(review)}
                        aria-label={t(
                          review.hidden ? 'reviews.admin.unhideLabel' : 'reviews.admin.hideLabel',
                          {
                            name: review.author.name,
                          },
                        )}
                      >
                        {review.hidden ? t('reviews.admin.unhide') : t('reviews.admin.hide')}
                      </Button>
                    }
                  />
                </li>
              ))}
            </ul>
            <Pagination
              page={list.data.pageInfo.page}
              pages={list.data.pageInfo.pages}
              total={list.data.pageInfo.total}
              summary={t('reviews.pageSummary', {
                page: list.data.pageInfo.page,
                pages: Math.max(1, list.data.pageInfo.pages),
                count: list.data.pageInfo.total,
              })}
              onPage={(next) => go({ page: next })}
            />
          </>
        ) : null}
      </div>
      <ReasonDialog
        key={acting?.id ?? 'closed'}
        open={acting !== null}
        title={isHiding ? t('reviews.admin.hideTitle') : t('reviews.admin.unhideTitle')}
        description={isHiding ? t('reviews.admin.hideText') : t('reviews.admin.unhideText')}
        confirmLabel={isHiding ? t('reviews.admin.hide') : t('reviews.admin.unhide')}
        isBusy={moderate.isPending}
        error={moderate.isError ? errorMessage(moderate.error) : null}
        onCancel={() => {
          setActing(null);
          moderate.reset();
        }}
        onConfirm={(reason) => {
          if (!acting) return;
          moderate.mutate(
            { id: acting.id, action: isHiding ? 'hide' : 'unhide', reason },
            { onSuccess: () => setActing(null) },
          );
        }}
      />
    </>
  );
}
