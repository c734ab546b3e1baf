import type { StudioCourse, StudioQuestion } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { htmlToText, truncateText } from '../../../lib/html-text.ts';
import { useQuizErrorMessage } from '../../quiz/use-quiz-error.ts';
import { moveItem } from '../curriculum/reorder.ts';
import { QuestionEditor } from './QuestionEditor.tsx';
import { QuestionRow } from './QuestionRow.tsx';
import {
  useArchiveQuestion,
  useDeleteQuestion,
  useQuestions,
  useReorderQuestions,
} from './quiz-studio-queries.ts';

/** Active questions grouped by pool, in the order the server lists them (pool, then position). */
function byPool(items: StudioQuestion[]): [string, StudioQuestion[]][] {
  const groups = new Map<string, StudioQuestion[]>();
  for (const q of items) groups.set(q.pool, [...(groups.get(q.pool) ?? []), q]);
  return [...groups];
}

/**
 * The course's question bank: questions of every type in pools (a quiz draws from one pool or from
 * all), added and edited in place, reordered, archived once students have had them.
 */
export function QuestionBankTab({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const bank = useQuestions(course.id);
  const archive = useArchiveQuestion(course.id);
  const remove = useDeleteQuestion(course.id);
  const reorder = useReorderQuestions(course.id);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const failure = archive.error ?? remove.error ?? reorder.error;

  if (bank.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (bank.isError) return <Alert tone="error">{errorMessage(bank.error)}</Alert>;
  const active = bank.data.items.filter((q) => q.archivedAt === null);
  const archived = bank.data.items.filter((q) => q.archivedAt !== null);
  const pools = bank.data.pools.map((p) => p.pool);
  const isBusy = archive.isPending || remove.isPending || reorder.isPending;
  const done = (saved: StudioQuestion | null) => {
    setEditing(null);
    if (saved) setAnnouncement(t('quizStudio.savedQuestion'));
  };
  const nameOf = (q: StudioQuestion) => truncateText(htmlToText(q.promptHtml), 40);

  return (
    <section aria-labelledby="bank-heading" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="bank-heading" className="text-xl font-semibold text-slate-900">
            {t('quizStudio.bankTitle')}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-700">{t('quizStudio.bankHint')}</p>
        </div>
        {editing !== 'new' ? (
          <Button onClick={() => setEditing('new')}>{t('quizStudio.addQuestion')}</Button>
        ) : null}
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
      {editing === 'new' ? (
        <QuestionEditor
          courseId={course.id}
          question={null}
          pools={pools}
          defaultPool={pools[0] ?? 'general'}
          onDone={done}
        />
      ) : null}
      {active.length === 0 && editing !== 'new' ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
          {t('quizStudio.emptyBank')}
        </p>
      ) : null}
      {byPool(active).map(([pool, questions]) => (
        <section key={pool} aria-labelledby={`pool-${pool}`} className="space-y-2">
          <h3 id={`pool-${pool}`} className="font-semibold text-slate-900">
            {t('quizStudio.poolHeading', { pool, count: questions.length })}
          </h3>
          <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
            {questions.map((q, index) => (
              <li key={q.id}>
                {editing === q.id ? (
                  <div className="p-3">
                    <QuestionEditor
                      courseId={course.id}
                      question={q}
                      pools={pools}
                      defaultPool={pool}
                      onDone={done}
                    />
                  </div>
                ) : (
                  <QuestionRow
                    question={q}
                    index={index}
                    count={questions.length}
                    isBusy={isBusy}
                    onEdit={() => setEditing(q.id)}
                    onMove={(from, to) => {
                      reorder.mutate({
                        pool,
                        ids: moveItem(
                          questions.map((x) => x.id),
                          from,
                          to,
                        ),
                      });
                      setAnnouncement(
                        t('quizStudio.moved', { name: nameOf(q), position: to + 1, count: questions.length }),
                      );
                    }}
                    onArchive={(isArchived) => {
                      archive.mutate({ id: q.id, isArchived });
                      setAnnouncement(t('quizStudio.archivedQuestion', { name: nameOf(q) }));
                    }}
                    onDelete={async () => {
                      await remove.mutateAsync(q.id).catch(() => undefined);
                      setAnnouncement(t('quizStudio.deletedQuestion', { name: nameOf(q) }));
                    }}
                  />
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {archived.length > 0 ? (
        <details className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <summary className="cursor-pointer px-4 py-3 font-semibold text-slate-900">
            {t('quizStudio.archivedHeading', { count: archived.length })}
          </summary>
          <ol className="divide-y divide-slate-200 border-t border-slate-200">
            {archived.map((q, index) => (
              <li key={q.id}>
                <QuestionRow
                  question={q}
                  index={index}
                  count={archived.length}
                  isBusy={isBusy}
                  onEdit={() => undefined}
                  onMove={() => undefined}
                  onArchive={(isArchived) => archive.mutate({ id: q.id, isArchived })}
                  onDelete={async () => undefined}
                />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
