import { type ProductReviewBody, parseShopQuery, type ShopQuery } from '@9tangle/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SEEDED_STALE_TIME } from '../../lib/seed-queries.ts';
import {
  getMyProductReview,
  getProduct,
  listProductReviews,
  listProducts,
  listShopCategories,
  saveMyProductReview,
  shopSearchParams,
} from './shop-api.ts';

// These keys are part of the server-rendering contract: the server seeds answers under exactly these
// keys (apps/server/src/modules/commerce/shop/shop.pages.ts).
export const shopCategoriesKey = ['shop-categories'] as const;
export const shopKey = (query: ShopQuery) => ['shop', query] as const;
export const productKey = (slug: string) => ['product', slug] as const;
export const productReviewsKey = (slug: string) => ['product-reviews', slug] as const;
const myReviewKey = (slug: string) => ['my-product-review', slug] as const;

export const parseShopSearch = (params: URLSearchParams): ShopQuery => parseShopQuery(params);

const DEFAULT_LIMIT = 12;
/** The `/shop` URL for a query with `changes` applied (back to page 1); defaults are left out. */
export function shopHref(query: ShopQuery, changes: Partial<ShopQuery> = {}): string {
  const next: Partial<ShopQuery> = { ...query, page: 1, ...changes };
  if (next.page === 1) next.page = undefined;
  if (next.limit === DEFAULT_LIMIT) next.limit = undefined;
  const search = shopSearchParams(next).toString();
  return search ? `/shop?${search}` : '/shop';
}

export function useShopCategories() {
  return useQuery({ queryKey: shopCategoriesKey, queryFn: listShopCategories, staleTime: SEEDED_STALE_TIME });
}

export function useShop(query: ShopQuery) {
  return useQuery({
    queryKey: shopKey(query),
    queryFn: () => listProducts(query),
    staleTime: SEEDED_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

/** `data` is null when there is no such active product. */
export function useProduct(slug: string) {
  return useQuery({
    queryKey: productKey(slug),
    queryFn: () => getProduct(slug),
    staleTime: SEEDED_STALE_TIME,
  });
}

export function useProductReviews(slug: string) {
  return useQuery({
    queryKey: productReviewsKey(slug),
    queryFn: () => listProductReviews(slug),
    staleTime: SEEDED_STALE_TIME,
  });
}

export function useMyProductReview(slug: string, enabled: boolean) {
  return useQuery({ queryKey: myReviewKey(slug), queryFn: () => getMyProductReview(slug), enabled });
}

export function useSaveProductReview(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductReviewBody) => saveMyProductReview(slug, body),
    onSuccess: (data) => client.setQueryData(myReviewKey(slug), data),
  });
}
