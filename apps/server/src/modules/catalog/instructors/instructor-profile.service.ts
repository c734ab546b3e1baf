import type { StudioProfile, StudioProfilePatch } from '@9tangle/contracts';
import { conflict, notFound } from '../../../http/errors.ts';
import type { Actor, CatalogDeps } from '../catalog.deps.ts';
import { avatarUrl } from '../catalog.mappers.ts';
import { htmlToText, sanitizeRichText } from '../rich-text.ts';
import { isUniqueViolation, slugify } from '../slug.ts';
import { ensureInstructorProfile } from './instructor-profiles.ts';
import { instructorsRepo } from './instructors.repo.ts';

const slugTaken = () => conflict('slug_taken', 'Another instructor already uses this web address.');

/**
 * The instructor's own public profile (`/instructors/:slug`): headline, bio and web address. The old
 * address stops working when the slug changes: no redirect is kept (the catalog has no slug history).
 */
export function createInstructorProfileService(d: Pick<CatalogDeps, 'database' | 'clock' | 'cache'>) {
  const db = d.database.db;

  async function get(actor: Actor): Promise<StudioProfile> {
    const row = await instructorsRepo.findOwnProfile(db, actor.id);
    if (!row) throw notFound('profile');
    return {
      slug: row.slug ?? slugify(row.name, 'instructor', 50),
      headline: row.headline,
      bio: row.bio,
      name: row.name,
      avatarUrl: avatarUrl(row.avatarKey),
      exists: row.slug !== null,
      isPublic: row.slug !== null && row.isPublic,
    };
  }

  return {
    /** The profile, or what it would be (a slug suggested from the name) before it exists. */
    get,

    /**
     * Change the headline, bio (sanitized; empty → none) or slug (409 `slug_taken` when another
     * instructor has it). Makes the profile first if the instructor has none yet.
     */
    async update(actor: Actor, patch: StudioProfilePatch): Promise<StudioProfile> {
      try {
        await db.transaction(async (tx) => {
          const now = d.clock.now();
          const current = await ensureInstructorProfile(tx, actor, now);
          if (patch.slug && patch.slug !== current.slug && (await instructorsRepo.slugTaken(tx, patch.slug)))
            throw slugTaken();
          const bio = patch.bio === undefined ? undefined : cleanBio(patch.bio);
          await instructorsRepo.updateProfile(tx, actor.id, {
            ...(patch.slug ? { slug: patch.slug } : {}),
            ...(patch.headline !== undefined ? { headline: patch.headline || null } : {}),
            ...(bio !== undefined ? { bio } : {}),
            updatedAt: now,
          });
        });
      } catch (err) {
        // Two instructors taking the same free slug at once: the unique index decides.
        if (isUniqueViolation(err, 'instructor_profiles_slug_key')) throw slugTaken();
        throw err;
      }
      await d.cache.bump();
      return get(actor);
    },
  };
}
export type InstructorProfileService = ReturnType<typeof createInstructorProfileService>;

/** The bio as allowlisted HTML, or null when nothing readable is left. */
function cleanBio(html: string | null): string | null {
  if (html === null) return null;
  const clean = sanitizeRichText(html);
  return htmlToText(clean) ? clean : null;
}
