import type { ProductDetail } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Breadcrumbs } from '../../components/ui/Breadcrumbs.tsx';
import { RatingStars } from '../../components/ui/RatingStars.tsx';
import { truncateText } from '../../lib/html-text.ts';
import { breadcrumbJsonLd, type Crumb } from '../../lib/json-ld.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AddToCartButton } from '../cart/AddToCartButton.tsx';
import { WishlistButton } from '../cart/WishlistButton.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { ProductGallery } from './ProductGallery.tsx';
import { ProductPrice } from './ProductPrice.tsx';
import { ProductReviews } from './ProductReviews.tsx';
import { productJsonLd } from './product-json-ld.ts';
import { useProduct } from './shop-queries.ts';

/** `/shop/:slug`: an active product; anything else is "not found" (404 on the server). */
export function ProductPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { slug = '' } = useParams();
  const product = useProduct(slug);
  if (product.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (product.isError) return <Alert tone="error">{errorMessage(product.error)}</Alert>;
  if (!product.data) return <NotFoundPage />;
  return <ProductView product={product.data} />;
}

function ProductView({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const description = truncateText(product.descriptionText) || product.name;
  const crumbs: Crumb[] = [
    { name: t('layout.home'), path: '/' },
    { name: t('shop.title'), path: '/shop' },
  ];
  if (product.category)
    crumbs.push({
      name: product.category.name,
      path: `/shop?category=${encodeURIComponent(product.category.slug)}`,
    });
  crumbs.push({ name: product.name, path: `/shop/${product.slug}` });
  const stock =
    product.type === 'digital'
      ? t('shop.instantDownload')
      : !product.inStock
        ? t('shop.outOfStock')
        : product.stock !== null
          ? t('shop.inStockCount', { count: product.stock })
          : t('shop.inStock');

  return (
    <>
      <PageMeta
        title={product.name}
        description={description}
        canonicalPath={`/shop/${product.slug}`}
        image={product.images[0]?.url ?? null}
        jsonLd={[productJsonLd(product, description), breadcrumbJsonLd(crumbs)]}
      />
      <Breadcrumbs crumbs={crumbs} />
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <ProductGallery product={product} />
        <div className="space-y-4">
          <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">
            {t(`shop.types.${product.type}`)}
          </p>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{product.name}</h1>
          <RatingStars value={product.ratingAvg} count={product.ratingCount} />
          <ProductPrice product={product} large />
          <p className={product.inStock ? 'font-medium text-emerald-800' : 'font-medium text-red-700'}>
            {stock}
          </p>
          {product.inStock ? (
            <div className="flex flex-wrap gap-3">
              <AddToCartButton itemType="product" itemId={product.id} />
              <AddToCartButton itemType="product" itemId={product.id} buyNow />
              <WishlistButton itemType="product" itemId={product.id} />
            </div>
          ) : (
            <WishlistButton itemType="product" itemId={product.id} />
          )}
          <div
            className="prose max-w-none text-slate-800"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server with the courses' allowlist
            dangerouslySetInnerHTML={{ __html: product.descriptionHtml }}
          />
        </div>
      </div>
      <div className="mt-12">
        <ProductReviews slug={product.slug} />
      </div>
    </>
  );
}
