import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { getTestPay, pressTestPay } from '../../api/checkout.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { formatMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';

/** `/checkout/test-pay/:ref`: the simulated card page of the test provider (no money moves). */
export function TestPayPage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('checkout.testPay.title')}>{() => <TestPay />}</RequireAuth>;
}

function TestPay() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { ref = '' } = useParams();
  const session = useQuery({ queryKey: ['test-pay', ref], queryFn: () => getTestPay(ref) });
  const press = useMutation({
    mutationFn: (outcome: 'pay' | 'decline' | 'delay') => pressTestPay(ref, outcome),
    onSuccess: (s) => navigate(`/checkout/success?order=${encodeURIComponent(s.orderNumber)}`),
  });
  if (session.isPending) return <p role="status">{t('common.loading')}</p>;
  if (session.isError) return <Alert tone="error">{errorMessage(session.error)}</Alert>;
  const s = session.data;
  const amount = formatMoney(s.amountMinor, s.currency as 'PKR' | 'USD', i18n.language);
  return (
    <div className="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
      <PageMeta title={t('checkout.testPay.title')} description={t('meta.private')} noIndex />
      <h1 className="text-2xl font-bold text-slate-900">{t('checkout.testPay.title')}</h1>
      <p className="mt-2 text-slate-700">{t('checkout.testPay.intro')}</p>
      <p className="mt-4 text-lg font-semibold" data-testid="test-pay-amount">
        {t('checkout.testPay.amount', { number: s.orderNumber, amount })}
      </p>
      {press.isError ? (
        <Alert tone="error" className="mt-4">
          {errorMessage(press.error)}
        </Alert>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={() => press.mutate('pay')} isLoading={press.isPending}>
          {t('checkout.testPay.pay')}
        </Button>
        <Button variant="danger" onClick={() => press.mutate('decline')} disabled={press.isPending}>
          {t('checkout.testPay.decline')}
        </Button>
        <Button variant="secondary" onClick={() => press.mutate('delay')} disabled={press.isPending}>
          {t('checkout.testPay.delay')}
        </Button>
      </div>
    </div>
  );
}
