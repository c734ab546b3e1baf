import type { QuizIntro } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { formatMinutes } from '../../lib/format-duration.ts';

type QuizIntroCardProps = {
  intro: QuizIntro;
  isStarting: boolean;
  onStart: () => void;
  onOpenAttempt: (attemptId: string) => void;
};

/** Before an attempt: the rules, where the student stands, their past attempts, and Start / Resume / Retake. */
export function QuizIntroCard({ intro, isStarting, onStart, onOpenAttempt }: QuizIntroCardProps) {
  const { t, i18n } = useTranslation();
  const submitted = intro.attempts.filter((a) => a.status === 'submitted');
  const startLabel = intro.openAttempt
    ? t('quiz.resume')
    : submitted.length > 0
      ? t('quiz.retake')
      : t('quiz.start');
  return (
    <section aria-labelledby="quiz-intro-heading" className="space-y-6">
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="quiz-intro-heading" className="text-lg font-semibold text-slate-900">
          {t('quiz.introTitle')}
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">{t('quiz.questions')}</dt>
          <dd className="text-slate-900">{intro.questionCount}</dd>
          <dt className="font-medium text-slate-700">{t('quiz.passMark')}</dt>
          <dd className="text-slate-900">{t('quiz.percent', { percent: intro.passPercent })}</dd>
          <dt className="font-medium text-slate-700">{t('quiz.timeLimit')}</dt>
          <dd className="text-slate-900">
            {intro.timeLimitSeconds === null
              ? t('quiz.untimed')
              : formatMinutes(intro.timeLimitSeconds / 60, t)}
          </dd>
          <dt className="font-medium text-slate-700">{t('quiz.attempts')}</dt>
          <dd className="text-slate-900">
            {intro.attemptLimit === null
              ? t('quiz.attemptsUnlimited', { count: intro.attemptsUsed })
              : t('quiz.attemptsLimited', { count: intro.attemptsUsed, limit: intro.attemptLimit })}
          </dd>
          {intro.bestPercent !== null ? (
            <>
              <dt className="font-medium text-slate-700">{t('quiz.bestScore')}</dt>
              <dd className="text-slate-900">{t('quiz.percent', { percent: intro.bestPercent })}</dd>
            </>
          ) : null}
        </dl>
        {intro.passed ? (
          <p className="mt-4 font-semibold text-emerald-800">
            <span aria-hidden="true">✓ </span>
            {t('quiz.passedNote')}
          </p>
        ) : null}
        {intro.timeLimitSeconds !== null && !intro.openAttempt ? (
          <p className="mt-4 text-sm text-slate-700">{t('quiz.timedNote')}</p>
        ) : null}
        <div className="mt-6">
          {!intro.ready ? (
            <Alert tone="info">{t('quiz.notReady')}</Alert>
          ) : intro.canStart ? (
            <Button
              size="lg"
              isLoading={isStarting}
              onClick={() => (intro.openAttempt ? onOpenAttempt(intro.openAttempt.id) : onStart())}
            >
              {startLabel}
            </Button>
          ) : (
            <Alert tone="info">{t('quiz.noAttemptsLeft')}</Alert>
          )}
        </div>
      </div>
      {submitted.length > 0 ? (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-start text-sm">
            <caption className="px-4 pt-3 text-start font-semibold text-slate-900">
              {t('quiz.pastAttempts')}
            </caption>
            <thead className="text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 text-start font-semibold">
                  {t('quiz.attemptColumn')}
                </th>
                <th scope="col" className="px-4 py-2 text-start font-semibold">
                  {t('quiz.submittedColumn')}
                </th>
                <th scope="col" className="px-4 py-2 text-start font-semibold">
                  {t('quiz.scoreColumn')}
                </th>
                <th scope="col" className="px-4 py-2 text-start font-semibold">
                  <span className="sr-only">{t('quiz.resultsColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {submitted.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2 tabular-nums">{a.attemptNumber}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    {a.submittedAt ? formatDateTime(a.submittedAt, i18n.language) : ''}
                  </td>
                  <td className="px-4 py-2">
                    {t('quiz.percent', { percent: a.scorePercent ?? 0 })}{' '}
                    <span className={a.passed ? 'text-emerald-800' : 'text-slate-600'}>
                      ({a.passed ? t('quiz.passed') : t('quiz.notPassed')})
                    </span>
                  </td>
                  <td className="px-4 py-2 text-end">
                    <button
                      type="button"
                      onClick={() => onOpenAttempt(a.id)}
                      aria-label={t('quiz.viewAttempt', { number: a.attemptNumber })}
                      className={cn(
                        'rounded font-medium text-indigo-700 underline-offset-4 hover:underline',
                        focusRing,
                      )}
                    >
                      {t('quiz.viewResults')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
