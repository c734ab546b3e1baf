import type { MeResponse, StudioCourse } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { CourseHistory } from './CourseHistory.tsx';
import { CourseStatusBadge } from './CourseStatusBadge.tsx';
import { CurriculumEditor } from './curriculum/CurriculumEditor.tsx';
import { CourseDetailsForm } from './details/CourseDetailsForm.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { StudioGate } from './StudioGate.tsx';
import { useStudioCourse } from './studio-queries.ts';

const TABS = ['details', 'curriculum', 'history'] as const;
type Tab = (typeof TABS)[number];

/** `/studio/courses/:id`: the course editor, one part per `?tab=`, with the status beside it. */
export function CourseEditorPage() {
  const { t } = useTranslation();
  return <StudioGate title={t('studio.editor.title')}>{(me) => <CourseEditor me={me} />}</StudioGate>;
}

function CourseEditor({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { id = '' } = useParams();
  const course = useStudioCourse(id);

  if (course.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  // Someone else's course answers 404 as well: "not found" either way.
  if (isApiError(course.error) && course.error.status === 404) return <NotFoundPage />;
  if (course.isError) return <Alert tone="error">{errorMessage(course.error)}</Alert>;
  return <EditorLayout course={course.data} me={me} />;
}

function EditorLayout({ course, me }: { course: StudioCourse; me: MeResponse }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = TABS.find((candidate) => candidate === requested) ?? 'details';

  return (
    <>
      <PageMeta
        title={t('studio.editor.pageTitle', { title: course.title })}
        description={t('meta.private')}
        noIndex
      />
      <p>
        <TextLink to="/studio">{t('studio.backToStudio')}</TextLink>
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-3xl font-bold tracking-tight break-words text-slate-900">
          {course.title}
        </h1>
        <CourseStatusBadge status={course.status} />
      </div>
      <nav aria-label={t('studio.editor.sections')} className="mt-6 border-b border-slate-200">
        <ul className="-mb-px flex gap-1 overflow-x-auto">
          {TABS.map((candidate) => (
            <li key={candidate}>
              <Link
                to={`?tab=${candidate}`}
                aria-current={candidate === tab ? 'page' : undefined}
                className={cn(
                  'block rounded-t-lg border-b-2 px-4 py-2.5 text-sm font-semibold whitespace-nowrap',
                  candidate === tab
                    ? 'border-indigo-600 text-indigo-800'
                    : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900',
                  focusRing,
                )}
              >
                {t(`studio.editor.tabs.${candidate}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_18rem]">
        {/* First on phones (what state the course is in), beside the editor on wide screens. */}
        <div className="lg:col-start-2 lg:row-start-1">
          <StatusPanel course={course} isAdmin={me.user.role === 'admin'} />
        </div>
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          {tab === 'details' ? <CourseDetailsForm course={course} /> : null}
          {tab === 'curriculum' ? <CurriculumEditor course={course} /> : null}
          {tab === 'history' ? <CourseHistory courseId={course.id} /> : null}
        </div>
      </div>
    </>
  );
}
