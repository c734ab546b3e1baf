import type { LessonContent, ProgressResult } from '@9tangle/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useMe } from '../session/use-me.ts';
import { LessonActions } from './LessonActions.tsx';
import { LessonBody } from './LessonBody.tsx';
import { LessonHeading } from './LessonHeading.tsx';
import { LessonLockedCard } from './LessonLockedCard.tsx';
import { LessonUnavailableCard } from './LessonUnavailableCard.tsx';
import type { OutlineLesson } from './player-outline.ts';
import { useFocusOnChange } from './use-focus-on-change.ts';

type LessonPanelProps = {
  slug: string;
  lessonId: string;
  lesson: UseQueryResult<LessonContent>;
  /** The lesson's outline entry (title, lock), when the outline is known. */
  outlineLesson: OutlineLesson | null;
  /** Enrolled: progress is saved and the lesson can be marked complete (null: not known yet). */
  canTrack: boolean | null;
  onResult: (lessonId: string, result: ProgressResult) => void;
};

/** `details.availableAt` of a `lesson_locked` answer. */
function lockedUntil(details: unknown): string | null {
  if (details && typeof details === 'object' && 'availableAt' in details) {
    const value = (details as { availableAt: unknown }).availableAt;
    if (typeof value === 'string') return value;
  }
  return null;
}

/** The main column: the lesson (or why it cannot open), headed by the `<h1>` focus moves to. */
export function LessonPanel({ slug, lessonId, lesson, outlineLesson, canTrack, onResult }: LessonPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { data: me } = useMe();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(headingRef, lessonId, !lesson.isPending);

  if (lesson.isPending) {
    return (
      <div className="space-y-6">
        <p role="status" className="sr-only">
          {t('common.loading')}
        </p>
        <div aria-hidden="true" className="h-9 w-2/3 animate-pulse rounded-lg bg-slate-200" />
        <div aria-hidden="true" className="aspect-video w-full animate-pulse rounded-xl bg-slate-200" />
      </div>
    );
  }
  if (lesson.isError) {
    const { error } = lesson;
    if (isApiError(error, 'lesson_locked')) {
      return (
        <LessonLockedCard
          headingRef={headingRef}
          title={outlineLesson?.title ?? null}
          availableAt={lockedUntil(error.details) ?? outlineLesson?.availableAt ?? null}
        />
      );
    }
    if (isApiError(error) && error.status === 404) {
      return (
        <LessonUnavailableCard
          headingRef={headingRef}
          slug={slug}
          needsVerification={me ? !me.user.emailVerified : false}
        />
      );
    }
    return (
      <div className="space-y-4">
        <LessonHeading ref={headingRef}>{outlineLesson?.title ?? t('player.title')}</LessonHeading>
        <Alert tone="error">{errorMessage(error)}</Alert>
      </div>
    );
  }

  const content = lesson.data;
  return (
    <article className="space-y-6">
      <LessonHeading ref={headingRef}>{content.title}</LessonHeading>
      <LessonBody
        lesson={content}
        canTrack={canTrack === true}
        onResult={(result) => onResult(content.id, result)}
      />
      <LessonActions
        slug={slug}
        lesson={content}
        canTrack={canTrack}
        onResult={(result) => onResult(content.id, result)}
      />
    </article>
  );
}
