import type { QuizAttemptView, QuizResponse } from '@9tangle/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { formatClock } from '../../lib/format-duration.ts';
import { QuizQuestionField } from './QuizQuestionField.tsx';
import { QuizSubmitDialog } from './QuizSubmitDialog.tsx';
import { useSubmitAttempt } from './quiz-queries.ts';
import { useCountdown } from './use-countdown.ts';
import { useQuizAutosave } from './use-quiz-autosave.ts';
import { useQuizErrorMessage } from './use-quiz-error.ts';

type QuizAttemptFormProps = {
  lessonId: string;
  attempt: QuizAttemptView;
};

/** The saved answers as the form holds them (a number as the student typed it). */
function initialAnswers(attempt: QuizAttemptView): Record<string, QuizResponse> {
  const out: Record<string, QuizResponse> = {};
  for (const a of attempt.answers)
    out[a.questionId] = 'text' in a.response ? { text: a.response.text } : a.response;
  return out;
}

const isAnswered = (r: QuizResponse | undefined) =>
  !!r && ('optionIds' in r ? r.optionIds.length > 0 : 'text' in r ? r.text.trim() !== '' : true);

/**
 * An open attempt: every question on one page, answers saved as the student goes, the countdown from
 * the server's deadline (at zero the attempt is submitted with what was saved), and submission after
 * a confirmation. The graded attempt replaces the open one in the query cache, so the results follow.
 */
export function QuizAttemptForm({ lessonId, attempt }: QuizAttemptFormProps) {
  const { t } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const submit = useSubmitAttempt(lessonId);
  const [answers, setAnswers] = useState(() => initialAnswers(attempt));
  const [isConfirming, setIsConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const isSubmitting = useRef(false);
  const seconds = useCountdown(attempt.deadlineAt, attempt.serverNow);
  const autosave = useQuizAutosave(attempt.id, () => void submitNow());

  async function submitNow() {
    if (isSubmitting.current) return;
    isSubmitting.current = true;
    const unsaved = await autosave.takePending();
    try {
      await submit.mutateAsync({ attemptId: attempt.id, answers: unsaved });
    } catch {
      autosave.putBack(unsaved);
      isSubmitting.current = false;
    } finally {
      setIsConfirming(false);
    }
  }

  // At zero the server stops counting answers (after a few seconds of grace): submit what there is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the countdown only
  useEffect(() => {
    if (seconds === 0) void submitNow();
    if (seconds === 60) setAnnouncement(t('quiz.oneMinuteLeft'));
    if (seconds === 10) setAnnouncement(t('quiz.secondsLeft', { count: 10 }));
  }, [seconds]);

  const unanswered = attempt.questions.filter((q) => !isAnswered(answers[q.id])).length;
  const isLocked = submit.isPending || seconds === 0;
  return (
    <form
      noValidate
      aria-label={t('quiz.attemptLabel', { number: attempt.attemptNumber })}
      onSubmit={(event) => {
        event.preventDefault();
        setIsConfirming(true);
      }}
      className="space-y-6"
    >
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white/95 px-4 py-3 shadow-sm">
        <p className="text-sm text-slate-700">
          {t('quiz.answeredOf', {
            count: attempt.questions.length - unanswered,
            total: attempt.questions.length,
          })}
          <span aria-live="polite" className="ms-3 text-slate-600">
            {autosave.state === 'saving' ? t('quiz.saving') : null}
            {autosave.state === 'saved' ? t('quiz.saved') : null}
            {autosave.state === 'error' ? <span className="text-red-700">{t('quiz.saveFailed')}</span> : null}
          </span>
        </p>
        {seconds !== null ? (
          <p className="text-sm font-semibold">
            <span className="text-slate-700">{t('quiz.timeLeft')} </span>
            <span
              role="timer"
              className={seconds <= 60 ? 'text-red-700 tabular-nums' : 'text-slate-900 tabular-nums'}
            >
              {formatClock(seconds)}
            </span>
          </p>
        ) : null}
        <p aria-live="assertive" className="sr-only">
          {announcement}
        </p>
      </div>
      <ol className="space-y-5">
        {attempt.questions.map((question, index) => (
          <li key={question.id}>
            <QuizQuestionField
              question={question}
              index={index}
              total={attempt.questions.length}
              value={answers[question.id]}
              error={autosave.errors[question.id]}
              disabled={isLocked}
              onChange={(response, delayMs) => {
                setAnswers((before) => {
                  const next = { ...before };
                  if (response) next[question.id] = response;
                  else delete next[question.id];
                  return next;
                });
                autosave.setAnswer(question.id, response, delayMs);
              }}
            />
          </li>
        ))}
      </ol>
      {submit.isError ? <Alert tone="error">{errorMessage(submit.error)}</Alert> : null}
      {seconds === 0 ? <Alert tone="warning">{t('quiz.timeUpSubmitting')}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="lg" isLoading={submit.isPending} disabled={isLocked}>
          {t('quiz.submit')}
        </Button>
        <p className="text-sm text-slate-600">{t('quiz.autosaveNote')}</p>
      </div>
      <QuizSubmitDialog
        open={isConfirming}
        unanswered={unanswered}
        isBusy={submit.isPending}
        onConfirm={() => void submitNow()}
        onCancel={() => setIsConfirming(false)}
      />
    </form>
  );
}
