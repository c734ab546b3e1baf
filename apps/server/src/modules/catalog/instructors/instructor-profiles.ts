import type { Executor } from '../../../db/client.ts';
import { shortSuffix, slugify } from '../slug.ts';
import { instructorsRepo } from './instructors.repo.ts';

/**
 * Give a person their public instructor profile if they have none yet: the slug is their name
 * (`ayesha-khan`), with a short random suffix when another instructor already has it.
 */
export async function ensureInstructorProfile(
  x: Executor,
  user: { id: string; name: string },
  now: Date,
): Promise<{ slug: string }> {
  const existing = await instructorsRepo.findProfile(x, user.id);
  if (existing) return existing;
  const base = slugify(user.name, 'instructor', 50);
  let slug = (await instructorsRepo.slugTaken(x, base)) ? `${base}-${shortSuffix()}` : base;
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await instructorsRepo.insertProfile(x, {
      userId: user.id,
      slug,
      createdAt: now,
      updatedAt: now,
    });
    if (row) return row;
    // Nothing inserted: either this user got a profile meanwhile, or the slug was just taken.
    const mine = await instructorsRepo.findProfile(x, user.id);
    if (mine) return mine;
    slug = `${base}-${shortSuffix()}`;
  }
  throw new Error(`could not find a free instructor slug for ${base}`);
}
