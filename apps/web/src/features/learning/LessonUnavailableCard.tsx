import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { LessonHeading } from './LessonHeading.tsx';

type LessonUnavailableCardProps = {
  headingRef: Ref<HTMLHeadingElement>;
  slug: string;
  /** Signed in but the address is not confirmed yet: confirming comes before enrolling. */
  needsVerification: boolean;
};

/** A lesson this visitor may not open (not enrolled, or not a preview): the way in. */
export function LessonUnavailableCard({ headingRef, slug, needsVerification }: LessonUnavailableCardProps) {
  const { t } = useTranslation();
  const coursePath = `/courses/${slug}`;
  return (
    <div className="space-y-4">
      <LessonHeading ref={headingRef}>{t('player.notEnrolledTitle')}</LessonHeading>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-slate-700">
          {needsVerification ? t('player.verifyText') : t('player.notEnrolledText')}
        </p>
        <Button asChild className="mt-4">
          {needsVerification ? (
            <Link to={`/verify-code?next=${encodeURIComponent(coursePath)}`}>
              {t('learning.cta.verifyLink')}
            </Link>
          ) : (
            <Link to={coursePath}>{t('player.viewCourse')}</Link>
          )}
        </Button>
      </div>
    </div>
  );
}
