import type { CatalogQuery } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { LinkPagination } from '../../components/ui/LinkPagination.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { ActiveFilters } from './ActiveFilters.tsx';
import { CatalogSortForm } from './CatalogSortForm.tsx';
import { CourseGrid } from './CourseGrid.tsx';
import { useCatalog } from './catalog-queries.ts';
import { catalogHref, hasFilters } from './catalog-url.ts';

/** The result list of `/courses`: active filters, count, sort, cards, pages, or an empty state. */
export function CatalogResults({ query }: { query: CatalogQuery }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const catalog = useCatalog(query);
  const page = catalog.data;

  return (
    <section aria-labelledby="results-title" className="min-w-0 space-y-5">
      <h2 id="results-title" className="sr-only">
        {t('catalog.resultsTitle')}
      </h2>
      <ActiveFilters query={query} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite" className="text-sm font-medium text-slate-700">
          {catalog.isPlaceholderData
            ? t('catalog.updating')
            : page
              ? t('catalog.resultCount', { count: page.pageInfo.total })
              : null}
        </p>
        <CatalogSortForm query={query} />
      </div>
      {catalog.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {catalog.isError ? <Alert tone="error">{errorMessage(catalog.error)}</Alert> : null}
      {page && page.items.length === 0 ? <EmptyCatalog query={query} /> : null}
      {page && page.items.length > 0 ? (
        <div aria-busy={catalog.isPlaceholderData || undefined}>
          <CourseGrid courses={page.items} headingLevel="h3" />
          <LinkPagination
            page={page.pageInfo.page}
            pages={page.pageInfo.pages}
            hrefFor={(next) => catalogHref(query, { page: next })}
          />
        </div>
      ) : null}
    </section>
  );
}

function EmptyCatalog({ query }: { query: CatalogQuery }) {
  const { t } = useTranslation();
  const isFiltered = hasFilters(query);
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <h3 className="text-lg font-semibold text-slate-900">
        {isFiltered ? t('catalog.empty.filteredTitle') : t('catalog.empty.title')}
      </h3>
      <p className="mt-2 text-slate-700">
        {isFiltered ? t('catalog.empty.filteredBody') : t('catalog.empty.body')}
      </p>
      {isFiltered ? (
        <p className="mt-4">
          <TextLink to="/courses">{t('catalog.active.clearAll')}</TextLink>
        </p>
      ) : null}
    </div>
  );
}
