import type { CatalogQuery } from '@9tangle/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { cn } from '../../components/ui/cn.ts';
import { inputClasses } from '../../components/ui/Field.tsx';
import { catalogHref } from './catalog-url.ts';
import { HiddenQueryInputs } from './HiddenQueryInputs.tsx';

/** The catalog search: a plain GET form (works without JavaScript), a client-side navigation with it. */
export function CatalogSearchForm({ query }: { query: CatalogQuery }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    void navigate(catalogHref(query, { q: typeof q === 'string' ? q.trim() : undefined }));
  }

  return (
    <search>
      <form method="get" action="/courses" onSubmit={onSubmit} className="flex gap-2">
        <label htmlFor="catalog-q" className="sr-only">
          {t('catalog.searchLabel')}
        </label>
        <input
          // A new search term from a link (a removed filter) resets the box.
          key={query.q ?? ''}
          id="catalog-q"
          name="q"
          type="search"
          maxLength={100}
          defaultValue={query.q ?? ''}
          placeholder={t('catalog.searchPlaceholder')}
          className={cn(inputClasses, 'min-w-0 flex-1 border-slate-300')}
        />
        <HiddenQueryInputs query={query} omit={['q']} />
        <Button type="submit">{t('catalog.search')}</Button>
      </form>
    </search>
  );
}
