import {
  AdminCourseList,
  AdminCourseQuery,
  CategoryBody,
  CategoryDto,
  CategoryList,
  CategoryPatch,
  RejectCourseBody,
  SiteSettings,
  SiteSettingsPatch,
  StudioCourse,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../http/auth.ts';
import type { CategoriesService } from './categories.service.ts';
import type { CourseWorkflowService } from './course-workflow.service.ts';
import type { SettingsService } from './settings.service.ts';
import type { StudioCoursesService } from './studio-courses.service.ts';

const Id = z.object({ id: z.uuid() });

/** `/api/admin/courses` (the review queue and its decisions), `/api/admin/categories`, `/api/admin/settings`. */
export const adminCatalogRoutes =
  (d: {
    courses: StudioCoursesService;
    workflow: CourseWorkflowService;
    categories: CategoriesService;
    settings: SettingsService;
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    const preHandler = d.requireAdmin;

    app.get(
      '/admin/courses',
      { preHandler, schema: { tags, querystring: AdminCourseQuery, response: { 200: AdminCourseList } } },
      (req) => d.courses.listForAdmin(req.query),
    );
    for (const action of ['publish', 'unpublish'] as const) {
      app.post(
        `/admin/courses/:id/${action}`,
        { preHandler, schema: { tags, params: Id, response: { 200: StudioCourse } } },
        (req) => d.workflow.apply(currentUser(req), req.params.id, action),
      );
    }
    app.post(
      '/admin/courses/:id/reject',
      { preHandler, schema: { tags, params: Id, body: RejectCourseBody, response: { 200: StudioCourse } } },
      (req) => d.workflow.apply(currentUser(req), req.params.id, 'reject', req.body.reason),
    );

    app.get('/admin/categories', { preHandler, schema: { tags, response: { 200: CategoryList } } }, () =>
      d.categories.listAll(),
    );
    app.post(
      '/admin/categories',
      { preHandler, schema: { tags, body: CategoryBody.strict(), response: { 201: CategoryDto } } },
      async (req, reply) => reply.code(201).send(await d.categories.create(req.body)),
    );
    app.patch(
      '/admin/categories/:id',
      { preHandler, schema: { tags, params: Id, body: CategoryPatch, response: { 200: CategoryDto } } },
      (req) => d.categories.update(req.params.id, req.body),
    );
    app.delete('/admin/categories/:id', { preHandler, schema: { tags, params: Id } }, async (req, reply) => {
      await d.categories.delete(req.params.id);
      return reply.code(204).send();
    });

    app.get('/admin/settings', { preHandler, schema: { tags, response: { 200: SiteSettings } } }, () =>
      d.settings.get(),
    );
    app.patch(
      '/admin/settings',
      { preHandler, schema: { tags, body: SiteSettingsPatch, response: { 200: SiteSettings } } },
      (req) => d.settings.update(req.body),
    );
  };
