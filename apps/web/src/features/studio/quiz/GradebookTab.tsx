import type { StudioCourse } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gradebookCsvUrl } from '../../../api/quizzes.ts';
import { Alert } from '../../../components/ui/Alert.tsx';
import { buttonClasses } from '../../../components/ui/Button.tsx';
import { cn, focusRing } from '../../../components/ui/cn.ts';
import { Pagination } from '../../../components/ui/Pagination.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useQuizErrorMessage } from '../../quiz/use-quiz-error.ts';
import { AttemptsDialog, type AttemptsTarget } from './AttemptsDialog.tsx';
import { useGradebook } from './quiz-studio-queries.ts';

/** Quiz attempts and scores per student (a page at a time), each cell opening the attempts; CSV export. */
export function GradebookTab({ course }: { course: StudioCourse }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<AttemptsTarget | null>(null);
  const book = useGradebook(course.id, page);

  return (
    <section aria-labelledby="gradebook-heading" className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="gradebook-heading" className="text-xl font-semibold text-slate-900">
            {t('quizStudio.gradebookTitle')}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-700">{t('quizStudio.gradebookHint')}</p>
        </div>
        <a href={gradebookCsvUrl(course.id)} download className={buttonClasses('secondary')}>
          {t('quizStudio.downloadCsv')}
        </a>
      </div>
      {book.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {book.isError ? <Alert tone="error">{errorMessage(book.error)}</Alert> : null}
      {book.data && book.data.quizzes.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
          {t('quizStudio.noQuizzes')}
        </p>
      ) : null}
      {book.data && book.data.quizzes.length > 0 && book.data.rows.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
          {t('quizStudio.noStudents')}
        </p>
      ) : null}
      {book.data && book.data.quizzes.length > 0 && book.data.rows.length > 0 ? (
        <>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="w-full text-start text-sm">
              <caption className="sr-only">{t('quizStudio.gradebookCaption')}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3 text-start font-semibold">
                    {t('quizStudio.studentColumn')}
                  </th>
                  {book.data.quizzes.map((quiz) => (
                    <th key={quiz.lessonId} scope="col" className="px-4 py-3 text-start font-semibold">
                      {quiz.title}
                    </th>
                  ))}
                  <th scope="col" className="px-4 py-3 text-start font-semibold">
                    {t('quizStudio.completedColumn')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {book.data.rows.map((row) => (
                  <tr key={row.student.id}>
                    <th scope="row" className="px-4 py-3 text-start font-normal">
                      <span className="block font-medium text-slate-900">{row.student.name}</span>
                      <span className="block text-slate-600" dir="ltr">
                        {row.student.email}
                      </span>
                    </th>
                    {row.cells.map((cell, index) => {
                      const quiz = book.data.quizzes[index];
                      if (!quiz) return null;
                      if (cell.attempts === 0 && !cell.inProgress)
                        return (
                          <td key={cell.lessonId} className="px-4 py-3 text-slate-500">
                            <span aria-hidden="true">—</span>
                            <span className="sr-only">{t('quizStudio.noAttempts')}</span>
                          </td>
                        );
                      return (
                        <td key={cell.lessonId} className="px-4 py-3">
                          <button
                            type="button"
                            onClick={() => setTarget({ student: row.student, quiz })}
                            className={cn('rounded text-start underline-offset-4 hover:underline', focusRing)}
                          >
                            <span className="block font-medium text-indigo-700">
                              {cell.bestPercent === null
                                ? t('quizStudio.inProgress')
                                : t('quiz.percent', { percent: cell.bestPercent })}
                            </span>
                            <span className="block text-slate-600">
                              {t('quizStudio.attemptsCount', { count: cell.attempts })}
                              {cell.passed ? ` · ${t('quiz.passed')}` : ''}
                            </span>
                          </button>
                        </td>
                      );
                    })}
                    <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                      {row.completedAt ? formatDate(row.completedAt, i18n.language) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pages={book.data.pageInfo.pages}
            total={book.data.pageInfo.total}
            onPage={setPage}
          />
        </>
      ) : null}
      <AttemptsDialog courseId={course.id} target={target} onClose={() => setTarget(null)} />
    </section>
  );
}
