import type { ManualMethod } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';
import { AccountCard } from './AccountCard.tsx';
import { CopyButton } from './CopyButton.tsx';
import { useManualOrder } from './manual-queries.ts';
import { ProofForm } from './ProofForm.tsx';
import { ProofList } from './ProofList.tsx';

const METHODS: ManualMethod[] = ['jazzcash', 'easypaisa', 'bank_transfer'];

/** Today as the date field wants it (the server checks against the academy's own calendar). */
const localToday = () => new Date().toLocaleDateString('en-CA');

/** `/checkout/manual/:number`: pay an order by bank transfer or mobile wallet and send the proof. */
export function ManualPaymentPage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('manual.title')}>{() => <ManualPayment />}</RequireAuth>;
}

function ManualPayment() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { number = '' } = useParams();
  const order = useManualOrder(number, true);
  const [tab, setTab] = useState<ManualMethod | null>(null);
  const view = order.data;
  const methods = METHODS.filter((m) => view?.accounts.some((a) => a.method === m));
  const current = tab && methods.includes(tab) ? tab : methods[0];

  return (
    <>
      <PageMeta title={t('manual.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('manual.title')}</h1>
      {order.isPending ? <p className="mt-4 text-slate-700">{t('common.loading')}</p> : null}
      {order.isError ? (
        <Alert tone="error" className="mt-4">
          {errorMessage(order.error)}
        </Alert>
      ) : null}
      {view ? (
        <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_24rem]">
          <div className="min-w-0">
            <Card>
              <p className="text-slate-700">{t('manual.amountLabel')}</p>
              <p className="text-3xl font-bold text-slate-900" data-testid="manual-amount">
                {formatMoney(view.amountMinor, view.currency, i18n.language)}
              </p>
              <p className="mt-4 text-slate-700">{t('manual.referenceLabel')}</p>
              <p className="flex items-center gap-3 font-mono text-xl text-slate-900" dir="ltr">
                <span data-testid="manual-reference">{view.reference}</span>
                <CopyButton
                  value={view.reference}
                  label={t('manual.copyLabel', { what: t('manual.referenceLabel') })}
                />
              </p>
              <p className="mt-2 text-sm text-slate-600">{t('manual.referenceHint')}</p>
            </Card>
            {methods.length > 0 ? (
              <section className="mt-8" aria-labelledby="accounts-heading">
                <h2 id="accounts-heading" className="text-xl font-semibold text-slate-900">
                  {t('manual.accountsTitle')}
                </h2>
                <div
                  role="tablist"
                  aria-label={t('manual.accountsTitle')}
                  className="mt-3 flex flex-wrap gap-2"
                >
                  {methods.map((m) => (
                    <button
                      key={m}
                      type="button"
                      role="tab"
                      aria-selected={m === current}
                      onClick={() => setTab(m)}
                      className={cn(
                        'rounded-full px-4 py-1.5 text-sm font-medium ring-1 ring-inset',
                        m === current
                          ? 'bg-indigo-600 text-white ring-indigo-600'
                          : 'bg-white text-slate-800 ring-slate-300',
                        focusRing,
                      )}
                    >
                      {t(`manual.method.${m}`)}
                    </button>
                  ))}
                </div>
                <div role="tabpanel" className="mt-4 grid gap-4 sm:grid-cols-2">
                  {view.accounts
                    .filter((a) => a.method === current)
                    .map((a) => (
                      <AccountCard key={a.id} account={a} />
                    ))}
                </div>
              </section>
            ) : (
              <Alert tone="warning" className="mt-8">
                {t('manual.noAccounts')}
              </Alert>
            )}
            <ProofList proofs={view.proofs} />
          </div>
          <aside>
            {view.orderStatus !== 'pending' ? (
              <Alert tone="success">{t('manual.orderDone', { status: view.orderStatus })}</Alert>
            ) : view.canSubmit && view.accounts.length > 0 ? (
              <ProofForm view={view} today={localToday()} />
            ) : view.attemptsLeft === 0 ? (
              <Alert tone="warning">{t('manual.exhausted')}</Alert>
            ) : (
              <Alert tone="info">{t('manual.underReview')}</Alert>
            )}
            <p className="mt-6">
              <TextLink to="/payment-status">{t('manual.statusLink')}</TextLink>
            </p>
          </aside>
        </div>
      ) : null}
    </>
  );
}
