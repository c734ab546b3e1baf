import { type AdminProductReview, ProductReviewStatus } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { RatingStars } from '../../components/ui/RatingStars.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { ReasonDialog } from '../admin/ReasonDialog.tsx';
import { AdminOnly } from './AdminOnly.tsx';
import { approveProductReview, listAdminProductReviews, rejectProductReview } from './admin-shop-api.ts';

/** `/admin/product-reviews`: buyers' reviews waiting for a decision (or decided), approve or reject. */
export function AdminProductReviewsPage() {
  return (
    <AdminOnly>
      <Queue />
    </AdminOnly>
  );
}

function Queue() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = ProductReviewStatus.options.find((s) => s === params.get('status')) ?? 'pending';
  const key = ['admin', 'product-reviews', status];
  const list = useQuery({ queryKey: key, queryFn: () => listAdminProductReviews(status, 1) });
  const [rejecting, setRejecting] = useState<AdminProductReview | null>(null);
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'product-reviews'] }),
  });

  return (
    <>
      <PageMeta title={t('shop.admin.reviewsTitle')} description={t('shop.admin.reviewsTitle')} noIndex />
      <h1 className="text-3xl font-bold text-slate-900">{t('shop.admin.reviewsTitle')}</h1>
      <SelectField
        className="mt-6 max-w-xs"
        label={t('shop.admin.status')}
        name="status"
        value={status}
        onChange={(e) => setParams({ status: e.currentTarget.value })}
        options={ProductReviewStatus.options.map((s) => ({ value: s, label: t(`shop.reviews.status.${s}`) }))}
      />
      {act.isError ? <Alert tone="error">{errorMessage(act.error)}</Alert> : null}
      {list.data?.items.length === 0 ? (
        <p className="mt-6 text-slate-700">{t('shop.admin.noReviews')}</p>
      ) : null}
      <ul className="mt-6 space-y-4">
        {list.data?.items.map((r) => (
          <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="font-medium text-slate-900">
              <Link to={`/shop/${r.product.slug}`} className="text-indigo-700 underline">
                {r.product.name}
              </Link>
            </p>
            <RatingStars value={r.rating} count={1} />
            <p className="text-sm text-slate-600">
              {r.author.name} · {r.author.email}
            </p>
            <div
              className="mt-2 text-slate-800"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: review text is escaped plain text made into paragraphs on the server
              dangerouslySetInnerHTML={{ __html: r.bodyHtml }}
            />
            {r.moderationNote ? <p className="mt-2 text-sm text-slate-700">{r.moderationNote}</p> : null}
            <div className="mt-3 flex gap-2">
              {r.status !== 'approved' ? (
                <Button size="sm" onClick={() => act.mutate(() => approveProductReview(r.id))}>
                  {t('shop.admin.approve')}
                </Button>
              ) : null}
              {r.status !== 'rejected' ? (
                <Button size="sm" variant="danger" onClick={() => setRejecting(r)}>
                  {t('shop.admin.reject')}
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {rejecting ? (
        <ReasonDialog
          open
          title={t('shop.admin.rejectTitle')}
          description={t('shop.admin.rejectNote')}
          confirmLabel={t('shop.admin.reject')}
          isBusy={act.isPending}
          error={act.isError ? errorMessage(act.error) : null}
          onCancel={() => setRejecting(null)}
          onConfirm={(note) =>
            act.mutate(() => rejectProductReview(rejecting.id, note), { onSuccess: () => setRejecting(null) })
          }
        />
      ) : null}
    </>
  );
}
