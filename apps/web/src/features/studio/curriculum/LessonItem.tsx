import type { StudioCourse } from '@9tangle/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { cn } from '../../../components/ui/cn.ts';
import { formatClock } from '../../../lib/format-duration.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { LessonTypeIcon } from '../../catalog/LessonTypeIcon.tsx';
import { useDeleteLesson } from './curriculum-queries.ts';
import { DragHandle } from './DragHandle.tsx';
import { LessonEditor } from './LessonEditor.tsx';
import { ReorderButtons } from './ReorderButtons.tsx';
import type { useDragReorder } from './use-drag-reorder.ts';

type Lesson = StudioCourse['sections'][number]['lessons'][number];

type LessonItemProps = {
  courseId: string;
  lesson: Lesson;
  index: number;
  count: number;
  drag: ReturnType<typeof useDragReorder>;
  onMove: (from: number, to: number) => void;
  onAnnounce: (text: string) => void;
  isOpen: boolean;
  onToggle: () => void;
};

/** A lesson in the outline: type, title, badges, actions, and its editor when opened. */
export function LessonItem({
  courseId,
  lesson,
  index,
  count,
  drag,
  onMove,
  onAnnounce,
  isOpen,
  onToggle,
}: LessonItemProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const itemRef = useRef<HTMLLIElement>(null);
  const remove = useDeleteLesson(courseId);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editorId = `lesson-editor-${lesson.id}`;

  async function confirmDelete() {
    try {
      await remove.mutateAsync(lesson.id);
      onAnnounce(t('studio.curriculum.deleted', { name: lesson.title }));
    } catch (deleteError) {
      setError(errorMessage(deleteError));
    } finally {
      setIsConfirming(false);
    }
  }

  return (
    <li
      ref={itemRef}
      {...drag.dropProps(lesson.id)}
      className={cn(
        'rounded-xl border bg-slate-50',
        drag.overId === lesson.id ? 'border-indigo-400 ring-2 ring-indigo-300' : 'border-slate-200',
      )}
    >
      <div className="flex flex-wrap items-center gap-2 p-2">
        <DragHandle {...drag.handleProps(lesson.id, itemRef)} />
        <span className="text-slate-600">
          <LessonTypeIcon type={lesson.type} />
        </span>
        <span className="sr-only">{t(`lessonTypes.${lesson.type}`)}:</span>
        <span className="min-w-0 flex-1 text-sm font-medium text-slate-900">{lesson.title}</span>
        {lesson.isPreview ? (
          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
            {t('course.preview')}
          </span>
        ) : null}
        {lesson.durationSeconds ? (
          <span className="text-sm tabular-nums text-slate-600">{formatClock(lesson.durationSeconds)}</span>
        ) : null}
        <div className="flex flex-wrap items-center gap-1">
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={isOpen}
            aria-controls={isOpen ? editorId : undefined}
            aria-label={t('studio.curriculum.editNamed', { name: lesson.title })}
            onClick={onToggle}
          >
            {t('studio.curriculum.edit')}
          </Button>
          <ReorderButtons index={index} count={count} name={lesson.title} onMove={onMove} />
          <Button
            size="sm"
            variant="ghost"
            className="text-red-700"
            aria-label={t('studio.curriculum.deleteNamed', { name: lesson.title })}
            onClick={() => setIsConfirming(true)}
          >
            {t('studio.curriculum.delete')}
          </Button>
        </div>
      </div>
      {error ? (
        <Alert tone="error" className="mx-2 mb-2">
          {error}
        </Alert>
      ) : null}
      {isOpen ? (
        <div id={editorId} className="border-t border-slate-200 bg-white p-4">
          <LessonEditor courseId={courseId} lessonId={lesson.id} />
        </div>
      ) : null}
      <ConfirmDialog
        open={isConfirming}
        title={t('studio.curriculum.deleteLessonTitle', { name: lesson.title })}
        description={t('studio.curriculum.deleteLessonBody')}
        confirmLabel={t('studio.curriculum.delete')}
        isBusy={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setIsConfirming(false)}
      />
    </li>
  );
}
