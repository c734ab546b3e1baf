import {
  contentImageUrl,
  type PublicTeamList,
  type PublicTeamMember,
  TeamMemberBody,
  type TeamMemberDto,
  type TeamMemberList,
  type TeamMemberPatch,
} from '@9tangle/contracts';
import type { TeamMemberRow } from '../../../db/schema/index.ts';
import { badRequest, notFound } from '../../../http/errors.ts';
import type { ContentDeps } from '../content.deps.ts';
import { isPermutationOf } from '../content.policy.ts';
import type { ContentImagesService } from '../content-images.service.ts';
import { teamRepo } from './team.repo.ts';

const toPublic = (r: TeamMemberRow): PublicTeamMember => ({
  id: r.id,
  name: r.name,
  role: r.role,
  bio: r.bio,
  photoUrl: r.photoKey ? contentImageUrl(r.photoKey) : null,
  links: r.links,
});
const toDto = (r: TeamMemberRow): TeamMemberDto => ({
  ...toPublic(r),
  photoKey: r.photoKey,
  position: r.position,
  isVisible: r.isVisible,
  updatedAt: r.updatedAt.toISOString(),
});

/** The About page's team: visible members in the admin's order, each with an optional photo. */
export function createTeamService(
  d: Pick<ContentDeps, 'database' | 'clock' | 'cache'> & { images: ContentImagesService },
) {
  const db = d.database.db;
  const changed = async () => d.cache.bump();
  const existing = async (id: string) => {
    const row = await teamRepo.find(db, id);
    if (!row) throw notFound('team member');
    return row;
  };
  return {
    /** The visible team, as /about shows it (cached under the public version). */
    listPublic: (): Promise<PublicTeamList> =>
      d.cache.read('content:team', async () => ({
        items: (await teamRepo.list(db, { visibleOnly: true })).map(toPublic),
      })),
    listAll: async (): Promise<TeamMemberList> => ({ items: (await teamRepo.list(db)).map(toDto) }),
    /** Add a member at the end of the list. */
    async create(body: TeamMemberBody): Promise<TeamMemberDto> {
      const v = TeamMemberBody.parse(body);
      const row = await db.transaction(async (tx) => {
        await teamRepo.lockAll(tx);
        return teamRepo.insert(tx, { ...v, position: await teamRepo.nextPosition(tx) });
      });
      await changed();
      return toDto(row);
    },
    /** Change some fields; returns the member before and after (for the audit trail). */
    async update(id: string, patch: TeamMemberPatch) {
      const before = await existing(id);
      const row = await teamRepo.update(db, id, { ...patch, updatedAt: d.clock.now() });
      if (!row) throw notFound('team member');
      await changed();
      return { before: toDto(before), after: toDto(row) };
    },
    async remove(id: string): Promise<TeamMemberDto> {
      const row = await teamRepo.delete(db, id);
      if (!row) throw notFound('team member');
      if (row.photoKey) await d.images.remove(row.photoKey);
      await changed();
      return toDto(row);
    },
    /** Put the members in this order: `ids` must name every member once (400 otherwise). */
    async reorder(ids: string[]): Promise<TeamMemberList> {
      await db.transaction(async (tx) => {
        const current = (await teamRepo.lockAll(tx)).map((r) => r.id);
        if (!isPermutationOf(ids, current))
          throw badRequest('validation_failed', 'List every team member once, in the new order.');
        for (const [position, id] of ids.entries()) await teamRepo.update(tx, id, { position });
      });
      await changed();
      return { items: (await teamRepo.list(db)).map(toDto) };
    },
    /** Set (or replace) a member's photo from uploaded bytes; the previous file is removed. */
    async setPhoto(id: string, data: Buffer): Promise<TeamMemberDto> {
      await existing(id);
      const { key } = await d.images.upload(data);
      const result = await db.transaction(async (tx) => {
        const locked = await teamRepo.find(tx, id, { lock: true });
        if (!locked) return null;
        const row = await teamRepo.update(tx, id, { photoKey: key, updatedAt: d.clock.now() });
        return { previous: locked.photoKey, row };
      });
      if (!result?.row) {
        await d.images.remove(key);
        throw notFound('team member');
      }
      if (result.previous) await d.images.remove(result.previous);
      await changed();
      return toDto(result.row);
    },
    async removePhoto(id: string): Promise<TeamMemberDto> {
      const before = await existing(id);
      const row = await teamRepo.update(db, id, { photoKey: null, updatedAt: d.clock.now() });
      if (!row) throw notFound('team member');
      if (before.photoKey) await d.images.remove(before.photoKey);
      await changed();
      return toDto(row);
    },
  };
}
export type TeamService = ReturnType<typeof createTeamService>;
