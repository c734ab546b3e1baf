import type { CourseDetail } from '@9tangle/contracts';
import { SITE_NAME } from '../../components/PageMeta.tsx';
import { MINOR_UNIT_DIGITS } from '../../lib/format-money.ts';
import type { JsonLd } from '../../lib/render-context.ts';
import { absoluteUrl, CANONICAL_ORIGIN } from '../../lib/render-head.ts';

/** schema.org `Course` for the course page: what search engines show as a course result. */
export function courseJsonLd(course: CourseDetail, description: string): JsonLd {
  const url = `${CANONICAL_ORIGIN}/courses/${course.slug}`;
  const image = course.thumbnailUrl ? absoluteUrl(course.thumbnailUrl) : null;
  const isFree = course.isFree || course.priceMinor === 0;
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: course.title,
    description,
    url,
    inLanguage: course.language,
    ...(image ? { image } : {}),
    provider: { '@type': 'Organization', name: SITE_NAME, sameAs: `${CANONICAL_ORIGIN}/` },
    creator: course.instructors.map((instructor) => ({
      '@type': 'Person',
      name: instructor.name,
      url: `${CANONICAL_ORIGIN}/instructors/${instructor.slug}`,
    })),
    offers: [
      {
        '@type': 'Offer',
        category: isFree ? 'Free' : 'Paid',
        price: isFree ? 0 : course.priceMinor / 10 ** MINOR_UNIT_DIGITS[course.currency],
        priceCurrency: course.currency,
        availability: 'https://schema.org/InStock',
        url,
      },
    ],
    hasCourseInstance: [
      {
        '@type': 'CourseInstance',
        courseMode: 'Online',
        ...(course.durationMinutes > 0 ? { courseWorkload: `PT${course.durationMinutes}M` } : {}),
      },
    ],
    ...(course.ratingCount > 0 && course.ratingAvg !== null
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: course.ratingAvg,
            ratingCount: course.ratingCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
}
