import type { LessonType } from '../../api/types.ts';

const PATHS: Record<LessonType, string> = {
  video: 'M4 6h11v12H4zM15 10l5-3v10l-5-3',
  text: 'M6 3h9l4 4v14H6zM9 12h7M9 16h7M9 8h3',
  pdf: 'M6 3h9l4 4v14H6zM14 3v5h5M9 14h6',
  resources: 'M4 7h6l2 2h8v10H4zM4 7V5h6',
  quiz: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h0',
};

/** The outline icon of a lesson type; decorative (the type is named in text next to it). */
export function LessonTypeIcon({ type, className = 'size-5' }: { type: LessonType; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
    >
      <path d={PATHS[type]} />
    </svg>
  );
}
