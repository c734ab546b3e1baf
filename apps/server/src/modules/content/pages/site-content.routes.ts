import { ContentImageUploaded, SiteContentDto, SiteContentParams, SiteContentPut } from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadedFile } from '../../../http/uploads.ts';
import { audit } from '../../operations/audit/audit-trail.ts';
import type { ContentRouteDeps } from '../content.deps.ts';
import { CONTENT_IMAGE_MAX_BYTES, type ContentImagesService } from '../content-images.service.ts';
import type { SiteContentService } from './site-content.service.ts';

/**
 * `/api/content/:key` (public, cached with the catalog's version), `/api/admin/content` (every key,
 * and `PUT` one, audited with before and after), content image uploads and `/api/files/content/:key`.
 */
export const siteContentRoutes =
  (
    d: ContentRouteDeps & { content: SiteContentService; images: ContentImagesService },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['content'];
    const preHandler = d.requireAdmin;

    app.get(
      '/content/:key',
      {
        preHandler: d.caching.preHandler,
        onSend: d.caching.onSend,
        schema: { tags, params: SiteContentParams, response: { 200: SiteContentDto } },
      },
      (req) => d.content.get(req.params.key),
    );
    app.get(
      '/admin/content',
      { preHandler, schema: { tags, response: { 200: z.object({ items: z.array(SiteContentDto) }) } } },
      async () => ({ items: await d.content.all() }),
    );
    app.put(
      '/admin/content/:key',
      {
        preHandler,
        schema: { tags, params: SiteContentParams, body: SiteContentPut, response: { 200: SiteContentDto } },
      },
      async (req) => {
        const { before, after } = await d.content.put(req.params.key, req.body.value, req.user?.id as string);
        audit(req, {
          action: 'content.updated',
          targetType: 'site_content',
          targetId: req.params.key,
          before,
          after: after.value,
        });
        return after;
      },
    );
    app.post(
      '/admin/content/images',
      {
        preHandler,
        schema: { tags, consumes: ['multipart/form-data'], response: { 201: ContentImageUploaded } },
      },
      async (req, reply) =>
        reply.code(201).send(await d.images.upload(await readUploadedFile(req, CONTENT_IMAGE_MAX_BYTES))),
    );
    app.get(
      '/files/content/:key',
      // Not counted by the API rate limit: a page shows several images at once.
      { config: { rateLimit: false }, schema: { tags, params: z.object({ key: z.string().max(64) }) } },
      async (req, reply) => {
        const { data, mime } = await d.images.read(req.params.key);
        return reply
          .header('content-type', mime)
          .header('content-disposition', 'inline; filename="image"')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(data);
      },
    );
  };
