import { UpdateProfileBody, UserDto } from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser } from '../../http/auth.ts';
import { AppError, badRequest } from '../../http/errors.ts';
import { type AccountService, AVATAR_MAX_BYTES } from './account.service.ts';
import { toUserDto } from './identity.mappers.ts';

const UserEnvelope = z.object({ user: UserDto });

/** `/api/account/*` (profile, avatar) and `/api/files/avatars/:name`. */
export const accountRoutes =
  (d: { account: AccountService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['account'];
    app.patch(
      '/account/profile',
      { preHandler: requireUser, schema: { tags, body: UpdateProfileBody, response: { 200: UserEnvelope } } },
      async (req) => ({ user: toUserDto(await d.account.updateProfile(currentUser(req), req.body)) }),
    );

    app.post(
      '/account/avatar',
      {
        preHandler: requireUser,
        schema: { tags, consumes: ['multipart/form-data'], response: { 200: UserEnvelope } },
      },
      async (req) => {
        if (!req.isMultipart())
          throw badRequest('validation_failed', 'Send the image as multipart/form-data in field "file"');
        const file = await req.file({ limits: { fileSize: AVATAR_MAX_BYTES, files: 1 } });
        if (file?.fieldname !== 'file')
          throw badRequest('validation_failed', 'Send the image in field "file"');
        const data = await file.toBuffer().catch((err: { code?: string }) => {
          if (err.code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('payload_too_large', 413, 'The image is larger than 2 MB');
          throw err;
        });
        return { user: toUserDto(await d.account.setAvatar(currentUser(req), data)) };
      },
    );

    app.get(
      '/files/avatars/:name',
      { schema: { tags, params: z.object({ name: z.string().max(64) }) } },
      async (req, reply) => {
        const { data, mime } = await d.account.readAvatar(req.params.name);
        return reply
          .header('content-type', mime)
          .header('content-disposition', 'inline; filename="avatar"')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(data);
      },
    );
  };
