import type { StudioCourse } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { useAddSection, useReorderSections } from './curriculum-queries.ts';
import { byPosition, moveItem } from './reorder.ts';
import { SectionItem } from './SectionItem.tsx';
import { TitleForm } from './TitleForm.tsx';
import { useDragReorder } from './use-drag-reorder.ts';

/** Sections and their lessons: add, rename, delete, reorder (drag and drop, or the move buttons). */
export function CurriculumEditor({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const sections = byPosition(course.sections);
  const ids = sections.map((section) => section.id);
  const reorder = useReorderSections(course.id);
  const addSection = useAddSection(course.id);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [openLessonId, setOpenLessonId] = useState<string | null>(null);

  function moveSection(from: number, to: number) {
    const section = sections[from];
    if (!section) return;
    setError(null);
    reorder.mutate(moveItem(ids, from, to), { onError: (moveError) => setError(errorMessage(moveError)) });
    setAnnouncement(
      t('studio.curriculum.moved', { name: section.title, position: to + 1, count: ids.length }),
    );
  }
  const drag = useDragReorder(ids, moveSection);

  return (
    <section aria-labelledby="curriculum-title" className="space-y-6">
      <div>
        <h2 id="curriculum-title" className="text-xl font-semibold text-slate-900">
          {t('studio.curriculum.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('studio.curriculum.hint')}</p>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {sections.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          {t('studio.curriculum.empty')}
        </p>
      ) : (
        <ol className="space-y-4">
          {sections.map((section, index) => (
            <SectionItem
              key={section.id}
              courseId={course.id}
              section={section}
              index={index}
              count={sections.length}
              drag={drag}
              onMove={moveSection}
              onAnnounce={setAnnouncement}
              openLessonId={openLessonId}
              onOpenLesson={setOpenLessonId}
            />
          ))}
        </ol>
      )}
      <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h3 className="font-semibold text-slate-900">{t('studio.curriculum.addSection')}</h3>
        <div className="mt-3">
          <TitleForm
            label={t('studio.curriculum.sectionTitle')}
            submitLabel={t('studio.curriculum.addSection')}
            onSave={(title) => addSection.mutateAsync(title)}
          />
        </div>
      </div>
    </section>
  );
}
