import { type CatalogQuery, CatalogSorts } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { cn } from '../../components/ui/cn.ts';
import { inputClasses } from '../../components/ui/Field.tsx';
import { useIsHydrated } from '../../lib/use-hydrated.ts';
import { catalogHref } from './catalog-url.ts';
import { HiddenQueryInputs } from './HiddenQueryInputs.tsx';

type Sort = (typeof CatalogSorts)[number];

function isSort(value: string): value is Sort {
  return (CatalogSorts as readonly string[]).includes(value);
}

/**
 * The sort order. Without JavaScript it is a GET form with an "Apply" button; once hydrated, a change
 * applies at once and the button is hidden. Every option is a real value (no empty "default"), so the
 * submitted URL always parses.
 */
export function CatalogSortForm({ query }: { query: CatalogQuery }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isHydrated = useIsHydrated();
  const current: Sort = query.sort ?? (query.q ? 'relevance' : 'newest');
  const options = CatalogSorts.filter((sort) => sort !== 'relevance' || query.q || current === 'relevance');

  return (
    <form method="get" action="/courses" className="flex items-center gap-2">
      <label htmlFor="catalog-sort" className="text-sm font-medium whitespace-nowrap text-slate-800">
        {t('catalog.sortLabel')}
      </label>
      <select
        key={current}
        id="catalog-sort"
        name="sort"
        defaultValue={current}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isSort(value)) void navigate(catalogHref(query, { sort: value }));
        }}
        className={cn(inputClasses, 'w-auto border-slate-300 py-1.5 text-sm')}
      >
        {options.map((sort) => (
          <option key={sort} value={sort}>
            {t(`catalog.sort.${sort}`)}
          </option>
        ))}
      </select>
      <HiddenQueryInputs query={query} omit={['sort']} />
      {isHydrated ? null : (
        <Button type="submit" size="sm" variant="secondary">
          {t('catalog.applySort')}
        </Button>
      )}
    </form>
  );
}
