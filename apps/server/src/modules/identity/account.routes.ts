import { UpdateProfileBody, UserDto } from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser } from '../../http/auth.ts';
import { readUploadedFile } from '../../http/uploads.ts';
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
        const data = await readUploadedFile(req, AVATAR_MAX_BYTES);
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
