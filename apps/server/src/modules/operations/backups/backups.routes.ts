import {
  BackupNameParams,
  BackupsOverview,
  StartBackupBody,
  StartDrillBody,
  StartedRun,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../../../http/auth.ts';
import { audit } from '../audit/audit-trail.ts';
import type { BackupsService } from './backups.service.ts';

/**
 * `/api/admin/backups`: the archives and the runs of both jobs, "back up now", "drill now", and the
 * download of one archive (by its name only: the pattern leaves no room for a path).
 */
export const backupsRoutes =
  (d: { backups: BackupsService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin', 'backups'];
    app.get(
      '/admin/backups',
      { preHandler: d.requireAdmin, schema: { tags, response: { 200: BackupsOverview } } },
      async () => d.backups.overview(),
    );
    app.post(
      '/admin/backups',
      { preHandler: d.requireAdmin, schema: { tags, body: StartBackupBody, response: { 202: StartedRun } } },
      async (req, reply) => {
        const run = await d.backups.requestBackup(currentUser(req).id);
        audit(req, { action: 'backup.requested', targetType: 'job_run', targetId: run.id });
        return reply.code(202).send({ run });
      },
    );
    app.post(
      '/admin/backups/drill',
      { preHandler: d.requireAdmin, schema: { tags, body: StartDrillBody, response: { 202: StartedRun } } },
      async (req, reply) => {
        const run = await d.backups.requestDrill(currentUser(req).id, req.body.archive);
        audit(req, {
          action: 'restore_drill.requested',
          targetType: 'job_run',
          targetId: run.id,
          after: req.body,
        });
        return reply.code(202).send({ run });
      },
    );
    app.get(
      '/admin/backups/:name',
      { preHandler: d.requireAdmin, schema: { tags, params: BackupNameParams } },
      async (req, reply) => {
        const file = await d.backups.openArchive(req.params.name);
        // Downloading the whole academy is worth a line in the audit log too.
        audit(req, { action: 'backup.downloaded', targetType: 'backup', targetId: req.params.name });
        return reply
          .header('content-type', 'application/gzip')
          .header('content-length', String(file.size))
          .header('content-disposition', `attachment; filename="${req.params.name}"`)
          .header('cache-control', 'private, no-store')
          .send(file.stream);
      },
    );
  };
