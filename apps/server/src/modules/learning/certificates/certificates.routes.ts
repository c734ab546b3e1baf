import {
  AdminCertificate,
  AdminCertificateList,
  AdminCertificateQuery,
  CertificateActionBody,
  CertificateCodeParams,
  CertificateVerification,
  MyCertificateList,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser } from '../../../http/auth.ts';
import { notFound } from '../../../http/errors.ts';
import type { CertificatesService } from './certificates.service.ts';

const IdParams = z.object({ id: z.uuid() });

/**
 * Certificates: the student's list and PDFs under `/api/learning`, the public verification of a code,
 * and the admin's list with revoke and restore. The public lookup is counted by the API rate limit like
 * every `/api` call, and a code is far too long to guess through it.
 */
export const certificatesRoutes =
  (d: { certificates: CertificatesService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['certificates'];
    app.get(
      '/learning/certificates',
      { preHandler: requireUser, schema: { tags, response: { 200: MyCertificateList } } },
      async (req) => ({ items: await d.certificates.listMine(currentUser(req)) }),
    );

    app.get(
      '/learning/certificates/:code/pdf',
      { preHandler: requireUser, schema: { tags, params: CertificateCodeParams } },
      async (req, reply) => {
        const { code, data } = await d.certificates.pdf(currentUser(req), req.params.code);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="certificate-${code}.pdf"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(data);
      },
    );

    app.get(
      '/certificates/:code',
      { schema: { tags, params: CertificateCodeParams, response: { 200: CertificateVerification } } },
      async (req) => {
        const found = await d.certificates.verify(req.params.code);
        if (!found) throw notFound('certificate');
        return found;
      },
    );

    app.get(
      '/admin/certificates',
      {
        preHandler: d.requireAdmin,
        schema: { tags, querystring: AdminCertificateQuery, response: { 200: AdminCertificateList } },
      },
      async (req) => d.certificates.adminList(req.query),
    );

    for (const action of ['revoke', 'restore'] as const) {
      app.post(
        `/admin/certificates/:id/${action}`,
        {
          preHandler: d.requireAdmin,
          schema: {
            tags,
            params: IdParams,
            body: CertificateActionBody,
            response: { 200: AdminCertificate },
          },
        },
        async (req) => d.certificates[action](currentUser(req), req.params.id, req.body.reason),
      );
    }
  };
