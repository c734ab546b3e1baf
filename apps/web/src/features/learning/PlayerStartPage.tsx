import type { MeResponse } from '@9tangle/contracts';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';
import { LessonUnavailableCard } from './LessonUnavailableCard.tsx';
import { learnPath } from './learning-paths.ts';
import { usePlayerCourse } from './learning-queries.ts';

/** `/courses/:slug/learn`: opens the lesson to continue with (where enrolling leads). */
export function PlayerStartPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  return <RequireAuth title={t('player.title')}>{(me) => <StartRedirect slug={slug} me={me} />}</RequireAuth>;
}

function StartRedirect({ slug, me }: { slug: string; me: MeResponse }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isVerified = me.user.emailVerified;
  const player = usePlayerCourse(slug, isVerified);
  const meta = <PageMeta title={t('player.title')} description={t('meta.private')} noIndex />;

  if (!isVerified || (player.isError && isApiError(player.error) && player.error.status === 404)) {
    return (
      <>
        {meta}
        <LessonUnavailableCard headingRef={headingRef} slug={slug} needsVerification={!isVerified} />
      </>
    );
  }
  if (player.isError) {
    return (
      <>
        {meta}
        <Alert tone="error">{errorMessage(player.error)}</Alert>
      </>
    );
  }
  if (player.isPending) {
    return (
      <>
        {meta}
        <p role="status" className="text-slate-700">
          {t('common.loading')}
        </p>
      </>
    );
  }
  const first = player.data.sections.flatMap((section) => section.lessons)[0]?.id;
  const target = player.data.continueLessonId ?? first;
  if (!target) {
    return (
      <>
        {meta}
        <Alert tone="info">{t('player.noLessons')}</Alert>
      </>
    );
  }
  return <Navigate to={learnPath(slug, target)} replace />;
}
