import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Breadcrumbs } from '../../components/ui/Breadcrumbs.tsx';
import { LinkPagination } from '../../components/ui/LinkPagination.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { breadcrumbJsonLd, type Crumb } from '../../lib/json-ld.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { ProductCard } from './ProductCard.tsx';
import { ShopFilters } from './ShopFilters.tsx';
import { parseShopSearch, shopHref, useShop, useShopCategories } from './shop-queries.ts';

/** `/shop`: the products on sale, searched, filtered, sorted and paged; every state is a URL. */
export function ShopPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const query = parseShopSearch(params);
  const { data: categories } = useShopCategories();
  const shop = useShop(query);
  const category = categories?.items.find((c) => c.slug === query.category);
  const crumbs: Crumb[] = [
    { name: t('layout.home'), path: '/' },
    { name: t('shop.title'), path: '/shop' },
  ];
  const title = category ? t('shop.categoryTitle', { name: category.name }) : t('shop.title');
  const page = shop.data;
  const filtered = Boolean(query.q || query.category || query.type);

  return (
    <>
      <PageMeta
        title={title}
        description={category?.description || t('shop.metaDescription')}
        canonicalPath={query.category ? `/shop?category=${encodeURIComponent(query.category)}` : '/shop'}
        jsonLd={[breadcrumbJsonLd(crumbs)]}
      />
      <Breadcrumbs crumbs={crumbs} />
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-700">{category?.description || t('shop.subtitle')}</p>
      <div className="mt-6">
        <ShopFilters query={query} />
      </div>
      <section aria-labelledby="shop-results" className="mt-8 space-y-5">
        <h2 id="shop-results" className="sr-only">
          {t('shop.resultsTitle')}
        </h2>
        <p aria-live="polite" className="text-sm font-medium text-slate-700">
          {page ? t('shop.resultCount', { count: page.pageInfo.total }) : null}
        </p>
        {shop.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {shop.isError ? <Alert tone="error">{errorMessage(shop.error)}</Alert> : null}
        {page && page.items.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
            <p className="text-lg font-semibold text-slate-900">{t('shop.empty')}</p>
            {filtered ? (
              <p className="mt-4">
                <TextLink to="/shop">{t('shop.clearFilters')}</TextLink>
              </p>
            ) : null}
          </div>
        ) : null}
        {page && page.items.length > 0 ? (
          <>
            <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
              {page.items.map((product) => (
                <li key={product.id}>
                  <ProductCard product={product} />
                </li>
              ))}
            </ul>
            <LinkPagination
              page={page.pageInfo.page}
              pages={page.pageInfo.pages}
              hrefFor={(next) => shopHref(query, { page: next })}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
