import type { LessonContent, ProgressResult } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { QuizLesson } from '../quiz/QuizLesson.tsx';
import { LessonHtml } from './LessonHtml.tsx';
import { LessonVideo } from './LessonVideo.tsx';
import { LessonResources } from './media/LessonResources.tsx';
import { PdfLesson } from './media/PdfLesson.tsx';

type LessonBodyProps = {
  lesson: LessonContent;
  canTrack: boolean;
  onResult: (result: ProgressResult) => void;
};

/** What a lesson shows, by type: the video, the article, or a notice for types still to come. */
export function LessonBody({ lesson, canTrack, onResult }: LessonBodyProps) {
  const { t } = useTranslation();
  const html = lesson.contentHtml ? <LessonHtml html={lesson.contentHtml} /> : null;
  // Any lesson may carry downloadable resources; they follow its body.
  const resources = <LessonResources lesson={lesson} />;
  if (lesson.type === 'video') {
    return (
      <div className="space-y-6">
        <LessonVideo lesson={lesson} canTrack={canTrack} onResult={onResult} />
        {html}
        {resources}
      </div>
    );
  }
  if (lesson.type === 'text') {
    return (
      <div className="space-y-6">
        {html ?? <p className="text-slate-700">{t('player.noContent')}</p>}
        {resources}
      </div>
    );
  }
  if (lesson.type === 'quiz') {
    return <QuizLesson lesson={lesson} canTrack={canTrack} onResult={onResult} />;
  }
  if (lesson.type === 'pdf') {
    return (
      <div className="space-y-6">
        <PdfLesson lesson={lesson} />
        {html}
        {resources}
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {html}
      {resources}
    </div>
  );
}
