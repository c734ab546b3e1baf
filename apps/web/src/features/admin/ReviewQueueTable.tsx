import type { StudioCourseList } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { CourseStatusBadge } from '../studio/CourseStatusBadge.tsx';

type Course = StudioCourseList['items'][number];
type ReviewQueueTableProps = {
  items: Course[];
  busyId: string | null;
  onPublish: (course: Course) => void;
  onUnpublish: (course: Course) => void;
  onReject: (course: Course) => void;
  /** Feature the published course on the home page, or stop (`featured` is what it becomes). */
  onFeature: (course: Course, featured: boolean) => void;
};

/** Courses with what an admin can decide about each: publish, reject (in review), unpublish. */
export function ReviewQueueTable({
  items,
  busyId,
  onPublish,
  onUnpublish,
  onReject,
  onFeature,
}: ReviewQueueTableProps) {
  const { t, i18n } = useTranslation();
  if (items.length === 0)
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
        {t('adminCourses.empty')}
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[48rem] text-start text-sm">
        <caption className="sr-only">{t('adminCourses.tableCaption')}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {(['course', 'instructors', 'status', 'updated', 'actions'] as const).map((column) => (
              <th key={column} scope="col" className="px-4 py-3 text-start font-semibold">
                {column === 'actions' ? (
                  <span className="sr-only">{t('adminCourses.columns.actions')}</span>
                ) : (
                  t(`adminCourses.columns.${column}`)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((course) => {
            const busy = busyId === course.id;
            return (
              <tr key={course.id} className="align-top hover:bg-slate-50">
                <th scope="row" className="px-4 py-3 text-start font-medium text-slate-900">
                  <span className="block">{course.title}</span>
                  <span className="mt-1 flex flex-wrap gap-3 text-xs font-normal">
                    <TextLink to={`/studio/courses/${course.id}`}>{t('adminCourses.openEditor')}</TextLink>
                    {course.status === 'published' ? (
                      <TextLink to={`/courses/${course.slug}`}>{t('adminCourses.viewPublic')}</TextLink>
                    ) : (
                      <TextLink to={`/studio/courses/${course.id}?tab=curriculum`}>
                        {t('adminCourses.previewCurriculum')}
                      </TextLink>
                    )}
                  </span>
                </th>
                <td className="px-4 py-3 text-slate-700">
                  {course.instructors.map((i) => i.name).join(', ')}
                </td>
                <td className="px-4 py-3">
                  <CourseStatusBadge status={course.status} />
                  {course.featuredAt && course.status === 'published' ? (
                    <span className="ms-2 inline-flex rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-900">
                      {t('featuredCourses.featured')}
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                  {formatDateTime(course.updatedAt, i18n.language)}
                </td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap justify-end gap-2">
                    {course.status === 'in_review' || course.status === 'draft' ? (
                      <Button
                        size="sm"
                        isLoading={busy}
                        disabled={busyId !== null}
                        onClick={() => onPublish(course)}
                        aria-label={t('adminCourses.publishLabel', { title: course.title })}
                      >
                        {t('adminCourses.publish')}
                      </Button>
                    ) : null}
                    {course.status === 'in_review' ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={busyId !== null}
                        onClick={() => onReject(course)}
                        aria-label={t('adminCourses.rejectLabel', { title: course.title })}
                      >
                        {t('adminCourses.reject')}
                      </Button>
                    ) : null}
                    {course.status === 'published' ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={busyId !== null}
                        onClick={() => onFeature(course, !course.featuredAt)}
                        aria-label={t(
                          course.featuredAt
                            ? 'featuredCourses.unfeatureLabel'
                            : 'featuredCourses.featureLabel',
                          { title: course.title },
                        )}
                      >
                        {t(course.featuredAt ? 'featuredCourses.unfeature' : 'featuredCourses.feature')}
                      </Button>
                    ) : null}
                    {course.status === 'published' ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        isLoading={busy}
                        disabled={busyId !== null}
                        onClick={() => onUnpublish(course)}
                        aria-label={t('adminCourses.unpublishLabel', { title: course.title })}
                      >
                        {t('adminCourses.unpublish')}
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
