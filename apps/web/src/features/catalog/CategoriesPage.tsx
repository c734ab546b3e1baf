import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Breadcrumbs } from '../../components/ui/Breadcrumbs.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { breadcrumbJsonLd, type Crumb } from '../../lib/json-ld.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { CategoryIcon } from './CategoryIcon.tsx';
import { useCategories } from './catalog-queries.ts';

const FALLBACK_COLOUR = '#4f46e5';

/** `/courses/categories`: every active category, each linking to its filtered catalog. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const categories = useCategories();
  const items = (categories.data?.items ?? [])
    .filter((category) => category.active)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const crumbs: Crumb[] = [
    { name: t('layout.home'), path: '/' },
    { name: t('catalog.title'), path: '/courses' },
    { name: t('categories.title'), path: '/courses/categories' },
  ];

  return (
    <>
      <PageMeta
        title={t('categories.title')}
        description={t('categories.metaDescription')}
        jsonLd={[breadcrumbJsonLd(crumbs)]}
      />
      <Breadcrumbs crumbs={crumbs} />
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-slate-900">{t('categories.title')}</h1>
      <p className="mt-2 text-slate-700">{t('categories.subtitle')}</p>
      <div className="mt-8">
        {categories.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {categories.isError ? <Alert tone="error">{errorMessage(categories.error)}</Alert> : null}
        {categories.data && items.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
            {t('categories.empty')}
          </p>
        ) : null}
        <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((category) => (
            <li key={category.id}>
              <Link
                to={`/courses?category=${encodeURIComponent(category.slug)}`}
                className={cn(
                  'flex h-full gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition-shadow hover:shadow-md',
                  focusRing,
                )}
              >
                <span
                  // The category's own colour (data, not a class); style attributes are allowed by the CSP.
                  style={{ backgroundColor: category.colour ?? FALLBACK_COLOUR }}
                  className="grid size-12 shrink-0 place-items-center rounded-xl text-white"
                >
                  <CategoryIcon category={category} />
                </span>
                <span className="min-w-0">
                  <span className="block text-lg font-semibold text-slate-900">{category.name}</span>
                  {category.description ? (
                    <span className="mt-1 block text-sm text-slate-700">{category.description}</span>
                  ) : null}
                  <span className="mt-2 block text-sm font-medium text-indigo-700">
                    {t('categories.courseCount', { count: category.courseCount })}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
