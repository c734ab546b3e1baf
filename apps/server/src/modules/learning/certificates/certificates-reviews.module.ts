import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { PageLoader } from '../../../http/web.ts';
import { learningPageLoaders } from '../learning.pages.ts';
import { reviewModerationRoutes } from '../reviews/review-moderation.routes.ts';
import { reviewsRoutes } from '../reviews/reviews.routes.ts';
import { createReviewsService, type ReviewDeps } from '../reviews/reviews.service.ts';
import { certificatesRoutes } from './certificates.routes.ts';
import { type CertificateDeps, createCertificatesService } from './certificates.service.ts';

/**
 * Builds the certificates and reviews services (part of learning) and registers their routes under
 * `/api`. Returns the course-completed hook for the player, and the page loaders of the verification
 * page and the course page's reviews.
 */
export async function registerCertificatesAndReviews(
  app: FastifyInstance,
  p: CertificateDeps &
    Pick<ReviewDeps, 'onRatingsChange'> & {
      requireAdmin: preHandlerHookHandler;
      requireInstructor: preHandlerHookHandler;
    },
) {
  const certificates = createCertificatesService(p);
  const reviews = createReviewsService(p);
  await app.register(certificatesRoutes({ certificates, requireAdmin: p.requireAdmin }), { prefix: '/api' });
  await app.register(reviewsRoutes({ reviews }), { prefix: '/api' });
  await app.register(
    reviewModerationRoutes({ reviews, requireAdmin: p.requireAdmin, requireInstructor: p.requireInstructor }),
    { prefix: '/api' },
  );
  return {
    certificates,
    reviews,
    onCourseCompleted: certificates.onCourseCompleted,
    loaders: learningPageLoaders({ certificates, reviews }) as PageLoader[],
  };
}
