import { ProductTypes, type ShopQuery, ShopSorts } from '@9tangle/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { shopHref, useShopCategories } from './shop-queries.ts';

/** Search, category, type and sort in one GET form: works without JavaScript, navigates in the app with it. */
export function ShopFilters({ query }: { query: ShopQuery }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: categories } = useShopCategories();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const pick = <T extends string>(name: string, allowed: readonly T[]) => {
      const value = form.get(name);
      return allowed.find((a) => a === value);
    };
    const q = String(form.get('q') ?? '').trim();
    const category = String(form.get('category') ?? '');
    void navigate(
      shopHref(query, {
        q: q || undefined,
        category: category || undefined,
        type: pick('type', ProductTypes),
        sort: pick('sort', ShopSorts),
      }),
    );
  }

  return (
    <search>
      <form
        method="get"
        action="/shop"
        onSubmit={onSubmit}
        key={JSON.stringify(query)}
        className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      >
        <Field
          label={t('shop.searchLabel')}
          name="q"
          type="search"
          maxLength={100}
          defaultValue={query.q ?? ''}
          className="lg:col-span-2"
        />
        <SelectField
          label={t('shop.category')}
          name="category"
          defaultValue={query.category ?? ''}
          options={[
            { value: '', label: t('shop.allCategories') },
            ...(categories?.items ?? []).map((c) => ({ value: c.slug, label: c.name })),
          ]}
        />
        <SelectField
          label={t('shop.type')}
          name="type"
          defaultValue={query.type ?? ''}
          options={[
            { value: '', label: t('shop.allTypes') },
            ...ProductTypes.map((type) => ({ value: type, label: t(`shop.types.${type}`) })),
          ]}
        />
        <SelectField
          label={t('shop.sortLabel')}
          name="sort"
          defaultValue={query.sort ?? 'newest'}
          options={ShopSorts.map((sort) => ({ value: sort, label: t(`shop.sort.${sort}`) }))}
        />
        <Button type="submit" className="sm:col-span-2 lg:col-span-5 lg:justify-self-end">
          {t('shop.apply')}
        </Button>
      </form>
    </search>
  );
}
