import { ProductStatuses } from '@9tangle/contracts';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { formatMoney } from '../../lib/format-money.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AdminOnly } from './AdminOnly.tsx';
import { listAdminProducts } from './admin-shop-api.ts';

/** `/admin/products`: every product, searched and filtered by status. */
export function AdminProductsPage() {
  return (
    <AdminOnly>
      <ProductList />
    </AdminOnly>
  );
}

function ProductList() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = ProductStatuses.find((s) => s === params.get('status'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useQuery({
    queryKey: ['admin', 'products', { q, status, page }],
    queryFn: () => listAdminProducts({ page, q: q || undefined, status }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const nq = String(form.get('q') ?? '').trim();
    const ns = String(form.get('status') ?? '');
    if (nq) next.set('q', nq);
    if (ns) next.set('status', ns);
    setParams(next);
  }
  function goTo(p: number) {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  }

  return (
    <>
      <PageMeta title={t('shop.admin.productsTitle')} description={t('shop.admin.productsTitle')} noIndex />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-slate-900">{t('shop.admin.productsTitle')}</h1>
        <Button asChild>
          <Link to="/admin/products/new">{t('shop.admin.newProduct')}</Link>
        </Button>
      </div>
      <form onSubmit={onSubmit} key={`${q}:${status}`} className="mt-6 flex flex-wrap items-end gap-3">
        <Field label={t('shop.searchLabel')} name="q" type="search" defaultValue={q} />
        <SelectField
          label={t('shop.admin.status')}
          name="status"
          defaultValue={status ?? ''}
          options={[
            { value: '', label: t('shop.admin.allStatuses') },
            ...ProductStatuses.map((s) => ({ value: s, label: t(`shop.admin.statuses.${s}`) })),
          ]}
        />
        <Button type="submit" variant="secondary">
          {t('shop.apply')}
        </Button>
      </form>
      {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
      {list.data ? (
        <div className="mt-6 overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-start text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th className="px-4 py-2 text-start">{t('shop.admin.name')}</th>
                <th className="px-4 py-2 text-start">{t('shop.admin.status')}</th>
                <th className="px-4 py-2 text-start">{t('shop.type')}</th>
                <th className="px-4 py-2 text-start">{t('shop.admin.price')}</th>
                <th className="px-4 py-2 text-start">{t('shop.admin.stock')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  <td className="px-4 py-2">
                    <Link to={`/admin/products/${p.id}`} className="font-medium text-indigo-700 underline">
                      {p.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{t(`shop.admin.statuses.${p.status}`)}</td>
                  <td className="px-4 py-2">{t(`shop.types.${p.type}`)}</td>
                  <td className="px-4 py-2">{formatMoney(p.priceMinor, p.currency, i18n.language)}</td>
                  <td className="px-4 py-2">{p.stock ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.items.length === 0 ? <p className="p-4 text-slate-700">{t('shop.empty')}</p> : null}
        </div>
      ) : null}
      {list.data ? (
        <Pagination
          page={page}
          pages={list.data.pageInfo.pages}
          total={list.data.pageInfo.total}
          onPage={goTo}
          summary={t('shop.resultCount', { count: list.data.pageInfo.total })}
        />
      ) : null}
    </>
  );
}
