import { Earnings, EarningsQuery, LedgerBalance, RevenueQuery, RevenueReport } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../../../http/auth.ts';
import type { RevenueService } from './revenue.service.ts';

/** An instructor's own earnings; the admin's revenue report (JSON and CSV) and ledger balance. */
export const revenueRoutes =
  (d: {
    revenue: RevenueService;
    requireAdmin: preHandlerHookHandler;
    requireInstructor: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/studio/earnings',
      {
        preHandler: d.requireInstructor,
        schema: { tags: ['studio'], querystring: EarningsQuery, response: { 200: Earnings } },
      },
      // Always the caller's own: there is no parameter naming another instructor.
      async (req) => d.revenue.earnings(currentUser(req).id, req.query),
    );
    app.get(
      '/admin/revenue',
      {
        preHandler: d.requireAdmin,
        schema: { tags: ['admin'], querystring: RevenueQuery, response: { 200: RevenueReport } },
      },
      async (req) => d.revenue.report(req.query.month),
    );
    app.get(
      '/admin/revenue.csv',
      {
        preHandler: d.requireAdmin,
        schema: { tags: ['admin'], querystring: RevenueQuery, produces: ['text/csv'] },
      },
      async (req, reply) => {
        const { filename, body } = await d.revenue.reportCsv(req.query.month);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
    app.get(
      '/admin/ledger/balance',
      { preHandler: d.requireAdmin, schema: { tags: ['admin'], response: { 200: LedgerBalance } } },
      async () => d.revenue.balance(),
    );
  };
