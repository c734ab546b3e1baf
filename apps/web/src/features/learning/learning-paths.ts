const enc = encodeURIComponent;

/** The player: a lesson, or the course's start page (which opens the lesson to continue with). */
export function learnPath(slug: string, lessonId?: string | null): string {
  const base = `/courses/${enc(slug)}/learn`;
  return lessonId ? `${base}/${enc(lessonId)}` : base;
}
