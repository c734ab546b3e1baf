import type { AdminOrderDetail } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { money, useAddNote, useAdminOrder } from './admin-orders-queries.ts';
import { OrderTimeline } from './OrderTimeline.tsx';
import { RefundDialog } from './RefundDialog.tsx';

/** `/admin/orders/:number`: lines, payment attempts, timeline, notes, refunds and the dispute. */
export function AdminOrderPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const { number = '' } = useParams();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <AdminOrder number={number} />;
}

function AdminOrder({ number }: { number: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const order = useAdminOrder(number);
  const [refunding, setRefunding] = useState(false);
  if (order.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (order.isError) return <Alert tone="error">{errorMessage(order.error)}</Alert>;
  const o = order.data;
  const m = (minor: number) => money(minor, o.currency, i18n.language);
  const h2 = 'mt-8 text-xl font-semibold text-slate-900';
  return (
    <>
      <PageMeta
        title={t('adminOrders.orderTitle', { number: o.number })}
        description={t('meta.private')}
        noIndex
      />
      <TextLink to="/admin/orders">{t('adminOrders.back')}</TextLink>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900" dir="ltr">
        {o.number}
      </h1>
      <p className="mt-2 text-slate-700">
        {t(`adminOrders.statuses.${o.status}`)} · {o.buyer.name} · <span dir="ltr">{o.buyer.email}</span> ·{' '}
        {t('adminOrders.totalIs', { total: m(o.totalMinor) })}
        {o.refundedMinor > 0 ? ` · ${t('adminOrders.refundedIs', { amount: m(o.refundedMinor) })}` : ''}
      </p>
      {o.dispute ? (
        <Alert tone="warning" className="mt-4">
          {t('adminOrders.disputeBanner', {
            status: o.dispute.status ?? '',
            date: formatDateTime(o.dispute.openedAt, i18n.language),
          })}
        </Alert>
      ) : null}
      {o.trackingNumber ? (
        <p className="mt-2 text-slate-700">{t('adminOrders.trackingIs', { tracking: o.trackingNumber })}</p>
      ) : null}

      <h2 className={h2}>{t('adminOrders.items')}</h2>
      <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {o.items.map((i) => (
          <li key={i.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
            <span>
              {i.title} × {i.quantity}
              {i.refundedQuantity > 0 ? (
                <span className="ms-2 text-sm text-red-800">
                  {t('adminOrders.refundedUnits', { count: i.refundedQuantity })}
                </span>
              ) : null}
            </span>
            <span>{m(i.totalMinor)}</span>
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <Button variant="danger" disabled={o.refundableMinor <= 0} onClick={() => setRefunding(true)}>
          {t('adminOrders.refund')}
        </Button>
      </div>
      <RefundDialog order={o} open={refunding} onClose={() => setRefunding(false)} />

      <h2 className={h2}>{t('adminOrders.attempts')}</h2>
      <Attempts order={o} />
      <h2 className={h2}>{t('adminOrders.timeline')}</h2>
      <OrderTimeline
        events={[...o.events, ...o.notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt))}
      />
      <NoteForm number={o.number} />
    </>
  );
}

function Attempts({ order }: { order: AdminOrderDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="mt-3 space-y-2">
      {order.attempts.map((a) => (
        <li key={a.id} className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
          <span className="font-semibold">{a.provider}</span> · {a.status} ·{' '}
          {money(a.amountMinor, a.currency, i18n.language)} · {formatDateTime(a.createdAt, i18n.language)}
          <span className="block font-mono text-slate-600" dir="ltr">
            {a.providerRef ?? '—'} {a.providerChargeRef ? `/ ${a.providerChargeRef}` : ''}
          </span>
          {a.errorCode ? (
            <span className="block text-red-800">
              {a.errorCode}: {a.errorMessage}
            </span>
          ) : null}
        </li>
      ))}
      {order.attempts.length === 0 ? <li className="text-slate-700">{t('adminOrders.noAttempts')}</li> : null}
    </ul>
  );
}

function NoteForm({ number }: { number: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState('');
  const add = useAddNote(number);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    add.mutate(text.trim(), { onSuccess: () => setText('') });
  }
  return (
    <form onSubmit={submit} className="mt-4 max-w-xl space-y-2">
      <TextareaField
        label={t('adminOrders.note')}
        name="note"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {add.isError ? <Alert tone="error">{errorMessage(add.error)}</Alert> : null}
      <Button type="submit" variant="secondary" isLoading={add.isPending}>
        {t('adminOrders.addNote')}
      </Button>
    </form>
  );
}
