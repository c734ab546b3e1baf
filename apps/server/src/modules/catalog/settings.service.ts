import type { SiteSettings, SiteSettingsPatch } from '@9tangle/contracts';
import type { CatalogDeps } from './catalog.deps.ts';
import { settingsRepo } from './settings.repo.ts';

const APPROVAL_KEY = 'course_publishing_requires_approval';

/** The site settings an admin controls; a setting never written has its default. */
export function createSettingsService(d: Pick<CatalogDeps, 'database' | 'clock'>) {
  const db = d.database.db;
  const approvalRequired = async () => (await settingsRepo.get(db, APPROVAL_KEY)) === true;
  return {
    /** Whether submitting a course queues it for review (true) or publishes it (false, the default). */
    approvalRequired,
    async get(): Promise<SiteSettings> {
      return { coursePublishingRequiresApproval: await approvalRequired() };
    },
    async update(patch: SiteSettingsPatch): Promise<SiteSettings> {
      if (patch.coursePublishingRequiresApproval !== undefined)
        await settingsRepo.set(db, APPROVAL_KEY, patch.coursePublishingRequiresApproval, d.clock.now());
      return { coursePublishingRequiresApproval: await approvalRequired() };
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
