import type { CourseInstructor, StudioCourse } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Avatar } from '../../../components/ui/Avatar.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { useMe } from '../../session/use-me.ts';
import { ReorderButtons } from '../curriculum/ReorderButtons.tsx';
import { AddInstructorForm } from './AddInstructorForm.tsx';
import { useCourseInstructors, useRemoveInstructor, useReorderInstructors } from './instructors-queries.ts';

/** The course's instructors: add by email, remove (never the last), and the order the course page shows. */
export function InstructorsTab({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const instructors = useCourseInstructors(course.id);
  const remove = useRemoveInstructor(course.id);
  const reorder = useReorderInstructors(course.id);
  const [leaving, setLeaving] = useState<CourseInstructor | null>(null);
  const items = instructors.data?.items ?? [];
  const failure = remove.error ?? reorder.error;

  function move(from: number, to: number) {
    const ids = items.map((i) => i.id);
    const [moved] = ids.splice(from, 1);
    if (moved) ids.splice(to, 0, moved);
    reorder.mutate(ids);
  }

  async function confirmRemove() {
    if (!leaving) return;
    const wasMe = leaving.id === me?.user.id;
    try {
      await remove.mutateAsync(leaving.id);
      setLeaving(null);
      // An instructor who leaves can no longer open the course (an admin still can).
      if (wasMe && me?.user.role !== 'admin') await navigate('/studio');
    } catch {
      setLeaving(null); // the refusal is shown below
    }
  }

  return (
    <section aria-labelledby="instructors-title" className="space-y-6">
      <div>
        <h2 id="instructors-title" className="text-xl font-semibold text-slate-900">
          {t('studioPeople.instructors.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('studioPeople.instructors.hint')}</p>
      </div>
      {instructors.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {instructors.isError ? <Alert tone="error">{errorMessage(instructors.error)}</Alert> : null}
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
      {items.length > 0 ? (
        <ol className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white shadow-sm">
          {items.map((person, index) => (
            <li key={person.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <Avatar user={person} size="sm" />
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">
                  {person.name}
                  {person.id === me?.user.id ? (
                    <span className="ms-2 text-xs font-normal text-slate-600">
                      {t('studioPeople.instructors.you')}
                    </span>
                  ) : null}
                </p>
                <p className="truncate text-xs text-slate-600" dir="ltr">
                  {person.email}
                </p>
              </div>
              {course.status === 'published' && person.slug ? (
                <TextLink to={`/instructors/${person.slug}`} className="text-sm">
                  {t('studioPeople.instructors.profile')}
                </TextLink>
              ) : null}
              <ReorderButtons
                index={index}
                count={items.length}
                name={person.name}
                disabled={reorder.isPending}
                onMove={move}
              />
              <Button
                size="sm"
                variant="secondary"
                disabled={items.length === 1}
                title={items.length === 1 ? t('studioPeople.instructors.lastOne') : undefined}
                onClick={() => setLeaving(person)}
                aria-label={t('studioPeople.instructors.removeLabel', { name: person.name })}
              >
                {t('studioPeople.instructors.remove')}
              </Button>
            </li>
          ))}
        </ol>
      ) : null}
      <AddInstructorForm courseId={course.id} />
      <ConfirmDialog
        open={leaving !== null}
        title={t('studioPeople.instructors.confirmTitle', { name: leaving?.name ?? '' })}
        description={t(
          leaving?.id === me?.user.id
            ? 'studioPeople.instructors.confirmSelf'
            : 'studioPeople.instructors.confirmOther',
        )}
        confirmLabel={t('studioPeople.instructors.remove')}
        isBusy={remove.isPending}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setLeaving(null)}
      />
    </section>
  );
}
