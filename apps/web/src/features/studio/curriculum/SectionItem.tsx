import { LessonType as LessonTypeSchema, type StudioCourse } from '@9tangle/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { cn } from '../../../components/ui/cn.ts';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { useAddLesson, useDeleteSection, useRenameSection, useReorderLessons } from './curriculum-queries.ts';
import { DragHandle } from './DragHandle.tsx';
import { LessonItem } from './LessonItem.tsx';
import { ReorderButtons } from './ReorderButtons.tsx';
import { byPosition, moveItem } from './reorder.ts';
import { TitleForm } from './TitleForm.tsx';
import { useDragReorder } from './use-drag-reorder.ts';

type Section = StudioCourse['sections'][number];

type SectionItemProps = {
  courseId: string;
  section: Section;
  index: number;
  count: number;
  drag: ReturnType<typeof useDragReorder>;
  onMove: (from: number, to: number) => void;
  onAnnounce: (text: string) => void;
  openLessonId: string | null;
  onOpenLesson: (id: string | null) => void;
};

/** One section: its title and actions, its lessons (reorderable among themselves) and "Add lesson". */
export function SectionItem({
  courseId,
  section,
  index,
  count,
  drag,
  onMove,
  onAnnounce,
  openLessonId,
  onOpenLesson,
}: SectionItemProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const itemRef = useRef<HTMLLIElement>(null);
  const [mode, setMode] = useState<'view' | 'rename' | 'addLesson'>('view');
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rename = useRenameSection(courseId);
  const remove = useDeleteSection(courseId);
  const addLesson = useAddLesson(courseId);
  const reorderLessons = useReorderLessons(courseId);
  const lessons = byPosition(section.lessons);
  const lessonIds = lessons.map((lesson) => lesson.id);
  const headingId = `section-${section.id}`;

  function moveLesson(from: number, to: number) {
    const lesson = lessons[from];
    if (!lesson) return;
    setError(null);
    reorderLessons.mutate(
      { sectionId: section.id, ids: moveItem(lessonIds, from, to) },
      { onError: (moveError) => setError(errorMessage(moveError)) },
    );
    onAnnounce(t('studio.curriculum.moved', { name: lesson.title, position: to + 1, count: lessons.length }));
  }
  const lessonDrag = useDragReorder(lessonIds, moveLesson);

  async function confirmDelete() {
    try {
      await remove.mutateAsync(section.id);
      onAnnounce(t('studio.curriculum.deleted', { name: section.title }));
    } catch (deleteError) {
      setError(errorMessage(deleteError));
    } finally {
      setIsConfirming(false);
    }
  }

  return (
    <li
      ref={itemRef}
      {...drag.dropProps(section.id)}
      className={cn(
        'rounded-2xl border bg-white shadow-sm',
        drag.overId === section.id ? 'border-indigo-400 ring-2 ring-indigo-300' : 'border-slate-200',
      )}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-3 sm:p-4">
        <DragHandle {...drag.handleProps(section.id, itemRef)} />
        <h3 id={headingId} className="min-w-0 flex-1 font-semibold text-slate-900">
          <span className="text-slate-600">
            {t('studio.curriculum.sectionNumber', { number: index + 1 })}
          </span>{' '}
          {section.title}
        </h3>
        <div className="flex flex-wrap items-center gap-1">
          <Button
            size="sm"
            variant="ghost"
            aria-label={t('studio.curriculum.renameNamed', { name: section.title })}
            aria-expanded={mode === 'rename'}
            onClick={() => setMode(mode === 'rename' ? 'view' : 'rename')}
          >
            {t('studio.curriculum.rename')}
          </Button>
          <ReorderButtons index={index} count={count} name={section.title} onMove={onMove} />
          <Button
            size="sm"
            variant="ghost"
            className="text-red-700"
            aria-label={t('studio.curriculum.deleteNamed', { name: section.title })}
            onClick={() => setIsConfirming(true)}
          >
            {t('studio.curriculum.delete')}
          </Button>
        </div>
      </div>
      <div className="space-y-4 p-3 sm:p-4">
        {mode === 'rename' ? (
          <TitleForm
            label={t('studio.curriculum.sectionTitle')}
            submitLabel={t('studio.curriculum.saveTitle')}
            defaultValue={section.title}
            autoFocus
            onSave={async (title) => {
              await rename.mutateAsync({ sectionId: section.id, title });
              setMode('view');
            }}
            onCancel={() => setMode('view')}
          />
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {lessons.length === 0 ? (
          <p className="text-sm text-slate-600">{t('studio.curriculum.noLessons')}</p>
        ) : null}
        <ol className="space-y-2">
          {lessons.map((lesson, lessonIndex) => (
            <LessonItem
              key={lesson.id}
              courseId={courseId}
              lesson={lesson}
              index={lessonIndex}
              count={lessons.length}
              drag={lessonDrag}
              onMove={moveLesson}
              onAnnounce={onAnnounce}
              isOpen={openLessonId === lesson.id}
              onToggle={() => onOpenLesson(openLessonId === lesson.id ? null : lesson.id)}
            />
          ))}
        </ol>
        {mode === 'addLesson' ? (
          <TitleForm
            label={t('studio.curriculum.lessonTitle')}
            submitLabel={t('studio.curriculum.addLesson')}
            formLabel={t('studio.curriculum.addLessonTo', { name: section.title })}
            autoFocus
            extra={
              <SelectField
                label={t('studio.lesson.type')}
                name="type"
                defaultValue="video"
                options={LessonTypeSchema.options.map((type) => ({
                  value: type,
                  label: t(`lessonTypes.${type}`),
                }))}
              />
            }
            onSave={async (title, form) => {
              const type = LessonTypeSchema.catch('video').parse(new FormData(form).get('type'));
              const lesson = await addLesson.mutateAsync({ sectionId: section.id, body: { title, type } });
              setMode('view');
              onOpenLesson(lesson.id);
            }}
            onCancel={() => setMode('view')}
          />
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setMode('addLesson')}>
            {t('studio.curriculum.addLesson')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={isConfirming}
        title={t('studio.curriculum.deleteSectionTitle', { name: section.title })}
        description={t('studio.curriculum.deleteSectionBody', { count: section.lessons.length })}
        confirmLabel={t('studio.curriculum.delete')}
        isBusy={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setIsConfirming(false)}
      />
    </li>
  );
}
