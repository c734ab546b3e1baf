import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Breadcrumbs } from '../../components/ui/Breadcrumbs.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { breadcrumbJsonLd, type Crumb } from '../../lib/json-ld.ts';
import { CatalogFilters } from './CatalogFilters.tsx';
import { CatalogResults } from './CatalogResults.tsx';
import { CatalogSearchForm } from './CatalogSearchForm.tsx';
import { parseCatalogSearch, useCategories } from './catalog-queries.ts';
import { catalogCanonicalPath } from './catalog-url.ts';

/** `/courses`: search, filters, sort and paged results; every state is a URL the server can render. */
export function CoursesPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const query = parseCatalogSearch(searchParams);
  const { data: categories } = useCategories();
  const category = categories?.items.find((item) => item.slug === query.category);

  const crumbs: Crumb[] = [
    { name: t('layout.home'), path: '/' },
    { name: t('catalog.title'), path: '/courses' },
  ];
  if (category) crumbs.push({ name: category.name, path: catalogCanonicalPath(query) });
  const title = category ? t('catalog.categoryTitle', { name: category.name }) : t('catalog.title');

  return (
    <>
      <PageMeta
        title={query.q ? t('catalog.searchTitle', { q: query.q }) : title}
        description={category?.description || t('catalog.metaDescription')}
        canonicalPath={catalogCanonicalPath(query)}
        jsonLd={[breadcrumbJsonLd(crumbs)]}
      />
      <Breadcrumbs crumbs={crumbs} />
      <div className="mt-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
          <p className="mt-2 text-slate-700">{category?.description || t('catalog.subtitle')}</p>
        </div>
        <TextLink to="/courses/categories">{t('catalog.browseCategories')}</TextLink>
      </div>
      <div className="mt-6">
        <CatalogSearchForm query={query} />
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-[15rem_1fr]">
        <details className="rounded-xl border border-slate-200 bg-white p-4 lg:hidden">
          <summary className="cursor-pointer font-semibold text-slate-900">
            <h2 className="inline text-base">{t('catalog.filters.title')}</h2>
          </summary>
          <div className="mt-4">
            <CatalogFilters query={query} />
          </div>
        </details>
        <aside aria-labelledby="filters-title" className="hidden lg:block">
          <h2 id="filters-title" className="mb-4 text-lg font-semibold text-slate-900">
            {t('catalog.filters.title')}
          </h2>
          <CatalogFilters query={query} />
        </aside>
        <CatalogResults query={query} />
      </div>
    </>
  );
}
