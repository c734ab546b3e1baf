import { AuditList, AuditQuery } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../../db/client.ts';
import { auditRepo } from './audit.repo.ts';

/** `GET /api/admin/audit`: the audit log, searchable, newest first. */
export const auditRoutes =
  (d: { database: Database; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/admin/audit',
      {
        preHandler: d.requireAdmin,
        schema: { tags: ['admin'], querystring: AuditQuery, response: { 200: AuditList } },
      },
      async (req) => {
        const { items, total } = await auditRepo.list(d.database.db, req.query);
        return {
          items: items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
          pageInfo: {
            page: req.query.page,
            limit: req.query.limit,
            total,
            pages: Math.ceil(total / req.query.limit),
          },
        };
      },
    );
  };
