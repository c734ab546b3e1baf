import type { QuizAttemptView } from '@9tangle/contracts';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';
import { LessonHtml } from '../learning/LessonHtml.tsx';
import { describeKey, describeResponse } from './describe-answer.ts';

type QuizResultsProps = {
  attempt: QuizAttemptView;
  headingRef?: Ref<HTMLHeadingElement>;
  actions: ReactNode;
};

/** A submitted attempt: the score against the pass mark, then each question with its feedback. */
export function QuizResults({ attempt, headingRef, actions }: QuizResultsProps) {
  const { t, i18n } = useTranslation();
  const result = attempt.result;
  if (!result) return null;
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const answers = new Map(attempt.answers.map((a) => [a.questionId, a.response]));
  const feedback = new Map(result.questions.map((f) => [f.questionId, f]));
  const timedOut =
    attempt.deadlineAt !== null && attempt.submittedAt !== null && attempt.submittedAt >= attempt.deadlineAt;

  return (
    <section aria-labelledby="quiz-result-heading" className="space-y-6">
      <div
        className={cn(
          'rounded-2xl border p-6',
          result.passed
            ? 'border-emerald-300 bg-emerald-50 text-emerald-950'
            : 'border-amber-300 bg-amber-50 text-amber-950',
        )}
      >
        <h2
          id="quiz-result-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-xl font-bold outline-none"
        >
          {result.passed ? t('quiz.passedTitle') : t('quiz.failedTitle')}
        </h2>
        <p className="mt-2 text-lg">
          {t('quiz.scoreLine', {
            percent: result.scorePercent,
            points: number.format(result.scorePoints),
            max: number.format(result.maxPoints),
          })}
        </p>
        <p className="mt-1 text-sm">{t('quiz.passMarkLine', { percent: result.passPercent })}</p>
        {timedOut ? <p className="mt-1 text-sm">{t('quiz.timedOut')}</p> : null}
        <div className="mt-4 flex flex-wrap gap-3">{actions}</div>
      </div>
      <ol className="space-y-4">
        {attempt.questions.map((q, index) => {
          const f = feedback.get(q.id);
          const partial = f && !f.correct && f.pointsAwarded > 0;
          return (
            <li key={q.id} className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
              <p className="flex flex-wrap items-center gap-2 text-sm font-semibold">
                <span className="text-slate-700">
                  {t('quiz.questionOf', { number: index + 1, total: attempt.questions.length })}
                </span>
                <span
                  className={cn(
                    'inline-flex items-center gap-1',
                    f?.correct ? 'text-emerald-800' : partial ? 'text-amber-800' : 'text-red-700',
                  )}
                >
                  <span aria-hidden="true">{f?.correct ? '✓' : partial ? '◐' : '✗'}</span>
                  {f?.correct ? t('quiz.correct') : partial ? t('quiz.partlyCorrect') : t('quiz.incorrect')}
                </span>
                <span className="font-normal text-slate-600">
                  {t('quiz.pointsOf', { points: number.format(f?.pointsAwarded ?? 0), count: q.points })}
                </span>
              </p>
              <LessonHtml html={q.promptHtml} />
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium text-slate-700">{t('quiz.yourAnswerLabel')}</dt>
                <dd className="text-slate-900">{describeResponse(q, answers.get(q.id), t)}</dd>
                {f?.correctAnswer ? (
                  <>
                    <dt className="font-medium text-slate-700">{t('quiz.correctAnswerLabel')}</dt>
                    <dd className="text-slate-900">{describeKey(q, f.correctAnswer, t, i18n.language)}</dd>
                  </>
                ) : null}
              </dl>
              {f?.explanationHtml ? (
                <div className="rounded-lg bg-slate-50 p-4 text-sm">
                  <p className="font-medium text-slate-800">{t('quiz.explanation')}</p>
                  <LessonHtml html={f.explanationHtml} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
