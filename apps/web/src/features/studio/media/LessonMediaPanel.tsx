import { useTranslation } from 'react-i18next';
import type { StudioLesson } from '../../../api/types.ts';
import { Alert } from '../../../components/ui/Alert.tsx';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { LessonFileSection } from './LessonFileSection.tsx';
import { useLessonMedia } from './media-queries.ts';
import { ResourceList } from './ResourceList.tsx';

type LessonMediaPanelProps = { courseId: string; lesson: StudioLesson };

/**
 * The lesson's uploaded files: its own video (a video lesson) or PDF (a PDF lesson), and the
 * downloadable resources any lesson may carry (a "resources" lesson shows them as its body).
 */
export function LessonMediaPanel({ courseId, lesson }: LessonMediaPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const media = useLessonMedia(lesson.id);
  const headingId = `lesson-files-${lesson.id}`;
  const hasOwnFile = lesson.type === 'video' || lesson.type === 'pdf';

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {t('media.panel.title')}
      </h3>
      {media.isPending ? <p className="text-sm text-slate-700">{t('common.loading')}</p> : null}
      {media.isError ? <Alert tone="error">{errorMessage(media.error)}</Alert> : null}
      {media.data ? (
        <>
          {hasOwnFile ? (
            <LessonFileSection
              courseId={courseId}
              lessonId={lesson.id}
              kind={lesson.type === 'video' ? 'video' : 'pdf'}
              media={media.data}
            />
          ) : null}
          {!hasOwnFile && media.data.file ? (
            <Alert tone="warning">{t('media.panel.fileUnused', { name: media.data.file.fileName })}</Alert>
          ) : null}
          <ResourceList courseId={courseId} lessonId={lesson.id} media={media.data} />
        </>
      ) : null}
    </section>
  );
}
