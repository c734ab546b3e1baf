import { type CourseStatus, CourseStatuses } from '@9tangle/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listAdminCourses } from '../../api/admin-courses.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { cn } from '../../components/ui/cn.ts';
import { inputClasses } from '../../components/ui/Field.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { ApprovalSetting } from './ApprovalSetting.tsx';
import { adminCoursesKey, useReviewDecision } from './admin-courses-queries.ts';
import { RejectCourseDialog } from './RejectCourseDialog.tsx';
import { ReviewQueueTable } from './ReviewQueueTable.tsx';

const PAGE_SIZE = 20;
/** `?status=all` lists every course; no status is the review queue. */
const ALL = 'all';

/** `/admin/courses`: the review queue (or any status), the decisions, and the approval setting. */
export function AdminCoursesPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <ReviewQueue />;
}

function ReviewQueue() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const statusId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const [rejecting, setRejecting] = useState<{ id: string; title: string } | null>(null);
  const decide = useReviewDecision();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const param = searchParams.get('status');
  const filter: CourseStatus | typeof ALL =
    param === ALL ? ALL : (CourseStatuses.find((s) => s === param) ?? 'in_review');
  const status = filter === ALL ? undefined : filter;

  const courses = useQuery({
    queryKey: [...adminCoursesKey, { page, status: filter }],
    queryFn: () => listAdminCourses({ page, limit: PAGE_SIZE, status }),
    placeholderData: keepPreviousData,
  });

  function setFilters(next: { page?: number; status?: string }) {
    const params = new URLSearchParams();
    const nextStatus = next.status ?? filter;
    if (nextStatus !== 'in_review') params.set('status', nextStatus);
    if ((next.page ?? 1) > 1) params.set('page', String(next.page));
    setSearchParams(params);
  }

  return (
    <>
      <PageMeta title={t('adminCourses.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminCourses.title')}</h1>
      <p className="mt-2 text-slate-700">{t('adminCourses.subtitle')}</p>
      <div className="mt-6">
        <ApprovalSetting />
      </div>
      <div className="mt-8 flex flex-wrap items-end justify-between gap-4">
        <h2 className="text-xl font-semibold text-slate-900">{t(`adminCourses.heading.${filter}`)}</h2>
        <div className="w-52 space-y-1.5">
          <label htmlFor={statusId} className="block text-sm font-medium text-slate-800">
            {t('adminCourses.statusFilter')}
          </label>
          <select
            id={statusId}
            value={filter}
            onChange={(event) => setFilters({ status: event.currentTarget.value })}
            className={cn(inputClasses, 'border-slate-300')}
          >
            {[...CourseStatuses, ALL].map((option) => (
              <option key={option} value={option}>
                {t(`adminCourses.filter.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-4 space-y-4">
        {decide.isError ? <Alert tone="error">{errorMessage(decide.error)}</Alert> : null}
        {courses.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {courses.isError ? <Alert tone="error">{errorMessage(courses.error)}</Alert> : null}
        {courses.data ? (
          <>
            <ReviewQueueTable
              items={courses.data.items}
              busyId={decide.isPending && decide.variables.decision !== 'reject' ? decide.variables.id : null}
              onPublish={(course) => decide.mutate({ id: course.id, decision: 'publish' })}
              onUnpublish={(course) => decide.mutate({ id: course.id, decision: 'unpublish' })}
              onReject={(course) => setRejecting({ id: course.id, title: course.title })}
              onFeature={(course, featured) =>
                decide.mutate({ id: course.id, decision: featured ? 'feature' : 'unfeature' })
              }
            />
            <Pagination
              page={courses.data.pageInfo.page}
              pages={courses.data.pageInfo.pages}
              total={courses.data.pageInfo.total}
              onPage={(next) => setFilters({ page: next })}
              summary={t('adminCourses.pageSummary', {
                page: courses.data.pageInfo.page,
                pages: Math.max(1, courses.data.pageInfo.pages),
                count: courses.data.pageInfo.total,
              })}
            />
          </>
        ) : null}
      </div>
      <RejectCourseDialog
        key={rejecting?.id ?? 'closed'}
        course={rejecting}
        onClose={() => setRejecting(null)}
      />
    </>
  );
}
