import { OrderStatus as OrderStatusSchema } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { type OrderFilters, useAdminOrders } from './admin-orders-queries.ts';
import { BulkStatusBar } from './BulkStatusBar.tsx';
import { OrdersTable } from './OrdersTable.tsx';

const FILTERS = ['q', 'status', 'provider', 'currency', 'from', 'to', 'disputed', 'archived'] as const;

/** `/admin/orders`: every order, filtered and searched, newest first, with bulk status changes. */
export function AdminOrdersPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <AdminOrders />;
}

function AdminOrders() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const filters: Partial<OrderFilters> = Object.fromEntries(
    FILTERS.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v),
  );
  // Keyset pages: the cursors of the pages before this one, to go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const list = useAdminOrders(filters, cursors.at(-1) ?? null);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const out = new URLSearchParams();
    for (const k of FILTERS) {
      const v = String(form.get(k) ?? '').trim();
      if (v) out.set(k, v);
    }
    setCursors([]);
    setSelected(new Set());
    setParams(out);
  }
  const option = (v: string, label: string) => ({ value: v, label });

  return (
    <>
      <PageMeta title={t('adminOrders.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminOrders.title')}</h1>
      <search>
        <form onSubmit={apply} className="mt-6 flex flex-wrap items-end gap-3" key={params.toString()}>
          <Field
            label={t('adminOrders.search')}
            name="q"
            type="search"
            className="w-72"
            defaultValue={filters.q}
          />
          <SelectField
            label={t('adminOrders.status')}
            name="status"
            className="w-44"
            defaultValue={filters.status ?? ''}
            options={[
              option('', t('adminOrders.any')),
              ...OrderStatusSchema.options.map((s) => option(s, t(`adminOrders.statuses.${s}`))),
            ]}
          />
          <SelectField
            label={t('adminOrders.provider')}
            name="provider"
            className="w-36"
            defaultValue={filters.provider ?? ''}
            options={[
              option('', t('adminOrders.any')),
              ...['stripe', 'paypal', 'manual', 'test'].map((p) => option(p, p)),
            ]}
          />
          <SelectField
            label={t('adminOrders.currency')}
            name="currency"
            className="w-28"
            defaultValue={filters.currency ?? ''}
            options={[option('', t('adminOrders.any')), option('PKR', 'PKR'), option('USD', 'USD')]}
          />
          <Field
            label={t('adminOrders.from')}
            name="from"
            type="date"
            className="w-40"
            defaultValue={filters.from}
          />
          <Field
            label={t('adminOrders.to')}
            name="to"
            type="date"
            className="w-40"
            defaultValue={filters.to}
          />
          <SelectField
            label={t('adminOrders.disputed')}
            name="disputed"
            className="w-36"
            defaultValue={filters.disputed ?? ''}
            options={[
              option('', t('adminOrders.any')),
              option('true', t('adminOrders.yes')),
              option('false', t('adminOrders.no')),
            ]}
          />
          <SelectField
            label={t('adminOrders.archived')}
            name="archived"
            className="w-44"
            defaultValue={filters.archived ?? ''}
            options={[
              option('', t('adminOrders.archivedExclude')),
              option('include', t('adminOrders.archivedInclude')),
              option('only', t('adminOrders.archivedOnly')),
            ]}
          />
          <Button type="submit" variant="secondary">
            {t('adminOrders.apply')}
          </Button>
        </form>
      </search>

      <BulkStatusBar numbers={[...selected]} onDone={() => setSelected(new Set())} />

      <div className="mt-6">
        {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
        {list.data && list.data.items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {t('adminOrders.empty')}
          </p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <OrdersTable
            items={list.data.items}
            selected={selected}
            onToggle={(number, on) => {
              const next = new Set(selected);
              if (on) next.add(number);
              else next.delete(number);
              setSelected(next);
            }}
          />
        ) : null}
        <div className="mt-4 flex gap-2">
          {cursors.length > 0 ? (
            <Button variant="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
              {t('adminOrders.previous')}
            </Button>
          ) : null}
          {list.data?.nextCursor ? (
            <Button
              variant="secondary"
              onClick={() => setCursors([...cursors, list.data.nextCursor as string])}
            >
              {t('adminOrders.next')}
            </Button>
          ) : null}
        </div>
      </div>
    </>
  );
}
