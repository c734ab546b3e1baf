import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Modal } from '../../../components/ui/Modal.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { LessonHtml } from '../../learning/LessonHtml.tsx';
import { describeKey, describeResponse } from '../../quiz/describe-answer.ts';
import { useQuizErrorMessage } from '../../quiz/use-quiz-error.ts';
import { useStudioAttempt, useStudioAttempts } from './quiz-studio-queries.ts';

export type AttemptsTarget = {
  student: { id: string; name: string };
  quiz: { lessonId: string; title: string };
};

type AttemptsDialogProps = { courseId: string; target: AttemptsTarget | null; onClose: () => void };

/** One student's attempts at one quiz, and any of them in full: each answer, its grade and the key. */
export function AttemptsDialog({ courseId, target, onClose }: AttemptsDialogProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const titleId = useId();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useStudioAttempts(
    courseId,
    target ? { lessonId: target.quiz.lessonId, userId: target.student.id } : null,
  );
  const detail = useStudioAttempt(openId);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const close = () => {
    setOpenId(null);
    onClose();
  };

  return (
    <Modal open={target !== null} onClose={close} labelledBy={titleId} className="max-w-3xl">
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 p-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {target
              ? t('quizStudio.attemptsTitle', { name: target.student.name, quiz: target.quiz.title })
              : ''}
          </h2>
          <Button variant="secondary" size="sm" onClick={close}>
            {t('common.close')}
          </Button>
        </div>
        <div className="flex-1 space-y-5 overflow-y-auto p-5">
          {list.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
          {list.isError ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
          {list.data?.items.length === 0 ? (
            <p className="text-slate-700">{t('quizStudio.noAttempts')}</p>
          ) : null}
          {list.data && list.data.items.length > 0 ? (
            <ul className="flex flex-wrap gap-2">
              {list.data.items.map((a) => (
                <li key={a.id}>
                  <Button
                    size="sm"
                    variant={a.id === openId ? 'primary' : 'secondary'}
                    aria-pressed={a.id === openId}
                    onClick={() => setOpenId(a.id)}
                  >
                    {a.status === 'submitted'
                      ? t('quizStudio.attemptChip', { number: a.attemptNumber, percent: a.scorePercent ?? 0 })
                      : t('quizStudio.attemptChipOpen', { number: a.attemptNumber })}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          {detail.isError ? <Alert tone="error">{errorMessage(detail.error)}</Alert> : null}
          {detail.data ? (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">
                {t('quizStudio.attemptSummary', {
                  started: formatDateTime(detail.data.startedAt, i18n.language),
                  submitted: detail.data.submittedAt
                    ? formatDateTime(detail.data.submittedAt, i18n.language)
                    : t('quizStudio.notSubmitted'),
                })}
                {detail.data.scorePoints !== null
                  ? ` ${t('quiz.scoreLine', {
                      percent: detail.data.scorePercent,
                      points: number.format(detail.data.scorePoints),
                      max: number.format(detail.data.maxPoints ?? 0),
                    })}`
                  : null}
              </p>
              <ol className="space-y-3">
                {detail.data.questions.map(({ question, response, pointsAwarded, correct }, index) => (
                  <li key={question.id} className="space-y-2 rounded-xl border border-slate-200 p-4">
                    <p className="text-sm font-semibold text-slate-700">
                      {t('quiz.questionOf', { number: index + 1, total: detail.data.questions.length })}{' '}
                      <span className={correct ? 'text-emerald-800' : 'text-red-700'}>
                        {correct === null ? '' : correct ? t('quiz.correct') : t('quiz.incorrect')}
                      </span>{' '}
                      <span className="font-normal">
                        {t('quiz.pointsOf', {
                          points: number.format(pointsAwarded ?? 0),
                          count: question.points,
                        })}
                      </span>
                    </p>
                    <LessonHtml html={question.promptHtml} />
                    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                      <dt className="font-medium text-slate-700">{t('quizStudio.studentAnswer')}</dt>
                      <dd>{describeResponse(question, response, t)}</dd>
                      <dt className="font-medium text-slate-700">{t('quiz.correctAnswerLabel')}</dt>
                      <dd>{describeKey(question, question.answer, t, i18n.language)}</dd>
                    </dl>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
