import type { LessonContent, ProgressResult } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { LessonHtml } from './LessonHtml.tsx';
import { LessonVideo } from './LessonVideo.tsx';

type LessonBodyProps = {
  lesson: LessonContent;
  canTrack: boolean;
  onResult: (result: ProgressResult) => void;
};

/** What a lesson shows, by type: the video, the article, or a notice for types still to come. */
export function LessonBody({ lesson, canTrack, onResult }: LessonBodyProps) {
  const { t } = useTranslation();
  const html = lesson.contentHtml ? <LessonHtml html={lesson.contentHtml} /> : null;
  if (lesson.type === 'video') {
    return (
      <div className="space-y-6">
        <LessonVideo lesson={lesson} canTrack={canTrack} onResult={onResult} />
        {html}
      </div>
    );
  }
  if (lesson.type === 'text') {
    return html ?? <p className="text-slate-700">{t('player.noContent')}</p>;
  }
  // PDF, resources and quizzes get their own viewers in later slices.
  return (
    <div className="space-y-6">
      <Alert tone="info">{t('player.typeSoon', { type: t(`lessonTypes.${lesson.type}`) })}</Alert>
      {html}
    </div>
  );
}
