import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/catalog.ts';
import { completeCourse, freeCourse, student } from '../../../test/course-progress.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { PageLoader } from '../../http/web.ts';
import { systemClock } from '../../platform/clock.ts';
import { createCertificatesService } from './certificates/certificates.service.ts';
import { learningPageLoaders } from './learning.pages.ts';
import { createReviewsService } from './reviews/reviews.service.ts';

// The loaders are tested as functions (the rendered pages need a built web app: see e2e/).
let t: TestApp;
let loaders: PageLoader[];
beforeAll(async () => {
  t = await createTestApp();
  const deps = {
    database: t.platform.database,
    clock: systemClock,
    publicUrl: t.config.http.publicUrl,
    log: t.app.log,
    mail: { write: async () => 'unused', dispatch: async () => undefined },
    userContact: async () => null,
    courseSummaries: async () => [],
    recordAudit: async () => undefined,
    onRatingsChange: async () => undefined,
  };
  loaders = learningPageLoaders({
    certificates: createCertificatesService(deps),
    reviews: createReviewsService(deps),
  });
});
afterAll(async () => t?.close());

async function seeded(path: string) {
  const out = [];
  for (const load of loaders) {
    const found = await load({ path, query: new URLSearchParams(), role: null });
    if (found) out.push(...found);
  }
  return out;
}

describe('learning page loaders', () => {
  it('seed the verification page with the certificate, revoked or not, or null for an unknown code', async () => {
    const c = await freeCourse(t);
    const s = await student(t);
    await completeCourse(s.client, c);
    const [cert] = (await s.client.get('/api/learning/certificates')).json().items;
    expect(await seeded(`/certificates/${cert.code}`)).toEqual([
      {
        key: ['certificate', cert.code],
        data: expect.objectContaining({ status: 'valid', studentName: s.user.name }),
      },
    ]);
    const admin = await signedIn(t, 'admin');
    await admin.client.post(`/api/admin/certificates/${cert.id}/revoke`, { reason: 'Identity fraud' });
    const [revoked] = await seeded(`/certificates/${cert.code}`);
    expect(revoked?.data).toMatchObject({ status: 'revoked', revokeReason: 'Identity fraud' });
    expect(await seeded('/certificates/9T-2222-3333-4444')).toEqual([
      { key: ['certificate', '9T-2222-3333-4444'], data: null },
    ]);
  });

  it('seed a course page with its first page of reviews', async () => {
    const c = await freeCourse(t);
    const s = await student(t);
    await completeCourse(s.client, c);
    await s.client.post(`/api/learning/courses/${c.course.slug}/review`, { rating: 4, body: 'Solid' });
    const [reviews] = await seeded(`/courses/${c.course.slug}`);
    expect(reviews).toMatchObject({
      key: ['course-reviews', c.course.slug, { page: 1 }],
      data: { summary: { average: 4, count: 1 }, items: [{ bodyHtml: '<p>Solid</p>' }] },
    });
  });

  it('seed nothing for other pages', async () => {
    for (const path of [
      '/',
      '/certificates',
      '/certificates/a/b',
      '/courses',
      '/courses/categories',
      '/courses/x/learn',
    ])
      expect(await seeded(path)).toEqual([]);
    expect(await seeded('/certificates/%E0%A4%A')).toEqual([]);
  });
});
