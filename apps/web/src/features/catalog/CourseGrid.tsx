import type { CourseSummary } from '@9tangle/contracts';
import { CourseCard } from './CourseCard.tsx';

type CourseGridProps = { courses: CourseSummary[]; headingLevel?: 'h2' | 'h3' };

/** Cards in a responsive grid: one column on phones, two on tablets, three on wide screens. */
export function CourseGrid({ courses, headingLevel }: CourseGridProps) {
  return (
    <ul className="grid gap-6 sm:grid-cols-2 xl:grid-cols-3">
      {courses.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
