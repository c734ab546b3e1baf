import type { StudioCourse } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { StudentsBrowser } from './StudentsBrowser.tsx';

/** The course's students and their progress. */
export function StudentsTab({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="students-title" className="space-y-4">
      <div>
        <h2 id="students-title" className="text-xl font-semibold text-slate-900">
          {t('studioPeople.tabTitle')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('studioPeople.privacyNote')}</p>
      </div>
      <StudentsBrowser
        courseId={course.id}
        caption={t('studioPeople.tableCaption', { title: course.title })}
      />
    </section>
  );
}
