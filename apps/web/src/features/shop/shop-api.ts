import type {
  MyProductReview,
  ProductCategoryList,
  ProductDetail,
  ProductReviewBody,
  ProductReviewList,
  ShopPage,
  ShopQuery,
} from '@9tangle/contracts';
import { ApiError, apiRequest } from '../../api/client.ts';

// One order for every URL, so the same filters always make the same (shareable, cacheable) address.
const PARAM_ORDER: ReadonlyArray<keyof ShopQuery> = ['q', 'category', 'type', 'sort', 'page', 'limit'];

/** `?q=…&type=…` for a shop query; unset values are left out. */
export function shopSearchParams(query: Partial<ShopQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of PARAM_ORDER) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    params.set(name, String(value));
  }
  return params;
}

async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const productPath = (slug: string) => `/api/shop/products/${encodeURIComponent(slug)}`;

export const listShopCategories = () => apiRequest<ProductCategoryList>('/api/shop/categories');
export const listProducts = (query: ShopQuery) =>
  apiRequest<ShopPage>(`/api/shop/products?${shopSearchParams(query).toString()}`);
export const getProduct = (slug: string) => orNull(apiRequest<ProductDetail>(productPath(slug)));
export const listProductReviews = (slug: string) =>
  apiRequest<ProductReviewList>(`${productPath(slug)}/reviews?page=1&limit=20`);
export const getMyProductReview = (slug: string) =>
  apiRequest<MyProductReview>(`${productPath(slug)}/reviews/mine`);
export const saveMyProductReview = (slug: string, body: ProductReviewBody) =>
  apiRequest<MyProductReview>(`${productPath(slug)}/reviews/mine`, { method: 'PUT', body });
