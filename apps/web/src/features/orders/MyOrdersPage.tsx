import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listMyOrders } from '../../api/checkout.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { formatMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';

/** `/dashboard/orders`: the buyer's orders, newest first. */
export function MyOrdersPage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('checkout.orders.title')}>{() => <MyOrders />}</RequireAuth>;
}

function MyOrders() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const orders = useInfiniteQuery({
    queryKey: ['my-orders'],
    queryFn: ({ pageParam }) => listMyOrders(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="mx-auto max-w-3xl">
      <PageMeta title={t('checkout.orders.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('checkout.orders.title')}</h1>
      {orders.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {orders.isError ? <Alert tone="error">{errorMessage(orders.error)}</Alert> : null}
      {orders.isSuccess && items.length === 0 ? <p className="mt-6">{t('checkout.orders.none')}</p> : null}
      <ul className="mt-6 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
        {items.map((o) => (
          <li key={o.orderNumber} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <TextLink to={`/dashboard/orders/${o.orderNumber}`}>{o.orderNumber}</TextLink>
              <p className="text-sm text-slate-600">
                {formatDate(o.createdAt, i18n.language)} ·{' '}
                {t('checkout.orders.items', { count: o.itemCount })}
              </p>
            </div>
            <div className="text-right">
              <p className="font-semibold">{formatMoney(o.totalMinor, o.currency as 'PKR', i18n.language)}</p>
              <p className="text-sm text-slate-600">{t(`checkout.orders.statuses.${o.status}`)}</p>
            </div>
          </li>
        ))}
      </ul>
      {orders.hasNextPage ? (
        <Button
          variant="secondary"
          className="mt-4"
          onClick={() => orders.fetchNextPage()}
          isLoading={orders.isFetchingNextPage}
        >
          {t('checkout.orders.more')}
        </Button>
      ) : null}
    </div>
  );
}
