import {
  AdminProduct,
  AdminProductList,
  AdminProductQuery,
  ProductBody,
  ProductCategoryBody,
  ProductCategoryDto,
  ProductCategoryList,
  ProductCategoryPatch,
  ProductImagePatch,
  ProductImagesReorder,
  ProductPatch,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadedFile, uploadSource } from '../../../http/uploads.ts';
import type { ProductCategoriesService } from './product-categories.service.ts';
import type { ProductFileService } from './product-file.service.ts';
import { IMAGE_MAX_BYTES, type ProductImagesService } from './product-images.service.ts';
import type { ProductsAdminService } from './products-admin.service.ts';

const Id = z.object({ id: z.uuid() });
const ImageId = z.object({ id: z.uuid(), imageId: z.uuid() });
const consumes = ['multipart/form-data'];
const product = { 200: AdminProduct };

/** `/api/admin/product-categories`, `/api/admin/products` (+ images and the digital file): admins only. */
export const shopAdminRoutes =
  (d: {
    categories: ProductCategoriesService;
    products: ProductsAdminService;
    images: ProductImagesService;
    file: ProductFileService;
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin', 'shop'];
    const preHandler = d.requireAdmin;

    app.get(
      '/admin/product-categories',
      { preHandler, schema: { tags, response: { 200: ProductCategoryList } } },
      () => d.categories.listAll(),
    );
    app.post(
      '/admin/product-categories',
      {
        preHandler,
        schema: { tags, body: ProductCategoryBody.strict(), response: { 201: ProductCategoryDto } },
      },
      async (req, reply) => reply.code(201).send(await d.categories.create(req.body)),
    );
    app.patch(
      '/admin/product-categories/:id',
      {
        preHandler,
        schema: { tags, params: Id, body: ProductCategoryPatch, response: { 200: ProductCategoryDto } },
      },
      (req) => d.categories.update(req.params.id, req.body),
    );
    app.delete(
      '/admin/product-categories/:id',
      { preHandler, schema: { tags, params: Id } },
      async (req, reply) => {
        await d.categories.delete(req.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/admin/products',
      { preHandler, schema: { tags, querystring: AdminProductQuery, response: { 200: AdminProductList } } },
      (req) => d.products.list(req.query),
    );
    // Unknown fields are refused, not dropped: ratings, files and images never come from a body.
    app.post(
      '/admin/products',
      { preHandler, schema: { tags, body: ProductBody.strict(), response: { 201: AdminProduct } } },
      async (req, reply) => reply.code(201).send(await d.products.create(req.body)),
    );
    app.get('/admin/products/:id', { preHandler, schema: { tags, params: Id, response: product } }, (req) =>
      d.products.get(req.params.id),
    );
    app.patch(
      '/admin/products/:id',
      { preHandler, schema: { tags, params: Id, body: ProductPatch, response: product } },
      (req) => d.products.update(req.params.id, req.body),
    );
    app.post(
      '/admin/products/:id/archive',
      { preHandler, schema: { tags, params: Id, response: product } },
      (req) => d.products.archive(req.params.id),
    );

    app.post(
      '/admin/products/:id/images',
      { preHandler, schema: { tags, params: Id, consumes, response: { 201: AdminProduct } } },
      async (req, reply) =>
        reply.code(201).send(await d.images.add(req.params.id, await readUploadedFile(req, IMAGE_MAX_BYTES))),
    );
    app.post(
      '/admin/products/:id/images/reorder',
      { preHandler, schema: { tags, params: Id, body: ProductImagesReorder, response: product } },
      (req) => d.images.reorder(req.params.id, req.body.ids),
    );
    app.patch(
      '/admin/products/:id/images/:imageId',
      { preHandler, schema: { tags, params: ImageId, body: ProductImagePatch, response: product } },
      (req) => d.images.setAlt(req.params.id, req.params.imageId, req.body.alt),
    );
    app.delete(
      '/admin/products/:id/images/:imageId',
      { preHandler, schema: { tags, params: ImageId, response: product } },
      (req) => d.images.remove(req.params.id, req.params.imageId),
    );
    // Streamed to storage with its own limit (config), exempt from the whole-request timeout.
    app.post(
      '/admin/products/:id/file',
      { preHandler, config: { longUpload: true }, schema: { tags, params: Id, consumes, response: product } },
      (req) => d.file.set(req.params.id, uploadSource(req)),
    );
  };
