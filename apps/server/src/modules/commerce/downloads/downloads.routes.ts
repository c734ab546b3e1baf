import { DownloadLink } from '@9tangle/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { downloadGrants, products } from '../../../db/schema/index.ts';
import { currentUser, requireUser } from '../../../http/auth.ts';
import { AppError, notFound } from '../../../http/errors.ts';
import { sendFile } from '../../../http/send-file.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { signDownload, verifyDownload } from './download-token.ts';

const GrantParams = z.object({ grantId: z.uuid() });
const TokenParams = z.object({ token: z.string().min(10).max(300) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Deps = Pick<CommerceDeps, 'database' | 'secrets' | 'storage' | 'clock' | 'config'>;

async function liveGrant(d: Deps, grantId: string) {
  const [row] = await d.database.db
    .select({ grant: downloadGrants, product: products })
    .from(downloadGrants)
    .innerJoin(products, eq(products.id, downloadGrants.productId))
    .where(and(eq(downloadGrants.id, grantId), isNull(downloadGrants.revokedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Digital goods: the owner asks for a short-lived signed link (`POST /api/downloads/:grantId/link`),
 * which streams the product's file as an attachment (`GET /api/files/downloads/:token`). A revoked
 * grant (refund) stops both.
 */
export const downloadsRoutes =
  (d: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['downloads'];
    app.post(
      '/downloads/:grantId/link',
      { preHandler: requireUser, schema: { tags, params: GrantParams, response: { 200: DownloadLink } } },
      async (req) => {
        const row = await liveGrant(d, req.params.grantId);
        if (!row || row.grant.userId !== currentUser(req).id || !row.product.fileKey)
          throw notFound('download');
        const expiresAt = new Date(d.clock.now().getTime() + d.config.commerce.downloadLinkTtlMs);
        const token = signDownload(d.secrets, row.grant.id, expiresAt);
        return { url: `/api/files/downloads/${token}`, expiresAt: expiresAt.toISOString() };
      },
    );
    app.get('/files/downloads/:token', { schema: { tags, params: TokenParams } }, async (req, reply) => {
      const grantId = verifyDownload(d.secrets, req.params.token, d.clock.now());
      if (!UUID.test(grantId))
        throw new AppError('download_link_invalid', 404, 'This download link is not valid');
      const row = await liveGrant(d, grantId);
      const key = row?.product.fileKey;
      if (!row || !key) throw notFound('download');
      const stat = await d.storage.stat(key);
      if (!stat) throw notFound('file');
      if (req.method === 'GET' && !req.headers.range)
        await d.database.db
          .update(downloadGrants)
          .set({ downloadCount: sql`${downloadGrants.downloadCount} + 1` })
          .where(eq(downloadGrants.id, grantId));
      return sendFile(req, reply, {
        etag: `${row.product.id}-${row.product.updatedAt.getTime()}`,
        lastModified: row.product.updatedAt,
        sizeBytes: stat.size,
        mime: row.product.fileMime ?? 'application/octet-stream',
        fileName: row.product.fileName ?? 'download',
        disposition: 'attachment',
        csp: "default-src 'none'; sandbox",
        read: (range) => d.storage.readStream(key, range),
      });
    });
  };
