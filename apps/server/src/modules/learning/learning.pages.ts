import { RESERVED_COURSE_SLUGS } from '@9tangle/contracts';
import type { PageLoader } from '../../http/web.ts';
import type { CertificatesService } from './certificates/certificates.service.ts';
import type { ReviewsService } from './reviews/reviews.service.ts';

/** The query key of a page of a course's reviews, shared with the web app (`course-reviews`). */
export const reviewsQueryKey = (slug: string, page: number, rating?: number) => [
  'course-reviews',
  slug,
  rating === undefined ? { page } : { page, rating },
];

/**
 * The signed-in learning pages every account of a role gets the same from the server (ADR 039): the
 * dashboard and the player (`/courses/:slug/learn`, `/today`, a lesson). Their data (courses, outline,
 * progress) is fetched after hydration; the server renders the frame, the role's banners and a
 * loading state, so the HTML is kept per role and only the account is written per request.
 */
export function isSharedLearningPage(path: string): boolean {
  return path === '/dashboard' || /^\/courses\/[^/]+\/learn(\/[^/]+)?$/.test(path);
}

/** The one path segment after `prefix`, decoded, or null for any other path. */
function segmentAfter(path: string, prefix: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (!rest || rest.includes('/')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null; // malformed escapes: no such page
  }
}

/**
 * Server-side data of the public pages learning adds to: the certificate verification page, and the
 * first page of reviews on a course page (so both are complete HTML without JavaScript).
 */
export function learningPageLoaders(d: {
  certificates: CertificatesService;
  reviews: ReviewsService;
}): PageLoader[] {
  return [
    async ({ path }) => {
      const code = segmentAfter(path, '/certificates/');
      if (code === null) return null;
      return [{ key: ['certificate', code], data: await d.certificates.verify(code) }];
    },
    async ({ path }) => {
      const slug = segmentAfter(path, '/courses/');
      if (slug === null || (RESERVED_COURSE_SLUGS as readonly string[]).includes(slug)) return null;
      return [
        { key: reviewsQueryKey(slug, 1), data: await d.reviews.publicList(slug, { page: 1, limit: 10 }) },
      ];
    },
  ];
}
