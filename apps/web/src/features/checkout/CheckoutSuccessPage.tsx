import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getOrderStatus, retryPayment } from '../../api/checkout.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button, buttonClasses } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { DownloadButton } from '../orders/DownloadButton.tsx';
import { RequireAuth } from '../session/RequireAuth.tsx';

/**
 * `/checkout/success?order=ORD-…`: where the buyer lands after paying. Polls the order's status (which
 * asks the provider while the attempt is open); paid → the courses and downloads; failed → the reason
 * and a retry.
 */
export function CheckoutSuccessPage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('checkout.success.title')}>{() => <Success />}</RequireAuth>;
}

function Success() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const number = params.get('order') ?? '';
  const status = useQuery({
    queryKey: ['order-status', number],
    queryFn: () => getOrderStatus(number),
    refetchInterval: (q) => {
      const d = q.state.data;
      if (!d || d.paid || d.status !== 'pending' || d.payment?.status === 'failed') return false;
      // Each poll may ask the provider: often for the first minute, then every 10 s (a delayed payment).
      return q.state.dataUpdateCount < 40 ? 1500 : 10_000;
    },
  });
  const retry = useMutation({
    mutationFn: () => retryPayment(number, status.data?.payment?.provider ?? 'test'),
    onSuccess: (placed) => window.location.assign(placed.redirectUrl),
  });
  if (status.isPending) return <p role="status">{t('common.loading')}</p>;
  if (status.isError) return <Alert tone="error">{errorMessage(status.error)}</Alert>;
  const s = status.data;
  const failed = s.payment?.status === 'failed' && s.status === 'pending';
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageMeta title={t('checkout.success.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">
        {t('checkout.success.title')} {s.orderNumber}
      </h1>
      {s.paid ? <Alert tone="success">{t('checkout.success.paid')}</Alert> : null}
      {failed ? (
        <Alert tone="error">
          {t('checkout.success.failed')} {s.payment?.errorMessage}
        </Alert>
      ) : null}
      {s.status === 'cancelled' ? <Alert tone="warning">{t('checkout.success.cancelled')}</Alert> : null}
      {!s.paid && !failed && s.status === 'pending' ? (
        <p role="status">{t('checkout.success.waiting')}</p>
      ) : null}
      {failed && s.canRetry ? (
        <Button onClick={() => retry.mutate()} isLoading={retry.isPending}>
          {t('checkout.success.retry')}
        </Button>
      ) : null}
      {s.courses.length > 0 ? (
        <div className="flex flex-col gap-3">
          {s.courses.map((c) => (
            <Link key={c.id} to={`/courses/${c.slug}/learn`} className={buttonClasses('primary')}>
              {t('checkout.success.startLearning', { title: c.title })}
            </Link>
          ))}
        </div>
      ) : null}
      {s.downloads.length > 0 ? (
        <div className="flex flex-col gap-3">
          {s.downloads.map((g) => (
            <DownloadButton key={g.grantId} grantId={g.grantId} title={g.title} />
          ))}
        </div>
      ) : null}
      <TextLink to={`/dashboard/orders/${s.orderNumber}`}>{t('checkout.success.viewOrder')}</TextLink>
    </div>
  );
}
