import type { LessonContent, ProgressResult } from '@9tangle/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { LessonHtml } from '../learning/LessonHtml.tsx';
import { QuizAttemptForm } from './QuizAttemptForm.tsx';
import { QuizIntroCard } from './QuizIntroCard.tsx';
import { QuizResults } from './QuizResults.tsx';
import { useQuizAttempt, useQuizIntro, useStartAttempt } from './quiz-queries.ts';
import { useQuizErrorMessage } from './use-quiz-error.ts';

type QuizLessonProps = {
  lesson: LessonContent;
  canTrack: boolean;
  onResult: (result: ProgressResult) => void;
};

/**
 * Taking a quiz in the player: the intro, one attempt at a time (questions, countdown, autosave,
 * submit), then the results with feedback and a retake when one is left. Only enrolled students take
 * quizzes; the answers are graded on the server.
 */
export function QuizLesson({ lesson, canTrack, onResult }: QuizLessonProps) {
  const { t } = useTranslation();
  const instructions = lesson.contentHtml ? <LessonHtml html={lesson.contentHtml} /> : null;
  if (!canTrack) {
    return (
      <div className="space-y-6">
        {instructions}
        <Alert tone="info">{t('quiz.enrollToTake')}</Alert>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {instructions}
      {/* A new lesson starts at its own intro. */}
      <QuizPanel key={lesson.id} lessonId={lesson.id} onResult={onResult} />
    </div>
  );
}

function QuizPanel({ lessonId, onResult }: { lessonId: string; onResult: (result: ProgressResult) => void }) {
  const { t } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const intro = useQuizIntro(lessonId, true);
  const start = useStartAttempt(lessonId);
  const [attemptId, setAttemptId] = useState<string | null>(null);

  if (intro.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (intro.isError) return <Alert tone="error">{errorMessage(intro.error)}</Alert>;

  const startAttempt = () => start.mutate(undefined, { onSuccess: (attempt) => setAttemptId(attempt.id) });
  if (attemptId) {
    return (
      <AttemptView
        key={attemptId}
        lessonId={lessonId}
        attemptId={attemptId}
        canRetake={intro.data.canStart && !intro.data.openAttempt}
        isStarting={start.isPending}
        onRetake={startAttempt}
        onBack={() => setAttemptId(null)}
        onResult={onResult}
      />
    );
  }
  return (
    <div className="space-y-4">
      {start.isError ? <Alert tone="error">{errorMessage(start.error)}</Alert> : null}
      <QuizIntroCard
        intro={intro.data}
        isStarting={start.isPending}
        onStart={startAttempt}
        onOpenAttempt={setAttemptId}
      />
    </div>
  );
}

type AttemptViewProps = {
  lessonId: string;
  attemptId: string;
  canRetake: boolean;
  isStarting: boolean;
  onRetake: () => void;
  onBack: () => void;
  onResult: (result: ProgressResult) => void;
};

/** One attempt: the form while it is open, its results once submitted. */
function AttemptView({
  lessonId,
  attemptId,
  canRetake,
  isStarting,
  onRetake,
  onBack,
  onResult,
}: AttemptViewProps) {
  const { t } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const attempt = useQuizAttempt(attemptId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = attempt.data ? `${attempt.data.id}:${attempt.data.status}` : null;

  // Focus follows the student: to the attempt when it opens, to the result when it is graded.
  useEffect(() => {
    if (shown) headingRef.current?.focus();
  }, [shown]);

  // Grading (a submission, or reading an attempt whose time ran out) may complete the lesson: the
  // outline hears of it once per answer. The callback changes every render, so it is read from a ref.
  const progress = attempt.data?.progress ?? null;
  const onResultRef = useRef(onResult);
  onResultRef.current = onResult;
  const reported = useRef<ProgressResult | null>(null);
  useEffect(() => {
    if (!progress || reported.current === progress) return;
    reported.current = progress;
    onResultRef.current(progress);
  }, [progress]);

  if (attempt.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (attempt.isError) return <Alert tone="error">{errorMessage(attempt.error)}</Alert>;
  const back = (
    <Button variant="secondary" onClick={onBack}>
      {t('quiz.backToOverview')}
    </Button>
  );
  if (attempt.data.status === 'submitted') {
    return (
      <QuizResults
        attempt={attempt.data}
        headingRef={headingRef}
        actions={
          <>
            {canRetake ? (
              <Button isLoading={isStarting} onClick={onRetake}>
                {t('quiz.retake')}
              </Button>
            ) : null}
            {back}
          </>
        }
      />
    );
  }
  return (
    <div className="space-y-4">
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900 outline-none">
        {t('quiz.attemptHeading', { number: attempt.data.attemptNumber })}
      </h2>
      <QuizAttemptForm lessonId={lessonId} attempt={attempt.data} />
    </div>
  );
}
