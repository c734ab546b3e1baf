import type { MeResponse, StudioCourse } from '@9tangle/contracts';
import type { ReactNode } from 'react';
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
import { DailyVideosTab } from './daily-videos/DailyVideosTab.tsx';
import { CourseDetailsForm } from './details/CourseDetailsForm.tsx';
import { InstructorsTab } from './instructors/InstructorsTab.tsx';
import { GradebookTab } from './quiz/GradebookTab.tsx';
import { QuestionBankTab } from './quiz/QuestionBankTab.tsx';
import { ReviewsTab } from './reviews/ReviewsTab.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { StudioGate } from './StudioGate.tsx';
import { StudentsTab } from './students/StudentsTab.tsx';
import { useStudioCourse } from './studio-queries.ts';

/** The editor's parts, in the order of its tab bar; each is a component of its own feature folder. */
const TABS = {
  details: CourseDetailsForm,
  curriculum: CurriculumEditor,
  questions: QuestionBankTab,
  dailyVideos: DailyVideosTab,
  students: StudentsTab,
  gradebook: GradebookTab,
  reviews: ReviewsTab,
  instructors: InstructorsTab,
  history: ({ course }: { course: StudioCourse }) => <CourseHistory courseId={course.id} />,
} satisfies Record<string, (props: { course: StudioCourse }) => ReactNode>;
type Tab = keyof typeof TABS;
const TAB_NAMES = Object.keys(TABS) as Tab[];

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
  const tab: Tab = TAB_NAMES.find((candidate) => candidate === requested) ?? 'details';
  const TabContent = TABS[tab];

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
          {TAB_NAMES.map((candidate) => (
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
          <TabContent course={course} />
        </div>
      </div>
    </>
  );
}
