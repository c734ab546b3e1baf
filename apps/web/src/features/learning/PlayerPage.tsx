import type { ProgressResult } from '@9tangle/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { CourseCompleteBanner } from './CourseCompleteBanner.tsx';
import { LessonPanel } from './LessonPanel.tsx';
import { applyProgressResult, useLessonContent } from './learning-queries.ts';
import { PlayerSidebar } from './PlayerSidebar.tsx';
import { findOutlineLesson } from './player-outline.ts';
import { usePlayerOutline } from './use-player-outline.ts';

/**
 * `/courses/:slug/learn/:lessonId`, the lesson player. Private and per student, so its data is only
 * fetched in the browser: the server renders the loading skeleton (and `noindex`). Free previews open
 * for anyone, signed in or not. The component stays mounted from lesson to lesson.
 */
export function PlayerPage() {
  const { slug = '' } = useParams();
  // A new course starts with fresh state (the congratulations belong to one course).
  return <Player key={slug} slug={slug} />;
}

function Player({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const queryClient = useQueryClient();
  const outlineState = usePlayerOutline(slug);
  const lesson = useLessonContent(lessonId);
  const [isCelebrating, setIsCelebrating] = useState(false);
  const { outline } = outlineState;

  const onResult = useCallback(
    (forLessonId: string, result: ProgressResult) => {
      const hasJustCompleted = applyProgressResult(queryClient, { slug, lessonId: forLessonId, result });
      if (hasJustCompleted) setIsCelebrating(true);
      else if (!result.courseCompleted) setIsCelebrating(false);
    },
    [queryClient, slug],
  );

  const title = lesson.data?.title ?? outline?.courseTitle ?? t('player.title');
  return (
    <>
      <PageMeta title={title} description={t('meta.private')} noIndex />
      {/* The outline comes first, as it is seen: above the lesson on phones (folded), in the start
          column on wide screens. It holds no headings, so the lesson's <h1> is the first one. */}
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)] lg:gap-10">
        <PlayerSidebar slug={slug} state={outlineState} currentLessonId={lessonId} />
        <div className="min-w-0 space-y-8">
          <LessonPanel
            slug={slug}
            lessonId={lessonId}
            lesson={lesson}
            outlineLesson={findOutlineLesson(outline, lessonId)}
            canTrack={outline ? outline.isEnrolled : null}
            onResult={onResult}
          />
          {isCelebrating && outline ? <CourseCompleteBanner courseTitle={outline.courseTitle} /> : null}
        </div>
      </div>
    </>
  );
}
