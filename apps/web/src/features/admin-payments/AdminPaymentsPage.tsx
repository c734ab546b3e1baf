import { type ProofStatus, ProofStatus as Statuses } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { useProofQueue } from './admin-payments-queries.ts';
import { ProofReviewPanel } from './ProofReviewPanel.tsx';

/** `/admin/payments`: the queue of transfer proofs (oldest first) and the review of one. */
export function AdminPaymentsPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <ReviewQueuePage />;
}

const age = (seconds: number) =>
  seconds < 3600
    ? `${Math.floor(seconds / 60)}m`
    : seconds < 86_400
      ? `${Math.floor(seconds / 3600)}h`
      : `${Math.floor(seconds / 86_400)}d`;

function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const status: ProofStatus = Statuses.safeParse(params.get('status')).data ?? 'pending';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const selected = params.get('proof');
  const queue = useProofQueue(status, page);

  function go(next: { status?: ProofStatus; page?: number; proof?: string | null }) {
    const out = new URLSearchParams();
    out.set('status', next.status ?? status);
    if ((next.page ?? page) > 1 && !next.status) out.set('page', String(next.page ?? page));
    const proof = 'proof' in next ? next.proof : selected;
    if (proof) out.set('proof', proof);
    setParams(out);
  }

  return (
    <>
      <PageMeta title={t('manual.admin.title')} description={t('meta.private')} noIndex />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('manual.admin.title')}</h1>
          <p className="mt-2 text-slate-700">{t('manual.admin.subtitle')}</p>
        </div>
        <TextLink to="/admin/payment-accounts">{t('manual.admin.accountsLink')}</TextLink>
      </div>
      <SelectField
        label={t('manual.admin.statusFilter')}
        name="status"
        className="mt-6 w-52"
        value={status}
        onChange={(event) => go({ status: Statuses.parse(event.currentTarget.value), proof: null })}
        options={Statuses.options.map((s) => ({ value: s, label: t(`manual.admin.status.${s}`) }))}
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_1fr]">
        <div>
          {queue.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
          {queue.isError ? <Alert tone="error">{errorMessage(queue.error)}</Alert> : null}
          {queue.data?.items.length === 0 ? (
            <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
              {t('manual.admin.empty')}
            </p>
          ) : null}
          {queue.data && queue.data.items.length > 0 ? (
            <>
              <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
                {queue.data.items.map((item) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      onClick={() => go({ proof: item.id })}
                      aria-current={item.id === selected ? 'true' : undefined}
                      className={cn(
                        'block w-full p-4 text-start hover:bg-slate-50',
                        item.id === selected && 'bg-indigo-50',
                        focusRing,
                      )}
                      data-testid="queue-item"
                    >
                      <span className="font-mono font-medium text-slate-900" dir="ltr">
                        {item.orderNumber}
                      </span>
                      <span className="ms-3 text-slate-800">
                        {formatMoney(item.amountMinor, item.currency, i18n.language)}
                      </span>
                      <span className="block text-sm text-slate-600">
                        {item.buyer.name} · {t(`manual.method.${item.method}`)} ·{' '}
                        {t('manual.admin.age', { age: age(item.ageSeconds) })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <Pagination
                page={queue.data.page}
                pages={queue.data.pages}
                total={queue.data.total}
                summary={t('manual.admin.pageSummary', {
                  page: queue.data.page,
                  pages: Math.max(1, queue.data.pages),
                  count: queue.data.total,
                })}
                onPage={(next) => go({ page: next })}
              />
            </>
          ) : null}
        </div>
        <div>
          {selected ? (
            <ProofReviewPanel key={selected} id={selected} />
          ) : (
            <p className="text-slate-600">{t('manual.admin.pick')}</p>
          )}
        </div>
      </div>
    </>
  );
}
