import type { ProductDetail } from '@9tangle/contracts';
import { MINOR_UNIT_DIGITS } from '../../lib/format-money.ts';
import type { JsonLd } from '../../lib/render-context.ts';
import { absoluteUrl, CANONICAL_ORIGIN } from '../../lib/render-head.ts';

/** schema.org `Product` for the product page: price, availability, images and rating. */
export function productJsonLd(product: ProductDetail, description: string): JsonLd {
  const url = `${CANONICAL_ORIGIN}/shop/${product.slug}`;
  const images = product.images.map((image) => absoluteUrl(image.url)).filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description,
    url,
    sku: product.id,
    ...(images.length > 0 ? { image: images } : {}),
    ...(product.category ? { category: product.category.name } : {}),
    ...(product.ratingAvg !== null && product.ratingCount > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: product.ratingAvg,
            reviewCount: product.ratingCount,
          },
        }
      : {}),
    offers: {
      '@type': 'Offer',
      price: product.priceMinor / 10 ** MINOR_UNIT_DIGITS[product.currency],
      priceCurrency: product.currency,
      availability: product.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url,
    },
  };
}
