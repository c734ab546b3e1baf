import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { siteSettings } from '../../db/schema/index.ts';

/** Site-wide settings as JSON values by key; a missing key means the setting's default. */
export const settingsRepo = {
  async get(x: Executor, key: string): Promise<unknown> {
    const [row] = await x.select().from(siteSettings).where(eq(siteSettings.key, key)).limit(1);
    return row?.value;
  },
  async set(x: Executor, key: string, value: unknown, now: Date): Promise<void> {
    await x
      .insert(siteSettings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: now } });
  },
};
