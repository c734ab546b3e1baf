import type { CourseStatus, StudioCourse } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseStatusAction } from '../../api/studio.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { CourseStatusBadge } from './CourseStatusBadge.tsx';
import { useCourseStatus, useStudioPublishing } from './studio-queries.ts';

/** What can be done from each status; the server has the last word and its refusals are shown. */
const ACTIONS: Record<CourseStatus, CourseStatusAction[]> = {
  draft: ['submit', 'archive'],
  in_review: ['archive'],
  published: ['archive'],
  archived: ['unarchive'],
};

type StatusPanelProps = { course: StudioCourse; isAdmin: boolean };

/**
 * The course's status, what it means, and the buttons that move it on (submit, archive, unarchive).
 * "Submit" is named for what it will do: publish at once (admins, or no approval required) or ask for a
 * review.
 */
export function StatusPanel({ course, isAdmin }: StatusPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const status = useCourseStatus(course.id);
  const publishing = useStudioPublishing();
  const submitPublishes = publishing.data?.submitPublishes ?? isAdmin;
  const [done, setDone] = useState<string | null>(null);
  const actions = ACTIONS[course.status];

  async function run(action: CourseStatusAction) {
    setDone(null);
    try {
      const updated = await status.mutateAsync(action);
      setDone(t(`studio.statusPanel.done.${updated.status}`));
    } catch {
      // Shown from `status.error` below.
    }
  }

  return (
    <section
      aria-labelledby="status-title"
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm lg:sticky lg:top-6"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="status-title" className="text-lg font-semibold text-slate-900">
          {t('studio.statusPanel.title')}
        </h2>
        <CourseStatusBadge status={course.status} />
      </div>
      <p className="text-sm text-slate-700">
        {course.status === 'draft' && submitPublishes
          ? t('studio.statusPanel.explain.draftDirect')
          : t(`studio.statusPanel.explain.${course.status}`)}
      </p>
      {course.status === 'published' ? (
        <p className="text-sm">
          <TextLink to={`/courses/${course.slug}`}>{t('studio.statusPanel.viewPublic')}</TextLink>
        </p>
      ) : null}
      <div className="flex flex-col gap-2">
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === 'submit' ? 'primary' : 'secondary'}
            isLoading={status.isPending && status.variables === action}
            disabled={status.isPending}
            onClick={() => void run(action)}
          >
            {action === 'submit'
              ? t(submitPublishes ? 'studio.statusPanel.publish' : 'studio.statusPanel.submit')
              : t(`studio.statusPanel.${action}`)}
          </Button>
        ))}
      </div>
      {status.isError ? <Alert tone="error">{errorMessage(status.error)}</Alert> : null}
      {done && !status.isError ? <Alert tone="success">{done}</Alert> : null}
    </section>
  );
}
