import { randomUUID } from 'node:crypto';
import type { UpdateProfileBody } from '@9tangle/contracts';
import { fileTypeFromBuffer } from 'file-type';
import type { Database } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import type { CurrentUser } from './identity.types.ts';
import { usersRepo } from './users.repo.ts';

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
const AVATAR_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The profile of the signed-in user: name, phone, avatar. */
export function createAccountService(d: { database: Database; storage: Storage }) {
  return {
    async get(current: Pick<CurrentUser, 'id'>) {
      const user = await usersRepo.findById(d.database.db, current.id);
      if (!user) throw notFound('account');
      return user;
    },
    async updateProfile(current: CurrentUser, body: UpdateProfileBody) {
      return usersRepo.update(d.database.db, current.id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
      });
    },
    /** Store a new avatar after checking its type by its bytes, not its name or declared type. */
    async setAvatar(current: CurrentUser, data: Buffer) {
      const type = await fileTypeFromBuffer(data);
      const ext = type ? AVATAR_TYPES[type.mime] : undefined;
      if (!ext) throw badRequest('invalid_image', 'Upload a JPEG, PNG or WebP image.');
      const before = await usersRepo.findById(d.database.db, current.id);
      const name = `${randomUUID()}.${ext}`;
      await d.storage.put(`avatars/${name}`, data);
      const user = await usersRepo.update(d.database.db, current.id, { avatarKey: name });
      if (before?.avatarKey) await d.storage.delete(`avatars/${before.avatarKey}`);
      return user;
    },
    async readAvatar(name: string) {
      const ext = name.split('.').pop() ?? '';
      const mime = Object.entries(AVATAR_TYPES).find(([, e]) => e === ext)?.[0];
      if (!mime || !/^[0-9a-f-]{36}\.(jpg|png|webp)$/.test(name)) throw notFound('file');
      const data = await d.storage.get(`avatars/${name}`);
      if (!data) throw notFound('file');
      return { data, mime };
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
