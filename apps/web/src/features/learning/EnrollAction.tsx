import type { CourseDetail } from '@9tangle/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { enrollInCourse } from '../../api/learning.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { PaidItemActions } from '../cart/PaidItemActions.tsx';
import { useMe } from '../session/use-me.ts';
import { learnPath } from './learning-paths.ts';
import { type MyCourse, myCoursesQueryKey, useMyCourses } from './learning-queries.ts';

/**
 * The course page's call to action. Signed out it leads to sign-in and back; unverified, to the
 * verification page. Whether the student is already enrolled is private, so it is fetched in the
 * browser only: the server (and the first client render) show the neutral "enroll" state, which is
 * harmless to click because enrolling twice just answers the existing enrollment.
 */
export function EnrollAction({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isVerified = me?.user.emailVerified === true;
  const myCourses = useMyCourses(isVerified);
  const isFree = course.isFree || course.priceMinor === 0;
  const label = isFree ? t('course.enrollFree') : t('course.buyNow');
  const next = encodeURIComponent(`/courses/${course.slug}`);

  if (!me && !isFree) return <PaidItemActions itemType="course" itemId={course.id} />;
  if (!me) {
    return (
      <Button asChild size="lg" className="w-full">
        <Link to={`/login?next=${next}`}>{label}</Link>
      </Button>
    );
  }
  if (!isVerified) {
    return (
      <p className="rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950">
        {t('learning.cta.verifyFirst')}{' '}
        <TextLink to={`/verify-code?next=${next}`}>{t('learning.cta.verifyLink')}</TextLink>
      </p>
    );
  }
  const enrolled = myCourses.data?.items.find((item) => item.course.id === course.id);
  if (enrolled) return <EnrolledAction item={enrolled} />;
  if (!isFree) return <PaidItemActions itemType="course" itemId={course.id} />;
  return <EnrollButton slug={course.slug} label={label} />;
}

function EnrollButton({ slug, label }: { slug: string; label: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const enroll = useMutation({
    mutationFn: () => enrollInCourse(slug),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: myCoursesQueryKey });
      // The player's start page opens the lesson to continue with.
      await navigate(learnPath(slug));
    },
  });
  return (
    <div className="space-y-3">
      <Button size="lg" className="w-full" isLoading={enroll.isPending} onClick={() => enroll.mutate()}>
        {label}
      </Button>
      {enroll.isError ? <Alert tone="error">{errorMessage(enroll.error)}</Alert> : null}
    </div>
  );
}

function EnrolledAction({ item }: { item: MyCourse }) {
  const { t } = useTranslation();
  const { enrollment, course, continueLessonId } = item;
  const hasStarted = enrollment.lastLessonId !== null || enrollment.completedLessons > 0;
  return (
    <div className="space-y-2">
      <Button asChild size="lg" className="w-full">
        <Link to={learnPath(course.slug, continueLessonId)}>
          {hasStarted ? t('learning.cta.continue') : t('learning.cta.goToCourse')}
        </Link>
      </Button>
      <p className="text-center text-sm text-slate-700">
        {t('learning.cta.enrolled', { percent: enrollment.progressPercent })}
      </p>
    </div>
  );
}
