import type {
  AdminProduct,
  AdminProductList,
  AdminProductReview,
  AdminProductReviewList,
  ProductBody,
  ProductCategoryBody,
  ProductCategoryDto,
  ProductCategoryList,
  ProductCategoryPatch,
  ProductPatch,
} from '@9tangle/contracts';
import { apiRequest } from '../../api/client.ts';
import { type UploadOptions, uploadFile } from '../../api/upload.ts';

const products = '/api/admin/products';

export type AdminProductParams = { page: number; q?: string; status?: string; type?: string };
export function listAdminProducts(p: AdminProductParams): Promise<AdminProductList> {
  const params = new URLSearchParams({ page: String(p.page), limit: '20' });
  if (p.q) params.set('q', p.q);
  if (p.status) params.set('status', p.status);
  if (p.type) params.set('type', p.type);
  return apiRequest(`${products}?${params.toString()}`);
}
export const getAdminProduct = (id: string) => apiRequest<AdminProduct>(`${products}/${id}`);
export const createProduct = (body: ProductBody) =>
  apiRequest<AdminProduct>(products, { method: 'POST', body });
export const updateProduct = (id: string, body: ProductPatch) =>
  apiRequest<AdminProduct>(`${products}/${id}`, { method: 'PATCH', body });
export const archiveProduct = (id: string) =>
  apiRequest<AdminProduct>(`${products}/${id}/archive`, { method: 'POST', body: {} });
export const uploadProductImage = (id: string, file: File, o?: UploadOptions) =>
  uploadFile<AdminProduct>(`${products}/${id}/images`, file, o);
export const uploadProductFile = (id: string, file: File, o?: UploadOptions) =>
  uploadFile<AdminProduct>(`${products}/${id}/file`, file, o);
export const reorderProductImages = (id: string, ids: string[]) =>
  apiRequest<AdminProduct>(`${products}/${id}/images/reorder`, { method: 'POST', body: { ids } });
export const setProductImageAlt = (id: string, imageId: string, alt: string) =>
  apiRequest<AdminProduct>(`${products}/${id}/images/${imageId}`, { method: 'PATCH', body: { alt } });
export const deleteProductImage = (id: string, imageId: string) =>
  apiRequest<AdminProduct>(`${products}/${id}/images/${imageId}`, { method: 'DELETE' });

const categories = '/api/admin/product-categories';
export const listAdminProductCategories = () => apiRequest<ProductCategoryList>(categories);
export const createProductCategory = (body: ProductCategoryBody) =>
  apiRequest<ProductCategoryDto>(categories, { method: 'POST', body });
export const updateProductCategory = (id: string, body: ProductCategoryPatch) =>
  apiRequest<ProductCategoryDto>(`${categories}/${id}`, { method: 'PATCH', body });
export const deleteProductCategory = (id: string) =>
  apiRequest<void>(`${categories}/${id}`, { method: 'DELETE' });

const reviews = '/api/admin/product-reviews';
export const listAdminProductReviews = (status: string, page: number) =>
  apiRequest<AdminProductReviewList>(`${reviews}?status=${status}&page=${page}&limit=20`);
export const approveProductReview = (id: string) =>
  apiRequest<AdminProductReview>(`${reviews}/${id}/approve`, { method: 'POST', body: {} });
export const rejectProductReview = (id: string, note: string) =>
  apiRequest<AdminProductReview>(`${reviews}/${id}/reject`, { method: 'POST', body: { note } });
