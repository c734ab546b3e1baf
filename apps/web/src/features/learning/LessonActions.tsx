import type { LessonContent, ProgressResult } from '@9tangle/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { setLessonCompleted } from '../../api/learning.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { learnPath } from './learning-paths.ts';

type LessonActionsProps = {
  slug: string;
  lesson: LessonContent;
  /** Enrolled (true), previewing (false), or not known yet (null). */
  canTrack: boolean | null;
  onResult: (result: ProgressResult) => void;
};

/**
 * "Mark complete" (one button whose label follows the state, so focus stays on it) and the way to the
 * previous and next lessons; a quiz says how it completes instead. Someone previewing sees how to enroll.
 */
export function LessonActions({ slug, lesson, canTrack, onResult }: LessonActionsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const toggle = useMutation({
    mutationFn: (isCompleted: boolean) => setLessonCompleted(lesson.id, isCompleted),
    onSuccess: onResult,
  });
  const isCompleted = lesson.progress.completed;

  return (
    <div className="space-y-4 border-t border-slate-200 pt-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        {canTrack === null ? (
          <span />
        ) : canTrack && lesson.type === 'quiz' ? (
          // A quiz completes by passing it, never by a click.
          <p className={isCompleted ? 'font-semibold text-emerald-800' : 'text-sm text-slate-700'}>
            {isCompleted ? (
              <>
                {t('player.completed')} <span aria-hidden="true">✓</span>
              </>
            ) : (
              t('quiz.completeByPassing')
            )}
          </p>
        ) : canTrack ? (
          <Button
            variant={isCompleted ? 'secondary' : 'primary'}
            isLoading={toggle.isPending}
            onClick={() => toggle.mutate(!isCompleted)}
          >
            {isCompleted ? (
              <>
                <span className="text-emerald-800">
                  {t('player.completed')} <span aria-hidden="true">✓</span>
                </span>
                <span className="font-normal text-slate-700">({t('player.undo')})</span>
              </>
            ) : (
              t('player.markComplete')
            )}
          </Button>
        ) : (
          <p className="text-sm text-slate-700">
            {t('player.previewNote')} <TextLink to={`/courses/${slug}`}>{t('player.viewCourse')}</TextLink>
          </p>
        )}
        <nav aria-label={t('player.lessonNav')} className="flex flex-wrap gap-2">
          {lesson.prevLessonId ? (
            <Button asChild variant="secondary">
              <Link to={learnPath(slug, lesson.prevLessonId)} rel="prev">
                <span aria-hidden="true" className="inline-block rtl:rotate-180">
                  ←
                </span>
                {t('player.previous')}
              </Link>
            </Button>
          ) : null}
          {lesson.nextLessonId ? (
            <Button asChild variant={isCompleted || !canTrack ? 'primary' : 'secondary'}>
              <Link to={learnPath(slug, lesson.nextLessonId)} rel="next">
                {t('player.next')}
                <span aria-hidden="true" className="inline-block rtl:rotate-180">
                  →
                </span>
              </Link>
            </Button>
          ) : null}
        </nav>
      </div>
      {toggle.isError ? <Alert tone="error">{errorMessage(toggle.error)}</Alert> : null}
    </div>
  );
}
