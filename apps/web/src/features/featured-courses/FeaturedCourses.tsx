import type { FeaturedCourseList } from '@9tangle/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../api/client.ts';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { CourseGrid } from '../catalog/CourseGrid.tsx';

export const featuredCoursesKey = ['featured-courses'] as const;

/** The home page's "Featured courses": the server seeds them into the page; hidden when there are none. */
export function FeaturedCourses() {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: featuredCoursesKey,
    queryFn: () => apiRequest<FeaturedCourseList>('/api/featured-courses'),
    staleTime: 60_000,
  });
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="featured-title" className="mt-14">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="featured-title" className="text-2xl font-bold tracking-tight text-slate-900">
          {t('featuredCourses.title')}
        </h2>
        <TextLink to="/courses">{t('featuredCourses.all')}</TextLink>
      </div>
      <div className="mt-6">
        <CourseGrid courses={data.items} headingLevel="h3" />
      </div>
    </section>
  );
}
