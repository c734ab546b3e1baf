import type { ProductSummary } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RatingStars } from '../../components/ui/RatingStars.tsx';
import { ProductPrice } from './ProductPrice.tsx';

/** A product in the shop grid. The name is the link; it covers the whole card. */
export function ProductCard({ product }: { product: ProductSummary }) {
  const { t } = useTranslation();
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm hover:shadow-md has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-indigo-600">
      {product.imageUrl ? (
        <img
          src={product.imageUrl}
          alt={product.imageAlt}
          loading="lazy"
          className="aspect-square w-full bg-slate-100 object-cover"
        />
      ) : (
        <div
          aria-hidden="true"
          className="aspect-square w-full bg-gradient-to-br from-indigo-100 to-slate-200"
        />
      )}
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-indigo-700">
          {product.category?.name ?? t(`shop.types.${product.type}`)}
        </p>
        <h3 className="text-lg font-semibold leading-snug text-slate-900">
          <Link
            to={`/shop/${product.slug}`}
            className="rounded after:absolute after:inset-0 focus-visible:outline-none"
          >
            {product.name}
          </Link>
        </h3>
        <RatingStars value={product.ratingAvg} count={product.ratingCount} />
        {product.inStock ? null : <p className="text-sm font-medium text-red-700">{t('shop.outOfStock')}</p>}
        <div className="mt-auto pt-2">
          <ProductPrice product={product} />
        </div>
      </div>
    </article>
  );
}
