import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { DEMO_FAQ, DEMO_TEAM } from './demo-content.data.ts';
import { seedDemoContent } from './demo-content.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the demo site content', () => {
  it('has three team members and eight FAQ entries in three categories', () => {
    expect(DEMO_TEAM).toHaveLength(3);
    expect(DEMO_FAQ).toHaveLength(8);
    expect(new Set(DEMO_FAQ.map((e) => e.category))).toEqual(
      new Set(['Courses', 'Payments', 'Certificates']),
    );
  });

  // On a shared PostgreSQL other tests' rows may already fill the lists (the seed then leaves them
  // alone), so the check is that a second run changes nothing and that every key is set.
  it('sets every content key and adds nothing on a second run', async () => {
    const q = async <T>(text: string) => (await t.platform.database.raw.query<T>(text)).rows;
    const snapshot = async () =>
      q<{ team: number; faq: number }>(
        'select (select count(*)::int from team_members) as team, (select count(*)::int from faq_entries) as faq',
      );
    const [before] = await snapshot();
    await seedDemoContent(t.platform.database.db);
    const first = await snapshot();
    await seedDemoContent(t.platform.database.db);
    expect(await snapshot()).toEqual(first);
    // An empty list is filled; one that holds rows already is left as it is.
    expect(first[0]?.team).toBe(before?.team === 0 ? 3 : before?.team);
    expect(first[0]?.faq).toBe(before?.faq === 0 ? 8 : before?.faq);
    const keys = (await q<{ key: string }>('select key from site_content')).map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining(['about.intro', 'contact.details', 'home.hero', 'legal.privacy', 'legal.terms']),
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/content/legal.privacy' });
    // (Its text is the demo's on a fresh database; a shared one may hold another test's edit.)
    expect(res.json()).toMatchObject({ key: 'legal.privacy', isSet: true });
  });
});
