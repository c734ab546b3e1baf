import type { ProductCategoryDto } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AdminOnly } from './AdminOnly.tsx';
import {
  createProductCategory,
  deleteProductCategory,
  listAdminProductCategories,
  updateProductCategory,
} from './admin-shop-api.ts';

const KEY = ['admin', 'product-categories'];

/** `/admin/product-categories`: the shop's sections, apart from the course categories. */
export function AdminProductCategoriesPage() {
  return (
    <AdminOnly>
      <Categories />
    </AdminOnly>
  );
}

function Categories() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: listAdminProductCategories });
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const name = String(f.get('name') ?? '').trim();
    const description = String(f.get('description') ?? '').trim() || null;
    act.mutate(() => createProductCategory({ name, description }), { onSuccess: () => form.reset() });
  }
  const toggle = (c: ProductCategoryDto) =>
    act.mutate(() => updateProductCategory(c.id, { active: !c.active }));

  return (
    <>
      <PageMeta
        title={t('shop.admin.categoriesTitle')}
        description={t('shop.admin.categoriesTitle')}
        noIndex
      />
      <h1 className="text-3xl font-bold text-slate-900">{t('shop.admin.categoriesTitle')}</h1>
      <form
        onSubmit={onCreate}
        className="mt-6 flex flex-wrap items-end gap-3 rounded-2xl border border-slate-200 bg-white p-4"
      >
        <Field label={t('shop.admin.name')} name="name" required minLength={2} maxLength={80} />
        <Field label={t('shop.admin.categoryDescription')} name="description" maxLength={500} />
        <Button type="submit" isLoading={act.isPending}>
          {t('shop.admin.addCategory')}
        </Button>
      </form>
      {act.isError ? <Alert tone="error">{errorMessage(act.error)}</Alert> : null}
      <ul className="mt-6 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
        {list.data?.items.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <p className="font-medium text-slate-900">{c.name}</p>
              <p className="text-sm text-slate-600">
                /shop?category={c.slug} · {c.active ? t('shop.admin.shown') : t('shop.admin.hidden')}
              </p>
            </div>
            <div className="flex gap-2">
              <Button size="sm" variant="secondary" onClick={() => toggle(c)}>
                {c.active ? t('shop.admin.hide') : t('shop.admin.show')}
              </Button>
              <Button
                size="sm"
                variant="danger"
                onClick={() => act.mutate(() => deleteProductCategory(c.id))}
              >
                {t('shop.admin.delete')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
